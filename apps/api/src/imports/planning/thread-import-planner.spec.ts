import { ImportOptions } from '@marea/contracts';
import { CsvFileError, csvFormats, type ImportPlan } from '@marea/domain/csv-import';
import { planOnThisThread, type ImportPlanner, type PlanRequest } from '@marea/engine/csv-import';
import { readSharedFile } from '../testing/import-api-client';
import { planImportWorkerScript } from './plan-import-worker-script';
import { threadImportPlanner } from './thread-import-planner';

const onlineRetail: PlanRequest = {
  bytes: readSharedFile('online-retail/online_retail_subset_customerid_mod10_eq0.csv'),
  entity: 'orders',
  options: ImportOptions.parse({
    mapping: { CustomerID: 'customerId', Country: null },
    defaults: { storeId: 'uk-web' },
    format: { timezone: 'Europe/London' },
  }),
  customFieldTypes: new Map(),
};

/** Plans, and meanwhile measures the longest time the event loop could not run a 5 ms timer. */
async function planWatchingTheEventLoop(planner: ImportPlanner, request: PlanRequest) {
  let last = performance.now();
  let longestStall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestStall = Math.max(longestStall, now - last);
    last = now;
  }, 5);
  try {
    const plan = await planner(request);
    return { plan, longestStall: Math.max(longestStall, performance.now() - last) };
  } finally {
    clearInterval(timer);
  }
}

/** A plan as plain data: a Map that crossed threads belongs to another realm than jest's. */
const comparable = (plan: ImportPlan) => ({ ...plan, binding: { ...plan.binding, columns: [...plan.binding.columns] } });

describe('planning a CSV import on a thread of its own', () => {
  const onAThread = threadImportPlanner(planImportWorkerScript());

  it('gives the same plan as planning on the calling thread, without stalling the event loop', async () => {
    const here = await planWatchingTheEventLoop(planOnThisThread, onlineRetail);
    const there = await planWatchingTheEventLoop(onAThread, onlineRetail);

    expect(there.plan.format).toBe(csvFormats.orders);
    expect(comparable(there.plan)).toEqual(comparable(here.plan));
    expect(there.plan.totalRows).toBe(36_378);
    // Planning 36k rows here blocks the loop for its whole length; on a thread the loop keeps
    // running its timers (the bound is relative, as a loaded machine slows both).
    expect(there.longestStall).toBeLessThan(here.longestStall / 2);
  }, 120_000);

  it('reports a file that cannot be imported as a whole with its reason', async () => {
    const failure = await onAThread({ ...onlineRetail, bytes: new TextEncoder().encode('  \n') }).catch((error) => error);
    expect(failure).toBeInstanceOf(CsvFileError);
    expect(failure).toMatchObject({ code: 'EMPTY_FILE', message: 'The file is empty.' });
  }, 60_000);
});
