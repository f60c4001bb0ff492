/** What the engine reads of a customer to decide and to render a step. */
export interface CustomerSnapshot {
  readonly id: string;
  readonly email: string | null;
  readonly phone: string | null;
  /** The customer's IANA zone, or the account's. */
  readonly timeZone: string;
  readonly consents: { readonly email: boolean; readonly sms: boolean };
  /** Dates usable by delays and date triggers: `birth_date` and every `attributes.<name>`. */
  readonly dates: Record<string, string | null>;
  /** Handlebars context: first/last name, city, country, language, tags, attributes … */
  readonly template: Record<string, unknown>;
}
