import {
  RfmSegmentName,
  WINDOW_OPERATORS,
  type IncludeExclude,
  type OrderFilter,
  type RuleNode,
  type SegmentCatalogue,
  type SegmentCondition,
  type SegmentRule,
  type SegmentRuleProblem,
  type ValueTest,
} from '@marea/contracts';
import { conditionLabel, testedSubject } from './condition-subject';
import { membershipCycle } from './membership-cycles';
import { rulePath } from './rule-path';
import { parseSegmentRule } from './structure-problems';
import { valueTestProblems, type LocalProblem } from './value-test-problems';

/** What validation needs besides the catalogue to follow references to other segments. */
export interface SegmentReferenceLookup {
  /** The code of the segment whose rule this is (a rule may not lead back to it). */
  segmentCode?: string;
  /** The stored rule of another segment, by code; undefined when no such segment exists. */
  segmentRuleOf?: (code: string) => SegmentRule | undefined;
}

type Path = (string | number)[];

function unknownNames(list: readonly string[] | undefined, names: IncludeExclude | undefined, path: Path, what: string): LocalProblem[] {
  if (!list || !names) return [];
  const known = new Set(list);
  return (['include', 'exclude'] as const).flatMap((side) =>
    names[side].flatMap((name, i) =>
      known.has(name) ? [] : [{ path: [...path, side, i], code: 'unknown_reference' as const, message: `there is no ${what} "${name}"` }],
    ),
  );
}

function filterProblems(filter: OrderFilter | undefined, catalogue: SegmentCatalogue, path: Path): LocalProblem[] {
  if (!filter) return [];
  return [
    ...unknownNames(catalogue.stores, filter.stores, [...path, 'stores'], 'store'),
    ...unknownNames(catalogue.products, filter.products, [...path, 'products'], 'product with SKU'),
    ...unknownNames(catalogue.categories, filter.categories, [...path, 'categories'], 'category'),
  ];
}

function windowProblems(window: ValueTest | undefined, label: string, path: Path): LocalProblem[] {
  if (!window) return [];
  return valueTestProblems(window, { label: `${label}: time window`, type: 'date' }, path, WINDOW_OPERATORS);
}

/** Names a test refers to (store ids, manager emails, RFM segments) that the shop does not know. */
function unknownTestNames(test: ValueTest, known: readonly string[] | undefined, path: Path, what: string): LocalProblem[] {
  if (!known) return [];
  const set = new Set(known);
  const values = test.op === 'in' || test.op === 'not_in' ? test.values : test.op === 'equals' || test.op === 'not_equals' ? [test.value] : [];
  const at = (i: number): Path => (test.op === 'in' || test.op === 'not_in' ? [...path, 'values', i] : [...path, 'value']);
  return values.flatMap((value, i) =>
    typeof value === 'string' && !set.has(value) ? [{ path: at(i), code: 'unknown_reference' as const, message: `there is no ${what} "${value}"` }] : [],
  );
}

function conditionProblems(condition: SegmentCondition, catalogue: SegmentCatalogue, lookup: SegmentReferenceLookup, path: Path): LocalProblem[] {
  const label = conditionLabel(condition, catalogue);
  const problems: LocalProblem[] = [];
  const subject = testedSubject(condition, catalogue);
  if ('test' in condition && subject) problems.push(...valueTestProblems(condition.test, subject, [...path, 'test']));
  if ('window' in condition) problems.push(...windowProblems(condition.window, label, [...path, 'window']));
  if ('filter' in condition) problems.push(...filterProblems(condition.filter, catalogue, [...path, 'filter']));
  switch (condition.kind) {
    case 'custom_field':
      if (!subject) {
        const known = catalogue.customFields.map((f) => f.key).sort();
        problems.push({
          path: [...path, 'key'],
          code: 'unknown_reference',
          message: `there is no custom field "${condition.key}"` + (known.length ? ` (defined: ${known.join(', ')})` : ' (none is defined yet)'),
        });
      }
      break;
    case 'manager':
      problems.push(...unknownTestNames(condition.test, catalogue.managers, [...path, 'test'], 'manager with email'));
      break;
    case 'first_purchase_store':
      problems.push(...unknownTestNames(condition.test, catalogue.stores, [...path, 'test'], 'store'));
      break;
    case 'metric':
      if (condition.metric === 'rfm_segment') {
        problems.push(...unknownTestNames(condition.test, RfmSegmentName.options, [...path, 'test'], 'RFM segment'));
      }
      break;
    case 'purchased':
      if (!condition.filter.products && !condition.filter.categories && !condition.filter.productAttributes) {
        problems.push({ path: [...path, 'filter'], code: 'invalid', message: `"${label}" needs products, categories or product attributes` });
      }
      break;
    case 'event':
      condition.properties.forEach((property, i) =>
        problems.push(...valueTestProblems(property.test, { label: `Property "${property.key}"`, type: property.type }, [...path, 'properties', i, 'test'])),
      );
      break;
    case 'segment': {
      const known = lookup.segmentRuleOf?.(condition.code) !== undefined || catalogue.segments?.includes(condition.code);
      if ((lookup.segmentRuleOf || catalogue.segments) && !known) {
        problems.push({ path: [...path, 'code'], code: 'unknown_reference', message: `there is no segment "${condition.code}"` });
      } else if (lookup.segmentRuleOf) {
        const cycle = membershipCycle(condition.code, lookup.segmentCode, lookup.segmentRuleOf);
        if (cycle) {
          const chain = lookup.segmentCode ? [lookup.segmentCode, ...cycle] : cycle;
          problems.push({
            path: [...path, 'code'],
            code: 'membership_cycle',
            message: `segments cannot depend on themselves: ${chain.map((c) => `"${c}"`).join(' → ')}`,
          });
        }
      } else if (condition.code === lookup.segmentCode) {
        problems.push({ path: [...path, 'code'], code: 'membership_cycle', message: `a segment cannot depend on itself ("${condition.code}")` });
      }
      break;
    }
    default:
      break;
  }
  return problems;
}

function nodeProblems(nodes: readonly RuleNode[], catalogue: SegmentCatalogue, lookup: SegmentReferenceLookup, path: Path): LocalProblem[] {
  return nodes.flatMap((node, i) => {
    const at = [...path, 'conditions', i];
    return node.kind === 'group' ? nodeProblems(node.conditions, catalogue, lookup, at) : conditionProblems(node, catalogue, lookup, at);
  });
}

/** The problems of a rule that is well-formed, given the shop's catalogue. */
export function semanticProblems(rule: SegmentRule, catalogue: SegmentCatalogue, lookup: SegmentReferenceLookup = {}): SegmentRuleProblem[] {
  return nodeProblems(rule.conditions, catalogue, lookup, []).map((p) => ({ path: rulePath(p.path), code: p.code, message: p.message }));
}

/**
 * Every problem of a rule, each with the path of the node that has it and words a marketer
 * understands; an empty list means the rule can be saved and compiled. `rule` is untrusted
 * input (JSON from a request, the builder, or the database).
 */
export function validateSegmentRule(rule: unknown, catalogue: SegmentCatalogue, lookup: SegmentReferenceLookup = {}): SegmentRuleProblem[] {
  const parsed = parseSegmentRule(rule, catalogue);
  return 'problems' in parsed ? parsed.problems : semanticProblems(parsed.rule, catalogue, lookup);
}
