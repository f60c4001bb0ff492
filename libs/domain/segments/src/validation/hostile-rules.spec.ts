import * as fc from 'fast-check';
import { compileSegmentRule } from '../compiler/compile-segment-rule';
import { FIXTURE_CATALOGUE, FIXTURE_NOW } from '../fixtures/fixture-catalogue';
import { FIXTURE_RULES } from '../fixtures/fixture-rules';
import { MAX_GROUP_DEPTH } from './nesting-problem';
import { validateSegmentRule } from './validate-segment-rule';

/**
 * Rules arrive from browsers and integrators: whatever the JSON, checking and compiling a rule
 * answers with problems in words, never with an exception (which the API would turn into a 500),
 * and no value ever reaches the SQL text.
 */
const INJECTION = `x'); DROP TABLE customers; --`;

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant(INJECTION),
  fc.constant('x'.repeat(200_000)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')),
  fc.constantFrom(null, true, -1, 0, 1e308, -1e308, '', '2026-02-30', '__proto__', 'constructor'),
  fc.integer({ min: 1, max: 3000 }).map((depth) => nestedArrays(depth)),
);

function nestedArrays(depth: number): unknown {
  let value: unknown = INJECTION;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

function nestedGroups(depth: number): unknown {
  let node: unknown = { kind: 'customer_field', field: 'country', test: { op: 'in', values: ['ES'] } };
  for (let i = 0; i < depth; i += 1) node = { kind: 'group', match: 'all', conditions: [node] };
  return { version: 1, match: 'all', conditions: [node] };
}

/** Every place in a JSON document, as a list of keys. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const children = Object.entries(value).flatMap(([key, child]) =>
    pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]),
  );
  return [path, ...children];
}

function replaced(document: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

function checkAndCompile(rule: unknown) {
  const problems = validateSegmentRule(rule, FIXTURE_CATALOGUE);
  for (const problem of problems) {
    expect(typeof problem.path).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
  }
  const compiled = compileSegmentRule(rule, { now: FIXTURE_NOW, catalogue: FIXTURE_CATALOGUE, plan: 'whole-base' });
  if (compiled.ok) {
    expect(problems).toEqual([]);
    expect(compiled.sql).not.toContain('DROP TABLE');
  }
  return problems;
}

describe('hostile segment rules', () => {
  const fixtures = Object.values(FIXTURE_RULES);

  it('answer any JSON document with problems, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.object({ withNullPrototype: false })), (rule) => {
        checkAndCompile(rule);
      }),
      { numRuns: 1000 },
    );
  });

  it('answer a real rule with any part replaced by a hostile value with problems or a rule whose values stay parameters', () => {
    const mutation = fc
      .integer({ min: 0, max: fixtures.length - 1 })
      .chain((index) => fc.tuple(fc.constant(fixtures[index]), fc.constantFrom(...pathsOf(fixtures[index])), hostileValue));
    fc.assert(
      fc.property(mutation, ([rule, path, value]) => {
        checkAndCompile(replaced(rule, path, value));
      }),
      { numRuns: 1500 },
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it(`accept groups nested ${MAX_GROUP_DEPTH} deep and name the place where deeper nesting starts`, () => {
    expect(validateSegmentRule(nestedGroups(MAX_GROUP_DEPTH), FIXTURE_CATALOGUE)).toEqual([]);
    for (const depth of [MAX_GROUP_DEPTH + 1, 1_000, 100_000]) {
      const problems = checkAndCompile(nestedGroups(depth));
      expect(problems).toEqual([
        {
          path: expect.stringMatching(/^conditions\[0\](\.conditions\[0\]){16}$/),
          code: 'invalid',
          message: `Groups are nested more than ${MAX_GROUP_DEPTH} levels deep here: simplify the rule`,
        },
      ]);
    }
  });

  it('ignore __proto__ and constructor keys without polluting any prototype', () => {
    const rule = JSON.parse(
      '{"version":1,"match":"all","conditions":[],"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    );
    expect(checkAndCompile(rule).map((problem) => problem.message).join(' ')).toMatch(/__proto__|constructor|does not know/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
