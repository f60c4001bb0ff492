import { isAnniversaryInDays, nextCronOccurrence } from '@marea/domain/automations';
import type { AutomationEngineDependencies } from './automation-engine-dependencies';
import type { LiveAutomation, TriggerEvent } from './automation-store';
import { enterAutomation } from './automation-entry';
import { eventPropertiesMatch } from './event-properties-match';
import type { SegmentFeed } from './segment-feed';
import type { StepExecutor } from './step-executor';

/** A source of trigger occurrences, polled: it returns how much it handled (0: nothing new). */
export interface TriggerSource {
  poll(): Promise<number>;
}

const FEED_CONSUMER = 'automations';
const ENTRY_CHUNK = 500;
const ENTRY_PARALLELISM = 8;

/** Runs `work` over the items, at most `parallelism` at a time. */
async function inParallel<T>(items: readonly T[], parallelism: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, items.length) }, lane));
}


/**
 * Segment entered / exited: each feed entry is an occurrence (its feed position), acknowledged
 * once every matching automation has decided. Two processes may read one batch: the occurrence
 * key makes the second entry a no-op.
 */
export class SegmentTriggerSource implements TriggerSource {
  constructor(
    private readonly deps: AutomationEngineDependencies,
    private readonly feed: SegmentFeed,
  ) {}

  async poll(): Promise<number> {
    const entries = await this.feed.next(FEED_CONSUMER, 500);
    if (entries.length === 0) return 0;
    const automations = await this.deps.store.liveAutomations(['segment-entered', 'segment-exited']);
    const entering = entries.flatMap((entry) => {
      const kind = entry.change === 'entered' ? 'segment-entered' : 'segment-exited';
      return automations
        .filter(({ definition: { trigger } }) => trigger.kind === kind && trigger.segmentCode === entry.segmentCode)
        .map((automation) => ({ automation, entry }));
    });
    // Entries of one customer into one automation are serialised by the store's lock.
    await inParallel(entering, ENTRY_PARALLELISM, ({ automation, entry }) =>
      enterAutomation(this.deps, automation, entry.customerId, `segment:${entry.position}`, { segmentCode: entry.segmentCode, change: entry.change }),
    );
    await this.feed.acknowledge(FEED_CONSUMER, entries[entries.length - 1].position);
    return entries.length;
  }
}

/**
 * One-off campaigns and schedules: when the instant has come, every customer of the audience
 * enters with the instant as occurrence; the instant is marked fired only after all of them, so
 * a crash half-way re-enters the rest (and the ones already in are no-ops).
 */
export class ScheduleTriggerSource implements TriggerSource {
  constructor(private readonly deps: AutomationEngineDependencies) {}

  async poll(): Promise<number> {
    const now = (this.deps.clock ?? (() => new Date()))();
    let handled = 0;
    for (const automation of await this.deps.store.liveAutomations(['once', 'schedule'])) {
      const source = `schedule:${automation.id}:${automation.version}`;
      const due = await this.dueInstant(automation, source, now);
      if (!due) continue;
      const trigger = automation.definition.trigger;
      if (trigger.kind !== 'once' && trigger.kind !== 'schedule') continue;
      const audience = await this.deps.rules.compile(trigger.audience, now, 'whole-base');
      const members = await this.deps.store.ruleMembers(audience);
      const occurrence = `${trigger.kind}:${due.toISOString()}`;
      for (let from = 0; from < members.length; from += ENTRY_CHUNK) {
        const pending = await this.deps.store.undecidedEntries(automation, occurrence, members.slice(from, from + ENTRY_CHUNK));
        await inParallel(pending, ENTRY_PARALLELISM, (customerId) =>
          enterAutomation(this.deps, automation, customerId, occurrence, { firedAt: due.toISOString() }),
        );
      }
      await this.deps.store.setTriggerPosition(source, due.toISOString());
      handled += members.length + 1;
    }
    return handled;
  }

