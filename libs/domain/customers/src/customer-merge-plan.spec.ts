import { MERGED_FIELDS, planCustomerMerge, type MergeCandidate, type MergedField } from './customer-merge-plan';

const blank = Object.fromEntries(MERGED_FIELDS.map((field) => [field, null])) as Record<MergedField, null>;

function profile(id: string, updatedAt: string, fields: Partial<Record<MergedField, string>>, extra: Partial<MergeCandidate> = {}): MergeCandidate {
  return { id, updatedAt: new Date(updatedAt), fields: { ...blank, ...fields }, tags: [], attributes: {}, ...extra };
}

describe('planning a merge of two duplicate profiles', () => {
  const older = profile('1', '2026-01-01T00:00:00Z', { firstName: 'Ana', email: 'ana@old.example', city: 'Madrid' });
  const newer = profile('2', '2026-06-01T00:00:00Z', { firstName: 'Ana', email: 'ana@new.example', phone: '+34600000000', city: '' });

  it('keeps the newest non-empty value of each field', () => {
    const plan = planCustomerMerge(older, newer, {});
    expect(plan.merged.fields).toMatchObject({ firstName: 'Ana', email: 'ana@new.example', phone: '+34600000000', city: 'Madrid' });
    const reasons = Object.fromEntries(plan.fields.map((field) => [field.field, `${field.winner}/${field.reason}`]));
    expect(reasons).toMatchObject({ firstName: 'survivor/same', email: 'absorbed/newest', phone: 'absorbed/only-value', city: 'survivor/only-value' });
  });

  it('lets the marketer choose the side of any field, even an empty one', () => {
    const plan = planCustomerMerge(older, newer, { email: 'survivor', city: 'absorbed' });
    expect(plan.merged.fields.email).toBe('ana@old.example');
    expect(plan.merged.fields.city).toBe('');
    expect(plan.fields.find((field) => field.field === 'email')).toMatchObject({ winner: 'survivor', reason: 'chosen' });
  });

  it('keeps the survivor value when both changed at the same moment', () => {
    const twin = profile('2', '2026-01-01T00:00:00Z', { email: 'other@example.com' });
    expect(planCustomerMerge(older, twin, {}).merged.fields.email).toBe('ana@old.example');
  });

  it('unites the tags and decides custom fields key by key', () => {
    const a = { ...older, tags: ['vip', 'newsletter'], attributes: { shoeSize: 38, club: 'gold' } };
    const b = { ...newer, tags: ['newsletter', 'b2b'], attributes: { shoeSize: 39, pets: true } };
    const plan = planCustomerMerge(a, b, { 'attributes.club': 'absorbed' });
    expect(plan.merged.tags).toEqual(['b2b', 'newsletter', 'vip']);
    expect(plan.merged.attributes).toEqual({ shoeSize: 39, pets: true });
  });

  it('names a choice for a field neither profile has', () => {
    expect(planCustomerMerge(older, newer, { shoeSize: 'absorbed' }).problems).toEqual([
      { field: 'choices.shoeSize', message: 'is not a field of either customer' },
    ]);
  });
});
