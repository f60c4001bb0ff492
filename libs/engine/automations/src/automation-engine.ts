import type { AutomationEngineDependencies } from './automation-engine-dependencies';
import type { SegmentFeed } from './segment-feed';
import { StepExecutor } from './step-executor';
import { CustomerDateTriggerSource, EventTriggerSource, ScheduleTriggerSource, SegmentTriggerSource, type TriggerSource } from './trigger-sources';

export interface AutomationEngineOptions {
  /** How long a trigger source rests after a poll that found nothing. */
  readonly idleMs?: number;
  readonly onError?: (error: unknown, where: string) => void;
}

/**
 * One engine process: it polls the trigger sources and works the step queue. Any number of
 * processes may run on one database; each job is claimed by one of them, and decisions are
 * unique, so none is done twice.
 */
export class AutomationEngine {
  readonly executor: StepExecutor;
  private readonly sources: { name: string; source: TriggerSource }[];
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly deps: AutomationEngineDependencies,
    feed: SegmentFeed,
    private readonly options: AutomationEngineOptions = {},
  ) {
    this.executor = new StepExecutor(deps);
    this.sources = [
      { name: 'segment feed', source: new SegmentTriggerSource(deps, feed) },
      { name: 'schedules', source: new ScheduleTriggerSource(deps) },
      { name: 'customer dates', source: new CustomerDateTriggerSource(deps) },
      { name: 'events', source: new EventTriggerSource(deps, this.executor, 'events') },
      { name: 'orders', source: new EventTriggerSource(deps, this.executor, 'orders') },
    ];
  }

  async start(): Promise<void> {
    this.running = true;
    await this.deps.jobs.workSteps((job) => this.executor.execute(job));
    this.loops = this.sources.map(({ name, source }) => this.loop(name, source));
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

  private async loop(name: string, source: TriggerSource): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await source.poll();
      } catch (error) {
        this.options.onError?.(error, name);
      }
      if (handled === 0 && this.running) await this.rest(this.options.idleMs ?? 1000);
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
