import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { startSmtpSink, useTestDatabase, type SmtpSink } from '@marea/testing';
import { campaignEmail, eventually, givenAutomation, givenManyCustomers } from './automation-test-kit';

const ROOT = join(__dirname, '../..');
const MESSAGES = 5000;
/** The engine process, bundled once so each restart takes a second, not a TypeScript compilation. */
const ENGINE_BUNDLE = join(ROOT, 'dist/automations-crash-test/engine-process.js');

jest.setTimeout(180_000);

/** An engine process of its own, as a deployment runs several. */
function startEngineProcess(databaseUrl: string, smtpUrl: string): { child: ChildProcess; ready: Promise<void>; output: () => string } {
  const child = spawn(process.execPath, [ENGINE_BUNDLE], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      printed += chunk;
      if (printed.includes('engine ready')) resolve();
    });
    child.stderr?.on('data', (chunk) => (printed += chunk));
    child.once('exit', (code) => reject(new Error(`engine process exited (${code}) before it was ready:\n${printed}`)));
  });
  ready.catch(() => undefined);
  return { child, ready, output: () => printed };
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('engine processes killed mid-campaign', () => {
  const db = useTestDatabase();
  let sink: SmtpSink;
  const engines: ChildProcess[] = [];

  beforeAll(() => {
    buildSync({
      entryPoints: [join(__dirname, 'engine-process.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      packages: 'external',
      tsconfig: join(ROOT, 'tsconfig.base.json'),
      outfile: ENGINE_BUNDLE,
      logLevel: 'warning',
    });
  });
  beforeEach(async () => {
    sink = await startSmtpSink();
  });
  afterEach(async () => {
    await Promise.all(engines.map(killed));
    await sink.close();
  });

  it(`never sends twice and loses nothing but in-doubt hand-overs of a ${MESSAGES}-message campaign while two engine processes are killed with SIGKILL again and again`, async () => {
    const dataSource = db().dataSource;
    const url = (dataSource.options as { url: string }).url;
    await givenManyCustomers(dataSource, MESSAGES);
    const automation = await givenAutomation(dataSource, 'Crash-proof sale', campaignEmail());

    const start = () => {
      const engine = startEngineProcess(url, sink.url);
      engines.push(engine.child);
      return engine;
    };
    const pair = [start(), start()];
    await Promise.all(pair.map((engine) => engine.ready));

    // Kill one engine mid-work, then the other, five times over, restarting each at once.
    let kills = 0;
    for (let round = 0; round < 5 && sink.messages.length < MESSAGES; round += 1) {
      await pause(2500);
      const victim = round % 2;
      await killed(pair[victim].child);
      kills += 1;
      if (process.env['CRASH_TEST_PROGRESS']) console.log(`kill ${kills}: ${sink.messages.length} delivered`);
      pair[victim] = start();
      await pair[victim].ready;
    }
    expect(kills).toBeGreaterThan(0);

    // Every run ends: each message is delivered, or left "handed over" by a kill that fell in
    // the instant between its commit and its final SMTP dot (in doubt: never sent again).
    const finished = await eventually(
      async () => (await dataSource.query(`SELECT count(*)::int AS n FROM automation_runs WHERE automation_id = $1 AND status = 'active'`, [automation]))[0].n,
      (active: number) => active === 0,
      180_000,
    ).catch(async (error) => {
      // Say where the missing ones are: messages not sent, runs still active, jobs not done.
      const messages = await dataSource.query(`SELECT status, count(*)::int AS n FROM messages GROUP BY 1`);
      const runs = await dataSource.query(`SELECT status, current_step, count(*)::int AS n FROM automation_runs GROUP BY 1, 2`);
      const jobs = await dataSource.query(`SELECT name, state, retry_count, count(*)::int AS n FROM pgboss.job WHERE state <> 'completed' GROUP BY 1, 2, 3`);
      throw new Error(`${(error as Error).message}\nmessages ${JSON.stringify(messages)}\nruns ${JSON.stringify(runs)}\njobs ${JSON.stringify(jobs)}`);
    });
    expect(finished).toBe(0);
    // Let stragglers (retried jobs of killed processes) run, so a duplicate would show.
    await pause(2000);

    const byMessageId = new Map<string, number>();
    for (const mail of sink.messages) byMessageId.set(mail.messageId, (byMessageId.get(mail.messageId) ?? 0) + 1);
    const recipients = new Set(sink.messages.flatMap((mail) => mail.to));
    // Never twice: one delivery per Message-ID and per recipient.
    expect({ distinctMessageIds: byMessageId.size, distinctRecipients: recipients.size }).toEqual({
      distinctMessageIds: sink.messages.length,
      distinctRecipients: sink.messages.length,
    });
    // None lost outside the hand-over instant: every message not delivered is one recorded as
    // handed over, and there are at most as many as SMTP connections a kill can cut (5 per kill).
    const rows: { id: string; status: string }[] = await dataSource.query(`SELECT id::text, status FROM messages WHERE automation_id = $1`, [automation]);
    const deliveredIds = new Set([...byMessageId.keys()].map((id) => id.replace(/^<|>$/g, '')));
    const undelivered = rows.filter((row) => !deliveredIds.has(`${row.id}@marea`));
    expect(rows).toHaveLength(MESSAGES);
    expect(undelivered.filter((row) => row.status !== 'handed-over')).toEqual([]);
    expect(undelivered.length).toBeLessThanOrEqual(kills * 5);
    if (undelivered.length) console.log(`crash test: ${undelivered.length} of ${MESSAGES} messages in doubt after ${kills} kills`);
    const [decided] = await dataSource.query(`SELECT count(*)::int AS n FROM automation_decisions WHERE automation_id = $1 AND step_id = 'mail'`, [automation]);
    expect(decided.n).toBe(MESSAGES);
  });
});
