import type { CustomFieldType } from '@marea/contracts';
import { checkCustomFieldValues } from './custom-field-values';

const definitions = new Map<string, CustomFieldType>([
  ['vip', 'boolean'],
  ['shoe_size', 'number'],
  ['since', 'date'],
  ['nickname', 'text'],
]);

describe('checkCustomFieldValues', () => {
  it('accepts values of their field type, and null to clear', () => {
    expect(checkCustomFieldValues({ vip: true, shoe_size: 38.5, since: '2024-02-29', nickname: 'Ani' }, definitions)).toEqual([]);
    expect(checkCustomFieldValues({ vip: null, since: null }, definitions)).toEqual([]);
  });

  it.each([
    [{ vip: 'yes' }, 'attributes.vip', 'must be true or false (custom field "vip" is of type boolean)'],
    [{ shoe_size: '38' }, 'attributes.shoe_size', 'must be a number (custom field "shoe_size" is of type number)'],
    [{ since: '2023-02-29' }, 'attributes.since', '2023-02-29 is not a real date: February 2023 has 28 days'],
    [{ since: '01/02/2024' }, 'attributes.since', 'must be a date written YYYY-MM-DD (custom field "since" is of type date)'],
    [{ nickname: 7 }, 'attributes.nickname', 'must be text (custom field "nickname" is of type text)'],
  ])('rejects %j', (attributes, field, message) => {
    expect(checkCustomFieldValues(attributes, definitions)).toEqual([{ field, message }]);
  });

  it('names an unknown key, even one that exists on every JavaScript object', () => {
    expect(checkCustomFieldValues({ constructor: 'x' }, definitions)).toEqual([
      { field: 'attributes.constructor', message: expect.stringMatching(/^there is no custom field "constructor"; define it first .*\(defined: nickname, shoe_size, since, vip\)/) },
    ]);
  });
});