  /** The instant to fire now, if any: `at` once; the latest cron occurrence not yet fired. */
  private async dueInstant(automation: LiveAutomation, source: string, now: Date): Promise<Date | null> {
    const trigger = automation.definition.trigger;
    const fired = await this.deps.store.triggerPosition(source);
    if (trigger.kind === 'once') {
      const at = new Date(trigger.at);
      return fired === null && at <= now ? at : null;
    }
    if (trigger.kind !== 'schedule') return null;
    const after = fired ? new Date(fired) : new Date(`${trigger.startDate}T00:00:00Z`);
    const next = nextCronOccurrence(trigger.cron, trigger.timeZone, after);
    return next <= now ? next : null;
  }
}

/**
 * Dates of the customer (a birthday, a date custom field), N days before, ignoring the year: once
 * a day (the account's calendar day), every customer whose date comes round enters, the day as
 * occurrence.
 */
export class CustomerDateTriggerSource implements TriggerSource {
  constructor(private readonly deps: AutomationEngineDependencies) {}

  async poll(): Promise<number> {
    let handled = 0;
    const today = await this.deps.store.accountToday();
    for (const automation of await this.deps.store.liveAutomations(['customer-date'])) {
      const trigger = automation.definition.trigger;
      if (trigger.kind !== 'customer-date') continue;
      const source = `date:${automation.id}:${automation.version}`;
      if ((await this.deps.store.triggerPosition(source)) === today) continue;
      const due = (await this.deps.store.customerDates(trigger.field)).filter((customer) => isAnniversaryInDays(customer.date, trigger.daysBefore, today));
      const occurrence = `date:${today}`;
      const pending = await this.deps.store.undecidedEntries(automation, occurrence, due.map((customer) => customer.customerId));
      await inParallel(pending, ENTRY_PARALLELISM, (customerId) => enterAutomation(this.deps, automation, customerId, occurrence, { day: today }));
      await this.deps.store.setTriggerPosition(source, today);
      handled += due.length + 1;
    }
    return handled;
  }
}

/**
 * Events and orders: custom events by name and properties, orders placed; and the same stream
 * ends the waits of wait-for-event steps.
 */
export class EventTriggerSource implements TriggerSource {
  constructor(
    private readonly deps: AutomationEngineDependencies,
    private readonly executor: StepExecutor,
    private readonly source: 'events' | 'orders',
  ) {}

  async poll(): Promise<number> {
    const cursor = `trigger:${this.source}`;
    const after = await this.deps.store.triggerPosition(cursor);
    if (after === null) {
      // A new installation starts from now: past events fire nothing.
      await this.deps.store.setTriggerPosition(cursor, await this.deps.store.latestTriggerEventId(this.source));
      return 0;
    }
    const events = await this.deps.store.triggerEventsAfter(this.source, after, 500);
    if (events.length === 0) return 0;
    const automations = await this.deps.store.liveAutomations(['custom-event', 'order-placed']);
    // One customer's events in their order (a wait must see them as they happened); customers
    // side by side, so a steady stream of orders does not queue behind one entry at a time.
    const byCustomer = new Map<string, TriggerEvent[]>();
    for (const event of events) {
      const ofCustomer = byCustomer.get(event.customerId);
      if (ofCustomer) ofCustomer.push(event);
      else byCustomer.set(event.customerId, [event]);
    }
    await inParallel([...byCustomer.values()], ENTRY_PARALLELISM, async (ofCustomer) => {
      for (const event of ofCustomer) await this.handle(event, automations);
    });
    await this.deps.store.setTriggerPosition(cursor, events[events.length - 1].id);
    return events.length;
  }

  private async handle(event: TriggerEvent, automations: readonly LiveAutomation[]): Promise<void> {
    for (const automation of automations) {
      const trigger = automation.definition.trigger;
      const fires =
        (trigger.kind === 'order-placed' && event.name === 'order-placed') ||
        (trigger.kind === 'custom-event' && trigger.eventName === event.name && eventPropertiesMatch(trigger.properties, event.properties));
      if (fires) await enterAutomation(this.deps, automation, event.customerId, `${this.source}:${event.id}`, { ...event.properties, eventName: event.name });
    }
    for (const wait of await this.deps.store.waitsFor(event.customerId, event.name, event.properties)) {
      await this.executor.eventArrived(wait.runId, wait.stepId);
    }
  }
}
