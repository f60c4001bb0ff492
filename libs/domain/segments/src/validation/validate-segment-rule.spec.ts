import type { SegmentRule } from '@marea/contracts';
import { FIXTURE_CATALOGUE as catalogue } from '../fixtures/fixture-catalogue';
import { FIXTURE_RULES } from '../fixtures/fixture-rules';
import { parseSegmentRule } from './structure-problems';
import { isTimeRelative } from './time-relative';
import { validateSegmentRule } from './validate-segment-rule';

const rule = (...conditions: unknown[]) => ({ version: 1, match: 'all', conditions });

describe('validateSegmentRule', () => {
  it.each(Object.keys(FIXTURE_RULES))('accepts the fixture rule %s', (name) => {
    expect(validateSegmentRule(FIXTURE_RULES[name], catalogue)).toEqual([]);
  });

  it('names a wrong value by the figure the marketer chose, at the path of the value', () => {
    const problems = validateSegmentRule(
      rule({ kind: 'group', match: 'any', conditions: [{ kind: 'order_aggregate', aggregate: 'sum', test: { op: 'gt', value: 'a lot' } }] }),
      catalogue,
    );
    expect(problems).toEqual([{ path: 'conditions[0].conditions[0].test.value', code: 'invalid', message: '"Spend" needs a number' }]);
  });

  it('reports every problem of a rule at once', () => {
    const problems = validateSegmentRule(
      rule(
        { kind: 'customer_field', field: 'birth_date', test: { op: 'contains', value: '12' } },
        { kind: 'custom_field', key: 'loyalty_points', test: { op: 'equals', value: 'gold' } },
        { kind: 'custom_field', key: 'shoe_size', test: { op: 'gt', value: 40 } },
        { kind: 'order_aggregate', aggregate: 'count', filter: { categories: { include: ['Jardín > Flores'] } }, test: { op: 'gte', value: 2 } },
        { kind: 'first_purchase_store', test: { op: 'in', values: ['web', 'paris'] } },
      ),
      catalogue,
    );
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['conditions[0].test.op', expect.stringMatching(/^"Birth date" cannot use "contains"; it takes: "is", "is not", "is before"/)],
      ['conditions[1].test.value', '"Loyalty points" needs a number'],
      ['conditions[2].key', 'there is no custom field "shoe_size" (defined: favourite_plant, loyalty_points, newsletter_club, wedding_date)'],
      ['conditions[3].filter.categories.include[0]', 'there is no category "Jardín > Flores"'],
      ['conditions[4].test.values[1]', 'there is no store "paris"'],
    ]);
  });

  it('rejects a date range that ends before it starts and a window that is not a span of days', () => {
    const problems = validateSegmentRule(
      rule(
        { kind: 'purchase_date', which: 'last', test: { op: 'between', from: '2026-03-01', to: '2026-01-01' } },
        { kind: 'event', eventType: 'page_view', times: { op: 'at_least', count: 1 }, window: { op: 'anniversary_between', from: '01-01', to: '02-01' } },
      ),
      catalogue,
    );
    expect(problems.map((p) => p.path)).toEqual(['conditions[0].test.to', 'conditions[1].window.op']);
    expect(problems[0].message).toBe('"Last purchase date": the end of the range comes before its start');
  });

  it('says what is missing or unknown in plain words, not in schema terms', () => {
    const problems = validateSegmentRule({ version: 2, match: 'most', conditions: [{ kind: 'zodiac_sign' }, { kind: 'tags' }] }, catalogue);
    expect(problems).toEqual([
      { path: 'version', code: 'invalid', message: 'needs version 1' },
      { path: 'match', code: 'invalid', message: 'needs all or any' },
      { path: 'conditions[0].kind', code: 'invalid', message: 'needs a known kind of condition' },
      { path: 'conditions[1].test', code: 'invalid', message: '"Tags" is missing' },
    ]);
  });

  it('accepts anniversaries written as days of the year, and refuses a day no year has', () => {
    expect(validateSegmentRule(rule({ kind: 'customer_field', field: 'birth_date', test: { op: 'anniversary_between', from: '02-29', to: '03-01' } }), catalogue)).toEqual([]);
    expect(validateSegmentRule(rule({ kind: 'customer_field', field: 'birth_date', test: { op: 'anniversary_between', from: '02-30', to: '03-01' } }), catalogue)).toEqual([
      { path: 'conditions[0].test.from', code: 'invalid', message: '"Birth date" is not a day of any year' },
    ]);
  });

  describe('membership of other segments', () => {
    const stored: Record<string, SegmentRule> = {
      vip: { version: 1, match: 'all', negate: false, conditions: [{ kind: 'segment', member: false, code: 'churn-risk' }] },
      'churn-risk': { version: 1, match: 'all', negate: false, conditions: [{ kind: 'segment', member: true, code: 'lapsed' }] },
      lapsed: { version: 1, match: 'all', negate: false, conditions: [] },
    };
    const segmentRuleOf = (code: string) => stored[code];

    it('accepts a chain of segments that ends', () => {
      expect(validateSegmentRule(rule({ kind: 'segment', member: true, code: 'vip' }), catalogue, { segmentCode: 'new-one', segmentRuleOf })).toEqual([]);
    });

    it('rejects a rule that leads back to its own segment, naming the chain', () => {
      expect(validateSegmentRule(rule({ kind: 'segment', member: true, code: 'vip' }), catalogue, { segmentCode: 'lapsed', segmentRuleOf })).toEqual([
        { path: 'conditions[0].code', code: 'membership_cycle', message: 'segments cannot depend on themselves: "lapsed" → "vip" → "churn-risk" → "lapsed"' },
      ]);
    });

    it('rejects a segment that refers to itself directly, and one that does not exist', () => {
      const problems = validateSegmentRule(
        rule({ kind: 'segment', member: true, code: 'vip' }, { kind: 'segment', member: false, code: 'ghosts' }),
        catalogue,
        { segmentCode: 'vip', segmentRuleOf },
      );
      expect(problems.map((p) => [p.path, p.code])).toEqual([
        ['conditions[0].code', 'membership_cycle'],
        ['conditions[1].code', 'unknown_reference'],
      ]);
    });
  });
});

describe('isTimeRelative', () => {
  const parse = (input: unknown) => {
    const parsed = parseSegmentRule(input, catalogue);
    if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
    return parsed.rule;
  };

  it('tells the scheduler which rules change with the passing of time alone', () => {
    expect(isTimeRelative(parse(FIXTURE_RULES['birthday-in-three-days']))).toBe(true);
    expect(isTimeRelative(parse(FIXTURE_RULES['benchmark-three-conditions']))).toBe(true);
    expect(isTimeRelative(parse(FIXTURE_RULES['christmas-anniversary-wrapping']))).toBe(false);
  });
});
