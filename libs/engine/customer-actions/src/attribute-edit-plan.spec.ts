import type { CustomFieldType } from '@marea/contracts';
import { planAttributeEdit, type CustomerAttributeState } from './attribute-edit-plan';

const definitions = new Map<string, CustomFieldType>([
  ['loyalty_points', 'number'],
  ['vip', 'boolean'],
  ['anniversary', 'date'],
]);
const customer: CustomerAttributeState = { tags: ['newsletter', 'b2b'], attributes: { loyalty_points: 40 } };
const today = '2026-11-24';

describe('an automation updating a customer', () => {
  it('sets and clears profile fields, increments a number field from its stored value and edits the tags', () => {
    const plan = planAttributeEdit(
      [
        { op: 'set', field: 'city', value: 'Kraków' },
        { op: 'clear', field: 'language' },
        { op: 'increment', field: 'attributes.loyalty_points', by: 10 },
        { op: 'increment', field: 'attributes.loyalty_points', by: 5 },
        { op: 'set', field: 'attributes.vip', value: true },
        { op: 'add-tag', tag: 'vip' },
        { op: 'add-tag', tag: 'b2b' },
        { op: 'remove-tag', tag: 'newsletter' },
      ],
      customer,
      definitions,
      today,
    );
    expect(plan).toEqual({
      ok: true,
      edit: { city: 'Kraków', language: null, attributes: { loyalty_points: 55, vip: true }, tags: ['vip', 'b2b'] },
    });
  });

  it('starts an increment of an empty number field at zero', () => {
    const plan = planAttributeEdit([{ op: 'increment', field: 'attributes.loyalty_points', by: 3 }], { tags: [], attributes: {} }, definitions, today);
    expect(plan).toEqual({ ok: true, edit: { attributes: { loyalty_points: 3 } } });
  });

  it('names the operation and the field of a value of the wrong type', () => {
    const plan = planAttributeEdit(
      [
        { op: 'set', field: 'city', value: 'Gdańsk' },
        { op: 'set', field: 'attributes.loyalty_points', value: 'many' },
        { op: 'set', field: 'birthDate', value: '2030-01-01' },
      ],
      customer,
      definitions,
      today,
    );
    expect(plan).toEqual({
      ok: false,
      problems: [
        { field: 'operations[2].value', message: 'birthDate: must not be in the future' },
        { field: 'operations[1].value', message: 'attributes.loyalty_points: must be a number (custom field "loyalty_points" is of type number)' },
      ],
    });
  });

  it('refuses a field the customer does not have, an undefined custom field and an increment of text', () => {
    const plan = planAttributeEdit(
      [
        { op: 'set', field: 'shoeSize', value: 44 },
        { op: 'clear', field: 'attributes.shoe_size' },
        { op: 'increment', field: 'city', by: 1 },
      ],
      customer,
      definitions,
      today,
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems.map((problem) => problem.field)).toEqual(['operations[0].field', 'operations[1].field', 'operations[2].field']);
    expect(plan.problems[0].message).toContain('"shoeSize" is not a customer field (known: firstName');
    expect(plan.problems[0].message).toContain('attributes.loyalty_points');
    expect(plan.problems[1].message).toContain('there is no custom field "shoe_size"');
    expect(plan.problems[2].message).toBe('"city" is not a number field; only number custom fields can be incremented');
  });

  it('refuses a profile value the profile page would refuse, e.g. an email that is not one', () => {
    const plan = planAttributeEdit([{ op: 'set', field: 'email', value: 'not an email' }], customer, definitions, today);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.problems[0].field).toBe('operations[0].value');
  });
});
