/**
 * Latency of an order-placed email: orders go through `POST /api/v1/orders` (one order per
 * request) at a steady rate (default 200 orders/s, open loop: an order is sent on its schedule
 * whether or not earlier ones were answered) to the built server running its automation engine,
 * whose order-placed automation mails a confirmation over SMTP to a local sink. Measured per
 * order: from the API's answer (the order is committed before the answer) to the sink's 250
 * reply to that order's email; and, as an upper bound, from the request's start.
 * Goal (issue 5): p99 ≤ 150 ms.
 *
 *   npm run bench:automations-latency -- [--seconds 60] [--rate 200] [--customers 1000]
 */
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { startMareaProcess, startSmtpSink, type MareaProcess } from '@marea/testing';
import { createBenchDatabase, describeMachine } from './bench-database';
import { LatencyHistogram } from './latency-histogram';

const args = new Map<string, string>();
process.argv.slice(2).forEach((arg, i, all) => arg.startsWith('--') && args.set(arg.slice(2), all[i + 1]));
const SECONDS = Number(args.get('seconds') ?? 60);
const RATE = Number(args.get('rate') ?? 200);
const CUSTOMERS = Number(args.get('customers') ?? 1000);
const WARM_UP_SECONDS = 3;

async function call(marea: MareaProcess, headers: Record<string, string>, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${marea.url}${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/** The integration's key, as a shop would send its data: `Authorization: Bearer <key>` with the ingest scope. */
async function createIngestKey(marea: MareaProcess, session: Record<string, string>): Promise<Record<string, string>> {
  const { secret } = (await call(marea, session, 'POST', '/api/v1/api-keys', { name: 'latency benchmark', scope: 'ingest' })) as { secret: string };
  return { authorization: `Bearer ${secret}` };
}

/** The shop: a store, customers with an email, a product; and the order-placed automation, active. */
async function setUpShop(marea: MareaProcess, headers: Record<string, string>, session: Record<string, string>): Promise<void> {
  await call(marea, headers, 'POST', '/api/v1/stores', { items: [{ externalId: 'web', name: 'Web', channel: 'ecommerce', currency: 'EUR' }] });
  for (let start = 0; start < CUSTOMERS; start += 1000) {
    const items = Array.from({ length: Math.min(1000, CUSTOMERS - start) }, (_, i) => ({ externalId: `c-${start + i}`, firstName: `Customer ${start + i}`, email: `c-${start + i}@shop.test` }));
    await call(marea, headers, 'POST', '/api/v1/customers', { items });
  }
  await call(marea, headers, 'POST', '/api/v1/products', { items: [{ externalId: 'pot', name: 'Terracotta pot', price: 5 }] });
  const automation = (await call(marea, session, 'POST', '/api/v1/automations', {
    name: 'Order confirmation',
    definition: {
      version: 1,
      trigger: { kind: 'order-placed' },
      reEntry: { kind: 'every-time' },
      start: 'confirm',
      steps: {
        confirm: {
          kind: 'action',
          action: {
            kind: 'email',
            template: { subject: 'Order {{trigger.orderId}}', html: '<p>Thank you, {{customer.firstName}}: order {{trigger.orderId}} is on its way.</p>', text: 'Order {{trigger.orderId}}' },
          },
        },
      },
      // An order confirmation: no consent, cap or unsubscribe link needed.
      channel: { transactional: true },
    },
  })) as { id: string };
  await call(marea, session, 'POST', `/api/v1/automations/${automation.id}/activate`);
}

async function main(): Promise<void> {
  const database = await createBenchDatabase('marea_bench_automation_latency');
  // Headers only: the sink must answer 250 as fast as a real MTA queues, not spend time parsing MIME.
  const sink = await startSmtpSink({ parseBodies: false });
  // The sink answers 250 right after it records a message: note that instant per order.
  const acceptedAt = new Map<string, number>();
  const record = sink.messages.push.bind(sink.messages);
  sink.messages.push = (...emails) => {
    const now = performance.now();
    for (const email of emails) acceptedAt.set(email.subject.replace(/^Order /, ''), now);
    return record(...emails);
  };
  const marea = await startMareaProcess({
    DATABASE_URL: database.url,
    DB_POOL_SIZE: '20',
    SEED_DEMO: 'off',
    SMTP_URL: sink.url,
    MAIL_FROM: 'Tienda <orders@shop.test>',
    AUTOMATION_ENGINE: 'on',
  });
  try {
    const machine = await describeMachine(database.url);
    const { headers: session } = await marea.signIn();
    const headers = await createIngestKey(marea, session);
    await setUpShop(marea, headers, session);
    // Let the engine's order source take its starting place before the first order.
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const sentAt = new Map<string, number>();
    const answeredAt = new Map<string, number>();
    let failures = 0;
    let refused = '';
    const placeOrder = async (id: string, customer: number) => {
      sentAt.set(id, performance.now());
      try {
        await sendOrder(id, customer);
      } catch (error) {
        // Counted, not fatal: a server that falls behind an open loop refuses or drops connections.
        failures += 1;
        refused ||= String((error as Error).cause ?? error);
      }
    };
    const sendOrder = async (id: string, customer: number) => {
      const response = await fetch(`${marea.url}/api/v1/orders`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          items: [
            { externalId: id, customerExternalId: `c-${customer}`, storeExternalId: 'web', orderedAt: new Date().toISOString(), lines: [{ sku: 'pot', quantity: 1, unitPrice: 5 }] },
          ],
        }),
      });
      const body = (await response.json()) as { created?: number };
      if (!response.ok || body.created !== 1) failures += 1;
      else answeredAt.set(id, performance.now());
    };

    /** Sends RATE orders a second for `seconds` on a fixed schedule; returns their ids. */
    const drive = async (prefix: string, seconds: number): Promise<string[]> => {
      const ids: string[] = [];
      const inFlight: Promise<void>[] = [];
      const start = performance.now();
      for (let n = 0; n < seconds * RATE; n += 1) {
        const due = start + (n * 1000) / RATE;
        const wait = due - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        const id = `${prefix}-${n}`;
        ids.push(id);
        inFlight.push(placeOrder(id, n % CUSTOMERS));
      }
      await Promise.all(inFlight);
      return ids;
    };

    await drive('warm', WARM_UP_SECONDS);
    const load = [loadavg()[0]];
    const ids = await drive('order', SECONDS);
    load.push(loadavg()[0]);
    const deadline = Date.now() + 30_000;
    while (ids.some((id) => answeredAt.has(id) && !acceptedAt.has(id)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));

    const fromCommit = new LatencyHistogram();
    const fromRequest = new LatencyHistogram();
    let missing = 0;
    for (const id of ids) {
      const accepted = acceptedAt.get(id);
      const answered = answeredAt.get(id);
      if (answered === undefined) continue;
      if (accepted === undefined) {
        missing += 1;
        continue;
      }
      // An email can be accepted before the API's answer reaches the client: that counts as 0.
      fromCommit.record(Math.max(0, accepted - answered));
      fromRequest.record(accepted - (sentAt.get(id) as number));
    }
    // Where orders stand when the report is made: a backlog shows as entries without a message yet.
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const [standing] = (
      await client.query<{ orders: number; entered: number; sent: number }>(
        `SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM automation_runs) AS entered,
                (SELECT count(*)::int FROM messages WHERE status = 'sent') AS sent`,
      )
    ).rows;
    await client.end();
    const ms = (histogram: LatencyHistogram, p: number) => `${histogram.percentile(p).toFixed(1)} ms`;
    const report = [
      `machine: ${machine}, ${cpus().length} cores, load average ${load.map((value) => value.toFixed(1)).join(' → ')} (1 min, before → after)`,
      `load: ${RATE} orders/s for ${SECONDS} s (${ids.length} orders, one per request), ${CUSTOMERS} customers; order-placed automation → email → local SMTP sink`,
      `order committed (API answered) → SMTP 250: p50 ${ms(fromCommit, 50)}, p95 ${ms(fromCommit, 95)}, p99 ${ms(fromCommit, 99)}, max ${ms(fromCommit, 100)} (goal p99 ≤ 150 ms)`,
      `request sent → SMTP 250:                  p50 ${ms(fromRequest, 50)}, p95 ${ms(fromRequest, 95)}, p99 ${ms(fromRequest, 99)}`,
      `orders stored ${standing.orders}, runs entered ${standing.entered}, emails sent ${standing.sent} (warm-up included)`,
      `failed requests ${failures}${refused ? ` (first: ${refused})` : ''}, emails missing after 30 s ${missing}`,
    ];
    console.log(`\n${report.join('\n')}\n`);
    if (failures > 0 || missing > 0) process.exitCode = 1;
  } finally {
    await marea.stop();
    await sink.close();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
