import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { CustomerDataExport } from '@marea/contracts';

type Stored = Record<string, unknown>;

/** A value as text: dates in ISO 8601, nested JSON (attributes, event properties) as JSON. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Column names are SQL identifiers, so they are valid XML names as they are. */
function appendRow(parent: XMLBuilder, name: string, row: Stored): void {
  const element = parent.ele(name);
  for (const [column, value] of Object.entries(row)) {
    if (value !== null && value !== undefined) element.ele(column).txt(text(value));
  }
}

export function customerExportXml(data: CustomerDataExport): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('customer-data', { customerId: data.customerId, exportedAt: data.exportedAt });
  appendRow(root, 'profile', data.profile);
  const merged = root.ele('merged-profiles');
  for (const row of data.mergedProfiles) appendRow(merged, 'profile', row);
  for (const { table, rows } of data.tables) {
    const section = root.ele('table', { name: table });
    for (const row of rows) appendRow(section, 'row', row);
  }
  return root.end({ prettyPrint: true });
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function htmlTable(rows: Stored[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const head = columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
  const body = rows.map((row) => `<tr>${columns.map((column) => `<td>${escapeHtml(text(row[column]))}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function fieldList(row: Stored): string {
  const items = Object.entries(row)
    .filter(([, value]) => value !== null && value !== '')
    .map(([column, value]) => `<dt>${escapeHtml(column)}</dt><dd>${escapeHtml(text(value))}</dd>`);
  return `<dl>${items.join('')}</dl>`;
}

const TITLES: Record<string, string> = {
  orders: 'Orders',
  order_lines: 'Order lines',
  events: 'Events (visits, page and product views, forms)',
  consents: 'Consents',
  consent_changes: 'Consent history',
  carts: 'Carts',
  cart_items: 'Cart items',
  favourites: 'Favourites',
  customer_identities: 'Identifiers',
  customer_changes: 'Changes to the profile',
  customer_metrics: 'Purchase figures',
  segment_memberships: 'Segments',
  segment_feed: 'Segment entries and exits',
};

/** A page a person can read: the profile first, then every kind of record with a plain title. */
export function customerExportHtml(data: CustomerDataExport): string {
  const name = [data.profile['first_name'], data.profile['last_name']].filter(Boolean).join(' ') || `customer ${data.customerId}`;
  const sections = data.tables.map(
    ({ table, rows }) => `<section><h2>${escapeHtml(TITLES[table] ?? table.replace(/_/g, ' '))} (${rows.length})</h2>${htmlTable(rows)}</section>`,
  );
  const merged = data.mergedProfiles.length
    ? `<section><h2>Profiles merged into this one (${data.mergedProfiles.length})</h2>${data.mergedProfiles.map(fieldList).join('')}</section>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Data held about ${escapeHtml(name)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d2433}table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:12px}
th,td{border:1px solid #d5d9e2;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f2f4f8}dt{font-weight:600}dd{margin:0 0 .4rem}</style>
</head><body>
<h1>Data held about ${escapeHtml(name)}</h1>
<p>Everything Marea stores about this customer, exported ${escapeHtml(data.exportedAt)}.</p>
<section><h2>Profile</h2>${fieldList(data.profile)}</section>
${merged}
${sections.join('\n')}
</body></html>
`;
}
