import { CustomerItem, OrderItem } from '@marea/contracts';
import { parseItem } from './item-parsing';

const errorsOf = (result: ReturnType<typeof parseItem>) => (result.ok ? [] : result.errors);

describe('parseItem', () => {
  it('accepts a valid item as the schema parses it', () => {
    expect(parseItem(CustomerItem, { externalId: ' c-1 ', firstName: 'Ana' })).toEqual({
      ok: true,
      value: { externalId: 'c-1', firstName: 'Ana' },
    });
  });

  it.each([
    [{ firstName: 'Ana' }, 'externalId', 'is required'],
    [{ externalId: 'c', firstName: 12 }, 'firstName', 'must be text, not a number'],
    [{ externalId: 'c', nickname: 'x' }, 'nickname', 'is not a known field (names are case-sensitive, e.g. externalId)'],
    [{ externalId: '' }, 'externalId', 'must not be empty'],
    [{ externalId: 'c', gender: 'f' }, 'gender', 'must be one of: "female", "male", "other"'],
    [{ externalId: 'c', birthDate: '2023-02-29' }, 'birthDate', '2023-02-29 is not a real date: February 2023 has 28 days'],
    [{ externalId: 'c', tags: ['ok', 3] }, 'tags[1]', 'must be text, not a number'],
    [{ externalId: 'c', attributes: { Bad: 1 } }, 'attributes.Bad', expect.stringMatching(/^key must be lower-case/)],
  ])('names the field and says what is wrong: %j', (raw, field, message) => {
    expect(errorsOf(parseItem(CustomerItem, raw))).toEqual([{ field, message }]);
  });

  it('names the place inside nested lists', () => {
    const order = {
      externalId: 'o', customerExternalId: 'c', storeExternalId: 's', orderedAt: '2025-02-30T10:00:00Z',
      lines: [{ sku: 'a', quantity: 1, unitPrice: 1 }, { sku: 'b', quantity: 'two', unitPrice: 1 }],
    };
    expect(errorsOf(parseItem(OrderItem, order))).toEqual([
      { field: 'orderedAt', message: '2025-02-30T10:00:00Z is not a real date: February 2025 has 28 days' },
      { field: 'lines[1].quantity', message: 'must be a number, not text' },
    ]);
  });

  it('refuses what is not an object', () => {
    expect(errorsOf(parseItem(CustomerItem, ['c']))).toEqual([{ field: '', message: 'must be an object, not a list' }]);
    expect(errorsOf(parseItem(CustomerItem, null))).toEqual([{ field: '', message: 'must be an object, not null' }]);
  });

  it('refuses "__proto__" keys before they reach an object', () => {
    const raw = JSON.parse('{"externalId": "c", "attributes": {"__proto__": {"polluted": 1}}}');
    expect(errorsOf(parseItem(CustomerItem, raw))).toEqual([
      { field: 'attributes.__proto__', message: '"__proto__" is a reserved name and cannot be used as a key' },
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
