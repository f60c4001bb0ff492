import { useTestDatabase } from '@marea/testing';
import type { StepJob } from '@marea/engine/automations';
import { PgBossJobQueue } from './pg-boss-job-queue';

jest.setTimeout(60_000);

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the step queue on pg-boss', () => {
  const db = useTestDatabase();
  let queue: PgBossJobQueue;

  beforeEach(() => {
    queue = new PgBossJobQueue({ connectionString: (db().dataSource.options as { url: string }).url, retryLimit: 2, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 });
  });
  afterEach(() => queue.stop());

  it('a job exists exactly when the transaction that enqueued it commits', async () => {
    const dataSource = db().dataSource;
    await queue.start();
    await dataSource.transaction((tx) => queue.enqueueStep({ runId: '1', stepId: 'kept' }, { within: tx }));
    await dataSource
      .transaction(async (tx) => {
        await queue.enqueueStep({ runId: '2', stepId: 'rolled-back' }, { within: tx });
        throw new Error('the step failed to commit');
      })
      .catch(() => undefined);
    const worked: StepJob[] = [];
    await queue.workSteps(async (job) => {
      worked.push(job);
    });
    await until(() => worked.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(worked).toEqual([{ runId: '1', stepId: 'kept' }]);
  });

  it('retries a failing job with back-off, then keeps it as a dead letter that can be put back', async () => {
    const dataSource = db().dataSource;
    let attempts = 0;
    let healed = false;
    await queue.workSteps(async (job) => {
      if (job.stepId !== 'flaky') return;
      attempts += 1;
      if (!healed) throw new Error('SMTP 451 for hours');
    });
    await dataSource.transaction((tx) => queue.enqueueStep({ runId: '7', stepId: 'flaky' }, { within: tx }));
    await until(async () => (await queue.deadLetters(10)).length === 1, 40_000);
    expect(attempts).toBe(3); // the first try and two retries
    const [dead] = await queue.deadLetters(10);
    expect(dead.job).toEqual({ runId: '7', stepId: 'flaky' });

    healed = true;
    expect(await queue.retryDeadLetter(dead.id)).toBe(true);
    await until(() => attempts === 4);
    expect(await queue.deadLetters(10)).toEqual([]);
    expect(await queue.retryDeadLetter(dead.id)).toBe(false);
  });
});
