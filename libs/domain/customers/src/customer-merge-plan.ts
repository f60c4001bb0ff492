import { EditableField, type MergeFieldPlan, type MergeSide } from '@marea/contracts';
import type { FieldError } from '@marea/domain/ingestion';

type PlainField = Exclude<EditableField, 'tags' | 'attributes'>;
export type MergedField = PlainField | 'managerId';

/** The profile fields a merge decides one by one (tags are united; custom fields go key by key). */
export const MERGED_FIELDS: readonly MergedField[] = [
  ...EditableField.options.filter((field): field is PlainField => field !== 'tags' && field !== 'attributes'),
  'managerId',
];

type Value = string | number | boolean | null;

/** One of the two profiles as the merge sees it. */
export interface MergeCandidate {
  readonly id: string;
  /** When the profile last changed: its values count as that recent. */
  readonly updatedAt: Date;
  readonly fields: Readonly<Record<MergedField, Value>>;
  readonly tags: readonly string[];
  readonly attributes: Readonly<Record<string, Value>>;
}

export interface CustomerMergePlan {
  readonly fields: MergeFieldPlan[];
  /** The survivor's values after the merge, by field, and its custom fields. */
  readonly merged: { readonly fields: Record<MergedField, Value>; readonly attributes: Record<string, Value>; readonly tags: string[] };
  readonly problems: FieldError[];
}

const isEmpty = (value: Value): boolean => value === null || value === '';

function decide(field: string, survivor: MergeCandidate, absorbed: MergeCandidate, a: Value, b: Value, choice: MergeSide | undefined): MergeFieldPlan {
  const plan = (winner: MergeSide, reason: MergeFieldPlan['reason']): MergeFieldPlan => ({ field, survivor: a, absorbed: b, winner, reason });
  if (choice) return plan(choice, 'chosen');
  if (a === b || (isEmpty(a) && isEmpty(b))) return plan('survivor', 'same');
  if (isEmpty(a)) return plan('absorbed', 'only-value');
  if (isEmpty(b)) return plan('survivor', 'only-value');
  // Both hold a value: the profile changed last is the better-informed one; a tie keeps the survivor's.
  return plan(absorbed.updatedAt.getTime() > survivor.updatedAt.getTime() ? 'absorbed' : 'survivor', 'newest');
}

/**
 * Decides every field of merging `absorbed` into `survivor`: a field takes the newest non-empty
 * value (the profile updated last wins when both have one), unless `choices` names the side.
 * Tags are united; custom fields are decided key by key like fields. A choice naming a field
 * neither profile has is a problem with its path (`choices.<field>`).
 */
export function planCustomerMerge(
  survivor: MergeCandidate,
  absorbed: MergeCandidate,
  choices: Readonly<Record<string, MergeSide>>,
): CustomerMergePlan {
  const attributeKeys = [...new Set([...Object.keys(survivor.attributes), ...Object.keys(absorbed.attributes)])].sort();
  const known = new Set<string>([...MERGED_FIELDS, ...attributeKeys.map((key) => `attributes.${key}`)]);
  const problems: FieldError[] = Object.keys(choices)
    .filter((field) => !known.has(field))
    .map((field) => ({ field: `choices.${field}`, message: 'is not a field of either customer' }));

  const fields: MergeFieldPlan[] = [];
  const mergedFields = {} as Record<MergedField, Value>;
  for (const field of MERGED_FIELDS) {
    const plan = decide(field, survivor, absorbed, survivor.fields[field], absorbed.fields[field], choices[field]);
    fields.push(plan);
    mergedFields[field] = plan.winner === 'survivor' ? plan.survivor : plan.absorbed;
  }
  const attributes: Record<string, Value> = {};
  for (const key of attributeKeys) {
    const field = `attributes.${key}`;
    const plan = decide(field, survivor, absorbed, survivor.attributes[key] ?? null, absorbed.attributes[key] ?? null, choices[field]);
    fields.push(plan);
    const value = plan.winner === 'survivor' ? plan.survivor : plan.absorbed;
    if (value !== null) attributes[key] = value;
  }
  const tags = [...new Set([...survivor.tags, ...absorbed.tags])].sort();
  return { fields, merged: { fields: mergedFields, attributes, tags }, problems };
}
