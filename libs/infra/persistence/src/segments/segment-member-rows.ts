import type { SegmentMember } from '@marea/contracts';

/** The customer columns a member line shows, from `customers c`. */
export const MEMBER_COLUMNS = `c.id::text AS id, c.external_id, c.first_name, c.last_name, c.email, c.phone, c.city, c.country`;

export interface MemberRow {
  id: string;
  external_id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  entered_at?: Date;
}

export function toCustomerLine(row: MemberRow): Omit<SegmentMember, 'enteredAt'> {
  return {
    id: row.id,
    externalId: row.external_id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    city: row.city,
    country: row.country,
  };
}

export function toMember(row: MemberRow & { entered_at: Date }): SegmentMember {
  return { ...toCustomerLine(row), enteredAt: row.entered_at.toISOString() };
}
