import type { AutomationEngineDependencies } from './automation-engine-dependencies';
import type { SegmentFeed } from './segment-feed';
import { StepExecutor } from './step-executor';
import { CartAbandonmentTriggerSource } from './cart-abandonment-trigger-source';
import { CustomerChangeTriggerSource } from './customer-change-trigger-source';
import { CustomerDateTriggerSource, EventTriggerSource, ScheduleTriggerSource, SegmentTriggerSource, type TriggerSource } from './trigger-sources';

export interface AutomationEngineOptions {
  /** How long a trigger source rests after a poll that found nothing. */
  readonly idleMs?: number;
  /**
   * The rest of the event and order sources, shorter: an order-placed email is expected within
   * 150 ms of the order (default 50 ms, never more than `idleMs`; a poll is one indexed query).
   */
  readonly eventIdleMs?: number;
  /** How often the abandoned-cart scan runs (default one minute). */
  readonly cartScanIntervalMs?: number;
  readonly onError?: (error: unknown, where: string) => void;
}

/**
 * One engine process: it polls the trigger sources and works the step queue. Any number of
 * processes may run on one database; each job is claimed by one of them, and decisions are
 * unique, so none is done twice.
 */
export class AutomationEngine {
  readonly executor: StepExecutor;
  private readonly sources: { name: string; source: TriggerSource; idleMs: number }[];
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly deps: AutomationEngineDependencies,
    feed: SegmentFeed,
    private readonly options: AutomationEngineOptions = {},
  ) {
    this.executor = new StepExecutor(deps);
    const idleMs = options.idleMs ?? 1000;
    const eventIdleMs = Math.min(idleMs, options.eventIdleMs ?? 50);
    this.sources = [
      { name: 'segment feed', source: new SegmentTriggerSource(deps, feed), idleMs },
      { name: 'schedules', source: new ScheduleTriggerSource(deps), idleMs },
      { name: 'customer dates', source: new CustomerDateTriggerSource(deps), idleMs },
      { name: 'events', source: new EventTriggerSource(deps, this.executor, 'events'), idleMs: eventIdleMs },
      { name: 'orders', source: new EventTriggerSource(deps, this.executor, 'orders'), idleMs: eventIdleMs },
      { name: 'abandoned carts', source: new CartAbandonmentTriggerSource(deps, options.cartScanIntervalMs ?? 60_000), idleMs },
      { name: 'customer changes', source: new CustomerChangeTriggerSource(deps), idleMs },
    ];
  }

  async start(): Promise<void> {
    this.running = true;
    await this.deps.jobs.workSteps((job) => this.executor.execute(job));
    this.loops = this.sources.map(({ name, source, idleMs }) => this.loop(name, source, idleMs));
  }

  /** Cuts the sources' rest short (e.g. after an automation was activated). */
  wake(): void {
    for (const wake of this.wakers) wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await Promise.all(this.loops);
    await this.deps.jobs.stop();
  }

  private async loop(name: string, source: TriggerSource, idleMs: number): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await source.poll();
      } catch (error) {
        this.options.onError?.(error, name);
      }
      if (handled === 0 && this.running) await this.rest(idleMs);
    }
  }

  private rest(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }
}
