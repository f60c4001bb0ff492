/** Where each customer field of the API is kept in the `customers` table. */
export const CUSTOMER_COLUMNS = {
  externalId: 'external_id',
  firstName: 'first_name',
  lastName: 'last_name',
  documentNumber: 'document_number',
  email: 'email',
  phone: 'phone',
  birthDate: 'birth_date',
  gender: 'gender',
  city: 'city',
  country: 'country',
  language: 'language',
  tags: 'tags',
  managerId: 'manager_id',
} as const;
