import { parse } from 'csv-parse/sync';

/*
 * An independent computation of the purchase metrics of docs/customer-metrics.md straight from
 * the raw UCI Online Retail rows, written from the definitions and sharing no code with Marea's
 * SQL or domain library. Money is kept in exact integer units (BigInt) and rounded half away
 * from zero, as PostgreSQL's numeric does. The shop is in London: InvoiceDate is London time.
 */

export interface ReferenceFigures {
  externalId: string;
  tickets: number;
  tickets12m: number;
  revenue: string;
  revenue12m: string;
  averageTicket: string | null;
  averageUnitPrice: string | null;
  units: string;
  returns: number;
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
  lastActivityAt: string;
  rfm: { recency: number; frequency: number; monetary: number; margin: number; segment: string } | null;
}

interface Invoice {
  customer: string;
  isReturn: boolean;
  localDay: string;
  at: number;
  cents: bigint;
  units: bigint;
}

const PRICE_SCALE = 1_000_000n;

/** "2.55" → 2550000 (millionths); the file's prices have at most six decimals. */
function scaled(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  if (fraction.length > 6) throw new Error(`price ${text} has more than six decimals`);
  const value = BigInt(whole) * PRICE_SCALE + BigInt(fraction.padEnd(6, '0'));
  return negative ? -value : value;
}

/** numerator / denominator rounded half away from zero to an integer. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const [n, d] = [numerator < 0n ? -numerator : numerator, denominator < 0n ? -denominator : denominator];
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

function decimal(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** The UTC instant of a wall-clock time in Europe/London (GMT in winter, BST in summer). */
function londonInstant(local: string): number {
  const asUtc = Date.parse(`${local.replace(' ', 'T')}Z`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
    .formatToParts(new Date(asUtc))
    .find((part) => part.type === 'timeZoneName')?.value;
  const offsetHours = parts === 'GMT' ? 0 : Number(parts?.replace('GMT', ''));
  return asUtc - offsetHours * 3_600_000;
}

/** ntile(5) written out: groups filled in order, the first (n mod 5) groups one larger. */
function quintilesWorstFirst(ordered: string[]): Map<string, number> {
  const scores = new Map<string, number>();
  const base = Math.floor(ordered.length / 5);
  let position = 0;
  for (let group = 1; group <= 5; group++) {
    const size = base + (group <= ordered.length % 5 ? 1 : 0);
    for (let k = 0; k < size; k++) scores.set(ordered[position++], group);
  }
  return scores;
}

// docs/customer-metrics.md, "RFM segments": rows R = 5 … 1, columns FM = 1 … 5.
const SEGMENTS_BY_R: Record<number, string[]> = {
  5: ['new', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
  4: ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
  3: ['about_to_sleep', 'about_to_sleep', 'needs_attention', 'loyal', 'loyal'],
  2: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
  1: ['lost', 'lost', 'at_risk', 'at_risk', 'cant_lose'],
};

/**
 * `customerIdOf` gives Marea's id of a CustomerID: RFM ties are broken by it (the one id both
 * sides share; it is assigned by the import, not computed).
 */
export function onlineRetailReference(csv: Buffer, now: Date, customerIdOf: (externalId: string) => string): Map<string, ReferenceFigures> {
  const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
  const invoices = new Map<string, Invoice>();
  for (const row of rows) {
    const key = row['InvoiceNo'];
    const invoice = invoices.get(key) ?? {
      customer: String(Math.trunc(Number(row['CustomerID']))),
      isReturn: key.startsWith('C'),
      localDay: row['InvoiceDate'].slice(0, 10),
      at: londonInstant(row['InvoiceDate']),
      cents: 0n,
      units: 0n,
    };
    const quantity = BigInt(row['Quantity']);
    // A line's total is quantity × unit price rounded to cents; the invoice's total is their sum.
    invoice.cents += divideRounded(quantity * scaled(row['UnitPrice']), PRICE_SCALE / 100n);
    invoice.units += quantity;
    invoices.set(key, invoice);
  }

  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  const byCustomer = new Map<string, Invoice[]>();
  for (const invoice of invoices.values()) byCustomer.set(invoice.customer, [...(byCustomer.get(invoice.customer) ?? []), invoice]);

  const figures = new Map<string, ReferenceFigures>();
  const lastPurchase = new Map<string, number>();
  for (const [customer, list] of byCustomer) {
    const sales = list.filter((invoice) => !invoice.isReturn);
    const recent = (invoice: Invoice) => invoice.at > since.getTime();
    const tickets = new Set(sales.map((invoice) => invoice.localDay)).size;
    const revenue = list.reduce((sum, invoice) => sum + invoice.cents, 0n);
    const units = list.reduce((sum, invoice) => sum + invoice.units, 0n);
    const saleTimes = sales.map((invoice) => invoice.at);
    if (saleTimes.length) lastPurchase.set(customer, Math.max(...saleTimes));
    figures.set(customer, {
      externalId: customer,
      tickets,
      tickets12m: new Set(sales.filter(recent).map((invoice) => invoice.localDay)).size,
      revenue: decimal(revenue, 2),
      revenue12m: decimal(list.filter(recent).reduce((sum, invoice) => sum + invoice.cents, 0n), 2),
      averageTicket: tickets ? decimal(divideRounded(revenue, BigInt(tickets)), 2) : null,
      // cents / units → ten-thousandths: × 100.
      averageUnitPrice: units > 0n ? decimal(divideRounded(revenue * 100n, units), 4) : null,
      units: decimal(units * 1000n, 3),
      returns: list.filter((invoice) => invoice.isReturn).length,
      firstPurchaseAt: saleTimes.length ? new Date(Math.min(...saleTimes)).toISOString() : null,
      lastPurchaseAt: saleTimes.length ? new Date(Math.max(...saleTimes)).toISOString() : null,
      lastActivityAt: new Date(Math.max(...list.map((invoice) => invoice.at))).toISOString(),
      rfm: null,
    });
  }

  // RFM over customers with a ticket; equal values: the larger (Marea) customer id ranks lower.
  const scored = [...figures.values()].filter((f) => f.tickets > 0);
  const idOrder = (a: ReferenceFigures, b: ReferenceFigures) => Number(customerIdOf(b.externalId)) - Number(customerIdOf(a.externalId));
  const cents = (text: string) => Math.round(Number(text) * 100);
  const daysSince = (f: ReferenceFigures) => Math.floor((now.getTime() - (lastPurchase.get(f.externalId) as number)) / 86_400_000);
  const rank = (compare: (a: ReferenceFigures, b: ReferenceFigures) => number) =>
    quintilesWorstFirst([...scored].sort((a, b) => compare(a, b) || idOrder(a, b)).map((f) => f.externalId));
  const recency = rank((a, b) => daysSince(b) - daysSince(a));
  const frequency = rank((a, b) => a.tickets - b.tickets);
  const monetary = rank((a, b) => cents(a.revenue) - cents(b.revenue));
  const margin = rank(() => 0); // no cost in the data: every margin is 0, so only ids order them
  for (const f of scored) {
    const [r, fr, m, mg] = [recency, frequency, monetary, margin].map((scores) => scores.get(f.externalId) as number);
    f.rfm = { recency: r, frequency: fr, monetary: m, margin: mg, segment: SEGMENTS_BY_R[r][Math.ceil((fr + m) / 2) - 1] };
  }
  return figures;
}
