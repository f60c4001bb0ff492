import type { CustomerSnapshot } from '@marea/engine/automations';

export interface CustomerRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  language: string | null;
  tags: string[];
  attributes: Record<string, unknown>;
  birth_date: string | null;
  manager_id: string | null;
  time_zone: string;
  email_consent: boolean;
  sms_consent: boolean;
}

/** A customer row as the engine reads it: consents, zone, dates for delays, the template context. */
export function customerSnapshot(row: CustomerRow): CustomerSnapshot {
  const dates: Record<string, string | null> = { birth_date: row.birth_date };
  for (const [name, value] of Object.entries(row.attributes)) {
    if (typeof value === 'string') dates[`attributes.${name}`] = value;
  }
  return {
    id: row.id,
    email: row.email,
    phone: row.phone,
    timeZone: row.time_zone,
    consents: { email: row.email_consent, sms: row.sms_consent },
    dates,
    template: {
      id: row.id,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      phone: row.phone,
      city: row.city,
      country: row.country,
      language: row.language,
      tags: row.tags,
      attributes: row.attributes,
      birthDate: row.birth_date,
    },
  };
}
