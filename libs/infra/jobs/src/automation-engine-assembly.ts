import type { DataSource } from 'typeorm';
import { AutomationEngine, type AutomationEngineDependencies, type AutomationSettings } from '@marea/engine/automations';
import { ShopSegmentRules } from '@marea/engine/segments';
import { PgBossJobQueue, type PgBossJobQueueOptions } from './pg-boss-job-queue';
import { createEmailChannel, createSmsChannel, HandlebarsMessageRenderer, type MessagingConfig } from '@marea/infra/messaging';
import { PgMessageEventRecorder, PgSuppressionList, setUpMessageTracking } from '@marea/infra/tracking';
import {
  PgAutomationStore,
  PgCustomerAttributeUpdates,
  PgManagerTasks,
  PgSegmentCatalogueSource,
  PgUserNotifications,
  SegmentFeedReader,
} from '@marea/infra/persistence';

export interface AutomationEngineAssemblyOptions {
  readonly messaging: MessagingConfig;
  readonly caps: AutomationSettings['caps'];
  readonly publicUrl: string;
  readonly secret: string | undefined;
  readonly jobs?: Partial<Omit<PgBossJobQueueOptions, 'connectionString'>>;
  readonly idleMs?: number;
  readonly eventIdleMs?: number;
  readonly cartScanIntervalMs?: number;
  readonly onError?: (error: unknown, where: string) => void;
}

export interface AssembledAutomationEngine {
  readonly engine: AutomationEngine;
  readonly deps: AutomationEngineDependencies;
  readonly jobs: PgBossJobQueue;
  /** Stops the engine and closes its channels. */
  close(): Promise<void>;
}

/**
 * The automation engine over Marea's database with the real channels, tracking, tasks and
 * attribute updates: what the API process runs, and what the crash test's engine processes run.
 */
export async function assembleAutomationEngine(dataSource: DataSource, options: AutomationEngineAssemblyOptions): Promise<AssembledAutomationEngine> {
  const connectionString = (dataSource.options as { url?: string }).url;
  if (!connectionString) throw new Error('the automation engine needs a DataSource made from a URL');
  const jobs = new PgBossJobQueue({ connectionString, onError: (error) => options.onError?.(error, 'job queue'), ...options.jobs });
  const { tracking } = await setUpMessageTracking(dataSource, { publicUrl: options.publicUrl, secret: options.secret });
  const email = createEmailChannel(options.messaging, dataSource);
  const sms = createSmsChannel(options.messaging, dataSource);
  const deps: AutomationEngineDependencies = {
    store: new PgAutomationStore(dataSource, jobs),
    jobs,
    rules: new ShopSegmentRules(new PgSegmentCatalogueSource(dataSource)),
    renderer: new HandlebarsMessageRenderer(),
    tracking,
    events: new PgMessageEventRecorder(dataSource),
    suppressions: new PgSuppressionList(dataSource),
    email,
    sms,
    tasks: new PgManagerTasks(dataSource),
    attributes: new PgCustomerAttributeUpdates(dataSource),
    notifications: new PgUserNotifications(dataSource),
    settings: { mailFrom: options.messaging.MAIL_FROM ?? 'Marea <marea@localhost>', caps: options.caps },
  };
  const engine = new AutomationEngine(deps, new SegmentFeedReader(dataSource), {
    idleMs: options.idleMs,
    eventIdleMs: options.eventIdleMs,
    cartScanIntervalMs: options.cartScanIntervalMs,
    onError: options.onError,
  });
  return {
    engine,
    deps,
    jobs,
    close: async () => {
      await engine.stop();
      await Promise.all([email.close(), sms.close()]);
    },
  };
}
