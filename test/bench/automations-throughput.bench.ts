/**
 * A segment-entry automation to N customers (default 10,000): messages per second at a local SMTP
 * sink, against plain nodemailer with a pool to the same sink, measured in the same run.
 * Goal (issue 5): the engine at ≥ 75% of plain nodemailer's speed.
 *
 *   npm run bench:automations-throughput [-- 5000]
 *
 * Runs on DATABASE_URL's server (see bench-database.ts), in a database of its own.
 */
import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { assembleAutomationEngine } from '@marea/infra/jobs';
import { applyMigrations, createDataSource } from '@marea/infra/persistence';
import { startSmtpSink } from '@marea/testing';
import { createBenchDatabase, describeMachine } from './bench-database';

const CUSTOMERS = Math.min(10_000, Number(process.argv[2] ?? 10_000));

async function main(): Promise<void> {
  const database = await createBenchDatabase('marea_automations_bench');
  const db = createDataSource({ url: database.url, poolSize: 16, applicationName: 'marea-bench' });
  await db.initialize();
  const sink = await startSmtpSink();
  try {
    await applyMigrations(db);
    console.log(`automations throughput benchmark: ${await describeMachine(database.url)}`);
    await db.query(
      `WITH made AS (INSERT INTO customers (external_id, first_name, email)
         SELECT 'b-' || n, 'Customer ' || n, 'b-' || n || '@shop.test' FROM generate_series(1, $1) n RETURNING id)
       INSERT INTO consents (customer_id, channel, status, changed_at, source) SELECT id, 'email', 'given', now(), 'bench' FROM made`,
      [CUSTOMERS],
    );

    // Plain nodemailer, pooled, the same message shape.
    const transport = createTransport({ url: sink.url, pool: true, maxConnections: 5, ignoreTLS: true } as never);
    const plainStart = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < CUSTOMERS) {
          const n = (next += 1);
          await transport.sendMail({
            messageId: `<${randomUUID()}@bench>`,
            from: 'Tienda <news@shop.test>',
            to: `b-${n}@shop.test`,
            subject: `Welcome, Customer ${n}`,
            html: `<p>Welcome, Customer ${n}</p>`,
            text: `Welcome, Customer ${n}`,
          });
        }
      }),
    );
    const plainSeconds = (Date.now() - plainStart) / 1000;
    transport.close();
    const plainRate = CUSTOMERS / plainSeconds;
    sink.messages.length = 0;

    // The engine: everyone enters the segment (the feed rows the segment engine would write).
    const [segment] = await db.query(`INSERT INTO segments (code, name, kind, rule, rule_version) VALUES ('bench', 'Bench', 'static', '{}', 1) RETURNING id`);
    const [automation] = await db.query(`INSERT INTO automations (name, status, trigger_kind, created_by) VALUES ('Welcome', 'active', 'segment-entered', 'bench') RETURNING id`);
    const definition = {
      version: 1,
      trigger: { kind: 'segment-entered', segmentCode: 'bench' },
      entryConditions: null,
      reEntry: { kind: 'once' },
      start: 'mail',
      steps: { mail: { kind: 'action', action: { kind: 'email', template: { subject: 'Welcome, {{customer.firstName}}', html: '<p>Welcome, {{customer.firstName}}</p>', text: 'Welcome' } }, next: null } },
      goal: null,
      channel: { quietHours: null, quietHoursPolicy: 'defer', transactional: false },
    };
    await db.query(`INSERT INTO automation_versions (automation_id, version, definition) VALUES ($1, 1, $2)`, [automation.id, JSON.stringify(definition)]);
    await db.query(`INSERT INTO segment_feed (segment_id, customer_id, change, at) SELECT $1, id, 'entered', now() FROM customers`, [segment.id]);

    const engine = await assembleAutomationEngine(db, {
      messaging: { SMTP_URL: sink.url, MAIL_FROM: 'Tienda <news@shop.test>' },
      caps: { email: null, sms: null },
      publicUrl: 'https://shop.test',
      secret: 'a benchmark secret that is long enough for signing',
      jobs: { concurrency: 16 },
      idleMs: 100,
    });
    const engineStart = Date.now();
    await engine.engine.start();
    await sink.waitFor(CUSTOMERS, 600_000);
    const engineSeconds = (Date.now() - engineStart) / 1000;
    await engine.close();
    const engineRate = CUSTOMERS / engineSeconds;

    console.log(`customers: ${CUSTOMERS}`);
    console.log(`plain nodemailer (pool of 5): ${plainRate.toFixed(0)} messages/s (${plainSeconds.toFixed(1)} s)`);
    console.log(`automation engine (segment entry → email): ${engineRate.toFixed(0)} messages/s (${engineSeconds.toFixed(1)} s)`);
    console.log(`engine / plain: ${((100 * engineRate) / plainRate).toFixed(0)}% (goal ≥ 75%)`);
  } finally {
    await sink.close();
    await db.destroy();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
