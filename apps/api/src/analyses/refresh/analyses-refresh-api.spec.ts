import { Client } from 'pg';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { AnalysesRefreshRun, AnalysesRefreshStatus } from '@marea/contracts';
import { seedDemoShop } from '@marea/infra/persistence';
import { useTestDatabase } from '@marea/testing';
import { startImportTestApp, type ImportTestApp } from '../../imports/testing/import-test-app';
import { startApi, type ApiUnderTest } from '../../ingestion/testing/api-under-test';
import { NIGHTLY_REFRESH_JOB, NightlyAnalysesRefresh } from './nightly-analyses-refresh';

const RUN_TIMEOUT_MS = 60_000;

describe('the nightly analyses refresh', () => {
  const db = useTestDatabase();
  let first: ApiUnderTest;
  let second: ApiUnderTest;

  const status = async (api: ApiUnderTest): Promise<AnalysesRefreshStatus> => {
    const answer = await api.send('GET', '/api/v1/analyses/refresh');
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const finished = async (api: ApiUnderTest): Promise<AnalysesRefreshStatus> => {
    const deadline = Date.now() + RUN_TIMEOUT_MS;
    for (;;) {
      const now = await status(api);
      if (now.lastRun && now.lastRun.status !== 'running') return now;
      if (Date.now() > deadline) throw new Error(`the refresh still runs after ${RUN_TIMEOUT_MS} ms: ${JSON.stringify(now)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    const client = new Client({ connectionString: db().url });
    await client.connect();
    try {
      expect((await seedDemoShop(client, { customers: 200, seed: 4 })).seeded).toBe(true);
    } finally {
      await client.end();
    }
    // Two API processes over one database, as behind a load balancer.
    [first, second] = await Promise.all([startApi(db()), startApi(db())]);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('says when it is scheduled and that it has not run yet', async () => {
    expect(await status(first)).toEqual({ schedule: '0 3 * * *', timeZone: 'Europe/Madrid', lastRun: null }); // the demo shop's account
  });

  it('runs once when two processes are asked at the same moment, step by step: metrics and RFM history, CLV model, personas', async () => {
    const answers = await Promise.all([first.send('POST', '/api/v1/analyses/refresh'), second.send('POST', '/api/v1/analyses/refresh')]);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    const [started, refused] = answers[0].status === 202 ? answers : [answers[1], answers[0]];
    expect(refused.body.error.code).toBe('ANALYSES_REFRESH_RUNNING');
    expect(started.body).toMatchObject({ trigger: 'manual', status: 'running', error: null });

    const lastRun = (await finished(second)).lastRun as AnalysesRefreshRun;
    expect(lastRun).toMatchObject({ trigger: 'manual', status: 'done', error: null });
    expect(lastRun.steps.map((s) => s.step)).toEqual(['customer_metrics', 'clv_model', 'persona_assignments']);
    expect(lastRun.steps.every((s) => s.finishedAt !== null && (s.durationMs ?? -1) >= 0)).toBe(true);
    expect(await first.count('analyses_refresh_runs')).toBe(1);
    const [outcome] = await first.rows<{ fits: number; scored: number; history: number; buyers: number }>(
      `SELECT (SELECT count(*)::int FROM clv_model_fits WHERE status = 'done') AS fits, (SELECT count(*)::int FROM customer_clv) AS scored,
              (SELECT count(DISTINCT customer_id)::int FROM rfm_segment_history) AS history,
              (SELECT count(*)::int FROM customer_metrics WHERE rfm_segment IS NOT NULL) AS buyers`,
    );
    expect(outcome).toEqual({ fits: 1, scored: outcome.buyers, history: outcome.buyers, buyers: outcome.buyers });
  }, RUN_TIMEOUT_MS + 10_000);

  describe('on its schedule', () => {
    let night: ImportTestApp;
    let otherProcess: ImportTestApp;
    beforeAll(async () => {
      [night, otherProcess] = await Promise.all([
        startImportTestApp(db(), { ANALYSES_REFRESH_CRON: '15 4 * * *' }),
        startImportTestApp(db(), { ANALYSES_REFRESH_CRON: '15 4 * * *' }),
      ]);
    });
    afterAll(async () => {
      await night?.close();
      await otherProcess?.close();
    });

    it("is registered with ANALYSES_REFRESH_CRON in the account's time zone, and not at all when off", async () => {
      const job = night.app.get(SchedulerRegistry).getCronJob(NIGHTLY_REFRESH_JOB);
      expect(job.cronTime.source).toBe('15 4 * * *');
      expect(job.cronTime.timeZone).toBe('Europe/Madrid');
      const off = await startImportTestApp(db(), { ANALYSES_REFRESH_CRON: 'off' });
      try {
        expect(off.app.get(SchedulerRegistry).getCronJobs().has(NIGHTLY_REFRESH_JOB)).toBe(false);
      } finally {
        await off.close();
      }
    });

    it('runs once when the schedules of two processes fire together, and not again that night', async () => {
      await Promise.all([night.app.get(NightlyAnalysesRefresh).run(), otherProcess.app.get(NightlyAnalysesRefresh).run()]);
      const scheduled = () => db().dataSource.query(`SELECT status FROM analyses_refresh_runs WHERE trigger = 'schedule'`);
      expect(await scheduled()).toEqual([{ status: 'done' }]);
      await otherProcess.app.get(NightlyAnalysesRefresh).run();
      expect(await scheduled()).toHaveLength(1);
    }, RUN_TIMEOUT_MS + 10_000);
  });
});
