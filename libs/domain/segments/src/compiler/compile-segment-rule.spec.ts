import { FIXTURE_CATALOGUE as catalogue, FIXTURE_NOW as now } from '../fixtures/fixture-catalogue';
import { compileSegmentRule } from './compile-segment-rule';

const rule = (...conditions: unknown[]) => ({ version: 1, match: 'all', conditions });

describe('compileSegmentRule', () => {
  it('never writes a value of the rule into the SQL text, only as a parameter', () => {
    const hostile = "x'); DROP TABLE customers; --";
    const compiled = compileSegmentRule(
      rule(
        { kind: 'customer_field', field: 'city', test: { op: 'equals', value: hostile } },
        { kind: 'event', eventType: 'add_to_cart', times: { op: 'at_least', count: 1 }, properties: [{ key: hostile, test: { op: 'contains', value: hostile } }] },
        { kind: 'order_aggregate', aggregate: 'sum', filter: { productAttributes: [{ key: hostile, include: [hostile] }] }, test: { op: 'gt', value: 1 } },
      ),
      { now, catalogue: { ...catalogue, products: undefined } },
    );
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    expect(compiled.sql).not.toContain('DROP');
    expect(compiled.params).toContain(hostile);
  });

  it('answers that messages are not available yet, where they are, and compiles persona clusters and propensity beside them', () => {
    const compiled = compileSegmentRule(
      rule(
        { kind: 'tags', test: { op: 'is_not_empty' } },
        {
          kind: 'group',
          match: 'any',
          conditions: [
            { kind: 'message', action: 'opened', target: { type: 'automation', automationId: 'welcome' }, window: { op: 'in_last_days', days: 30 } },
            { kind: 'persona_cluster', analysisId: 'gardeners', test: { op: 'in', values: ['2', '3'] } },
            { kind: 'propensity', towards: 'Huerto ECO', test: { op: 'equals', value: 'high' } },
          ],
        },
      ),
      { now, catalogue },
    );
    expect(compiled).toEqual({
      ok: false,
      problems: [
        { path: 'conditions[1].conditions[0]', code: 'not_available', message: 'messages are not available until Marea sends messages (automations)' },
      ],
    });
  });

  it('reads persona clusters by analysis code and propensity from the newest done analysis that has the value', () => {
    const compiled = compileSegmentRule(
      rule(
        { kind: 'persona_cluster', analysisId: 'gardeners', test: { op: 'in', values: ['Huerto + Plantas', 'Jardín'] } },
        { kind: 'propensity', towards: 'Huerto ECO', test: { op: 'equals', value: 'high' } },
      ),
      { now, catalogue },
    );
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    expect(compiled.params).toEqual(expect.arrayContaining(['gardeners', ['Huerto + Plantas', 'Jardín'], 'Huerto ECO', 'high']));
    expect(compiled.sql).toContain('pan.code = $1::text');
    expect(compiled.sql).toMatch(/ORDER BY finished_at DESC, id DESC LIMIT 1/);
  });

  it('answers the validation problems of an invalid rule instead of SQL', () => {
    const compiled = compileSegmentRule(rule({ kind: 'custom_field', key: 'shoe_size', test: { op: 'gt', value: 40 } }), { now, catalogue });
    expect(compiled).toMatchObject({ ok: false, problems: [{ path: 'conditions[0].key', code: 'unknown_reference' }] });
  });

  it('lets an empty "all" select everyone and an empty "any" no one', () => {
    const all = compileSegmentRule({ version: 1, match: 'all', conditions: [] }, { now, catalogue });
    const any = compileSegmentRule({ version: 1, match: 'any', conditions: [] }, { now, catalogue });
    expect(all).toMatchObject({ ok: true, params: [] });
    expect(all.ok && all.sql).toContain('TRUE');
    expect(any.ok && any.sql).toContain('FALSE');
  });
});
