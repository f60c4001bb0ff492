import { eventPropertiesMatch } from './event-properties-match';

describe('a custom event fires an automation only when its properties pass the filters', () => {
  const cartEvent = { cartId: 'k-17', total: 120, channel: 'web', coupon: 'SPRING' };

  it.each([
    ['no filter', [], true],
    ['equal text', [{ key: 'channel', type: 'text', test: { op: 'equals', value: 'web' } }], true],
    ['another text', [{ key: 'channel', type: 'text', test: { op: 'equals', value: 'store' } }], false],
    ['a number above', [{ key: 'total', type: 'number', test: { op: 'gt', value: 100 } }], true],
    ['a number between', [{ key: 'total', type: 'number', test: { op: 'between', from: 150, to: 300 } }], false],
    ['one of', [{ key: 'coupon', type: 'text', test: { op: 'in', values: ['SPRING', 'SUMMER'] } }], true],
    ['a prefix, ignoring case', [{ key: 'cartId', type: 'text', test: { op: 'starts_with', value: 'K-' } }], true],
    ['a missing property', [{ key: 'store', type: 'text', test: { op: 'equals', value: 'x' } }], false],
    ['a missing property, negated', [{ key: 'store', type: 'text', test: { op: 'not_equals', value: 'x' } }], true],
    ['every filter must pass', [
      { key: 'channel', type: 'text', test: { op: 'equals', value: 'web' } },
      { key: 'total', type: 'number', test: { op: 'lt', value: 100 } },
    ], false],
  ] as const)('%s', (_, filters, fires) => {
    expect(eventPropertiesMatch(filters as never, cartEvent)).toBe(fires);
  });
});
