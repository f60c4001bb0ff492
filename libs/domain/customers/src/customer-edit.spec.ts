import type { CustomFieldType } from '@marea/contracts';
import { changesOf, type EditableCustomer } from './customer-edit-changes';
import { checkCustomerEdit } from './customer-edit-checks';

const lucia: EditableCustomer = {
  firstName: 'Lucía',
  lastName: 'García',
  documentNumber: null,
  email: 'lucia@example.com',
  phone: null,
  birthDate: '1990-04-02',
  gender: 'female',
  city: 'Sevilla',
  country: 'ES',
  language: 'es',
  tags: ['vip'],
  attributes: { shoe_size: 38 },
};

describe('changesOf', () => {
  it('records only the fields whose value changes', () => {
    expect(changesOf(lucia, { firstName: 'Lucía', city: 'Madrid', phone: null, tags: ['vip', 'eco', 'eco'], attributes: { shoe_size: 39, newsletter: true } })).toEqual([
      { field: 'city', before: 'Sevilla', after: 'Madrid' },
      { field: 'tags', before: ['vip'], after: ['vip', 'eco'] },
      { field: 'attributes.shoe_size', before: 38, after: 39 },
      { field: 'attributes.newsletter', before: null, after: true },
    ]);
  });

  it('a cleared field changes to null', () => {
    expect(changesOf(lucia, { email: null })).toEqual([{ field: 'email', before: 'lucia@example.com', after: null }]);
  });
});

describe('checkCustomerEdit', () => {
  const fields = new Map<string, CustomFieldType>([['shoe_size', 'number']]);
  it('refuses a birth date in the future and a custom field of the wrong type, naming each field', () => {
    expect(checkCustomerEdit({ birthDate: '2030-01-01', attributes: { shoe_size: 'big' } }, fields, '2026-05-01')).toEqual([
      { field: 'birthDate', message: 'must not be in the future' },
      { field: 'attributes.shoe_size', message: 'must be a number (custom field "shoe_size" is of type number)' },
    ]);
  });

  it('accepts a valid edit', () => {
    expect(checkCustomerEdit({ birthDate: '2000-02-29', attributes: { shoe_size: 40 } }, fields, '2026-05-01')).toEqual([]);
  });
});
