import type { SegmentCatalogue } from '@marea/contracts';

/** A value a template can show, and its Handlebars expression. */
export interface TemplateVariable {
  readonly label: string;
  readonly token: string;
}

// The customer's fields the engine puts in every template's context (`customer.*`).
const CUSTOMER_FIELDS: readonly [string, string][] = [
  ['firstName', $localize`:@@automations.var.firstName:First name`],
  ['lastName', $localize`:@@automations.var.lastName:Last name`],
  ['email', $localize`:@@automations.var.email:Email`],
  ['phone', $localize`:@@automations.var.phone:Phone`],
  ['city', $localize`:@@automations.var.city:City`],
  ['country', $localize`:@@automations.var.country:Country`],
  ['language', $localize`:@@automations.var.language:Language`],
  ['birthDate', $localize`:@@automations.var.birthDate:Birth date`],
];

/** The variables of the variable picker: the customer's fields, then the shop's custom fields. */
export function templateVariables(catalogue: SegmentCatalogue | null): TemplateVariable[] {
  return [
    ...CUSTOMER_FIELDS.map(([field, label]) => ({ label, token: `{{customer.${field}}}` })),
    ...(catalogue?.customFields ?? []).map((field) => ({ label: field.label, token: `{{customer.attributes.${field.key}}}` })),
  ];
}

/** The text of a field with `token` put in place of its selection (at the caret, or at the end). */
export function insertAtCaret(field: HTMLInputElement | HTMLTextAreaElement, token: string): string {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  return field.value.slice(0, start) + token + field.value.slice(end);
}
