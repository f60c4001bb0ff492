import type { DataSource } from 'typeorm';
import { AutomationDefinition, type AutomationDefinitionInput } from '@marea/contracts';
import { assembleAutomationEngine, type AssembledAutomationEngine } from '@marea/infra/jobs';

export interface ShopCustomer {
  readonly ref: string;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly emailConsent?: boolean;
  readonly smsConsent?: boolean;
  readonly timeZone?: string;
  readonly firstName?: string;
}

/** Customers as a shop would have them: an email, a phone, consents given or not. Returns id by ref. */
export async function givenCustomers(db: DataSource, customers: readonly ShopCustomer[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const customer of customers) {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO customers (external_id, first_name, email, phone, time_zone) VALUES ($1, $2, $3, $4, $5) RETURNING id::text`,
      [customer.ref, customer.firstName ?? customer.ref, customer.email === undefined ? `${customer.ref}@shop.test` : customer.email, customer.phone ?? null, customer.timeZone ?? null],
    );
    ids[customer.ref] = row.id;
    for (const [channel, given] of [
      ['email', customer.emailConsent],
      ['sms', customer.smsConsent],
    ] as const) {
      if (given === undefined) continue;
      await db.query(`INSERT INTO consents (customer_id, channel, status, changed_at, source) VALUES ($1, $2, $3, now(), 'test')`, [
        row.id,
        channel,
        given ? 'given' : 'withdrawn',
      ]);
    }
  }
  return ids;
}

/** Many customers at once, all with email consent: `bulk-<n>@shop.test`. */
export async function givenManyCustomers(db: DataSource, count: number): Promise<void> {
  await db.query(
    `WITH made AS (
       INSERT INTO customers (external_id, first_name, email)
       SELECT 'bulk-' || n, 'Customer ' || n, 'bulk-' || n || '@shop.test' FROM generate_series(1, $1) n RETURNING id)
     INSERT INTO consents (customer_id, channel, status, changed_at, source) SELECT id, 'email', 'given', now(), 'test' FROM made`,
    [count],
  );
}

/** Stores an automation as the API does (version 1, active unless said otherwise); returns its id. */
export async function givenAutomation(db: DataSource, name: string, input: AutomationDefinitionInput, status: 'active' | 'inactive' = 'active'): Promise<string> {
  const definition = AutomationDefinition.parse(input);
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO automations (name, status, trigger_kind, created_by) VALUES ($1, $2, $3, 'test') RETURNING id::text`,
    [name, status, definition.trigger.kind],
  );
  await db.query(`INSERT INTO automation_versions (automation_id, version, definition) VALUES ($1, 1, $2)`, [row.id, JSON.stringify(definition)]);
  return row.id;
}

/** Everyone: the audience rule with no condition. */
export const EVERYONE = { version: 1 as const, match: 'all' as const, conditions: [] };

/** A one-off campaign sending one email to everyone, now. */
export function campaignEmail(overrides: Partial<AutomationDefinitionInput> = {}): AutomationDefinitionInput {
  return {
    version: 1,
    trigger: { kind: 'once', at: new Date(Date.now() - 1000).toISOString(), audience: EVERYONE },
    start: 'mail',
    steps: {
      mail: { kind: 'action', action: { kind: 'email', template: { subject: 'Hello {{customer.firstName}}', html: '<p>Hi {{customer.firstName}}</p>', text: 'Hi {{customer.firstName}}' } } },
    },
    ...overrides,
  };
}

export async function startEngine(db: DataSource, env: { smtpUrl: string; twilio?: { baseUrl: string; accountSid: string; authToken: string } }, caps = { email: null, sms: null }): Promise<AssembledAutomationEngine> {
  const assembled = await assembleAutomationEngine(db, {
    messaging: {
      SMTP_URL: env.smtpUrl,
      MAIL_FROM: 'Tienda <news@shop.test>',
      ...(env.twilio
        ? { TWILIO_ACCOUNT_SID: env.twilio.accountSid, TWILIO_AUTH_TOKEN: env.twilio.authToken, TWILIO_FROM: '+15550001111', TWILIO_API_URL: env.twilio.baseUrl }
        : {}),
    },
    caps,
    publicUrl: 'https://shop.test',
    secret: 'a test secret that is long enough for signing',
    jobs: { retryDelaySeconds: 1, retryLimit: 3, pollingIntervalSeconds: 0.5 },
    idleMs: 200,
    cartScanIntervalMs: 200,
  });
  await assembled.engine.start();
  return assembled;
}

/** The "why" of every decision, as `customer ref → step → reason`. */
export async function decisions(db: DataSource, automationId: string): Promise<{ customer: string; step: string; outcome: string; reason: string }[]> {
  return db.query(
    `SELECT c.external_id AS customer, d.step_id AS step, d.outcome, d.reason FROM automation_decisions d JOIN customers c ON c.id = d.customer_id
     WHERE d.automation_id = $1 ORDER BY c.external_id, d.decided_at`,
    [automationId],
  );
}

/** Waits until `check` holds (polling), or fails with what it last saw. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`still not there after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

export async function runsEnded(db: DataSource, automationId: string): Promise<boolean> {
  const [row] = await db.query<{ active: number; total: number }[]>(
    `SELECT count(*) FILTER (WHERE status = 'active')::int AS active, count(*)::int AS total FROM automation_runs WHERE automation_id = $1`,
    [automationId],
  );
  return row.total > 0 && row.active === 0;
}
