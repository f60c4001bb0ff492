import type { AttributeValue, CustomFieldType } from '@marea/contracts';

/**
 * A whole shop in memory, as the reference evaluator reads it. Money, rates and quantities
 * are decimal strings ("12.50", "0.2500000000") so that arithmetic on them can be exact,
 * as it is in PostgreSQL. Instants are ISO strings with a time zone.
 */
export interface ReferenceShop {
  /** The account's time zone: dates of rules are calendar days in it. */
  timeZone: string;
  stores: { id: number; externalId: string; timeZone: string }[];
  users: { id: number; email: string }[];
  customFields: { key: string; label: string; type: CustomFieldType }[];
  categories: { id: number; path: string }[];
  products: { id: number; externalId: string; categoryIds: number[]; attributes: Record<string, AttributeValue> }[];
  customers: ReferenceCustomer[];
  orders: ReferenceOrder[];
  events: { id: number; customerId: number; type: string; occurredAt: string; properties: Record<string, unknown> }[];
  consents: { customerId: number; channel: 'email' | 'sms'; status: 'given' | 'withdrawn' }[];
  metrics: ReferenceMetrics[];
  segments: { id: number; code: string }[];
  memberships: { segmentId: number; customerId: number; enteredAt: string; exitedAt: string | null }[];
  /** Persona analyses with their clusters and every customer's cluster; a shop without any may leave it out. */
  personaAnalyses?: ReferencePersonaAnalysis[];
}

export interface ReferencePersonaAnalysis {
  id: number;
  code: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  finishedAt: string | null;
  values: string[];
  clusters: { cluster: number; name: string; propensity: ('high' | 'medium' | 'low' | 'zero')[] }[];
  assignments: { customerId: number; cluster: number }[];
}

export interface ReferenceCustomer {
  id: number;
  externalId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  documentNumber: string | null;
  gender: 'female' | 'male' | 'other' | null;
  city: string | null;
  country: string | null;
  language: string | null;
  birthDate: string | null;
  createdAt: string;
  tags: string[];
  attributes: Record<string, AttributeValue>;
  managerId: number | null;
}

export interface ReferenceOrder {
  id: number;
  customerId: number;
  storeId: number;
  channel: 'ecommerce' | 'store';
  kind: 'sale' | 'return';
  status: 'placed' | 'paid' | 'shipped' | 'completed' | 'cancelled';
  orderedAt: string;
  /** In the order's currency; negative for a return. */
  total: string;
  margin: string | null;
  /** Account-currency units per order-currency unit. */
  fxRate: string;
  lines: { productId: number; quantity: string; total: string; tax: string; cost: string | null }[];
}

export interface ReferenceMetrics {
  customerId: number;
  rfmSegment: string | null;
  rfmRecency: number | null;
  rfmFrequency: number | null;
  rfmMonetary: number | null;
  rfmMargin: number | null;
  clvState: string | null;
  predictedClv: string | null;
  primaryAffinity: string | null;
}
