import type { AutomationDefinition } from '@marea/contracts';
import type { CompiledRule } from '@marea/engine/segments';
import type { CustomerSnapshot } from './customer-snapshot';

/** A version of an active automation, as trigger sources match it. */
export interface LiveAutomation {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly definition: AutomationDefinition;
}

export interface RunState {
  readonly runId: string;
  readonly automationId: string;
  readonly automationName: string;
  readonly automationActive: boolean;
  readonly version: number;
  readonly definition: AutomationDefinition;
  readonly customerId: string;
  readonly occurrence: string;
  readonly context: Record<string, unknown>;
  readonly status: 'active' | 'completed' | 'goal-reached' | 'stopped';
  readonly currentStep: string | null;
  readonly enteredAt: Date;
}

export type MessageStatus = 'queued' | 'handed-over' | 'sent' | 'failed';

export interface MessageDraft {
  readonly id: string;
  readonly channel: 'email' | 'sms';
  readonly transactional: boolean;
  readonly address: string;
  readonly subject: string;
  readonly html: string;
  readonly body: string;
  readonly unsubscribeUrl: string | null;
}

export interface StoredMessage extends MessageDraft {
  readonly status: MessageStatus;
  readonly attempts: number;
}

/**
 * The frequency cap a marketing message must still fit when its decision is recorded: the store
 * counts the customer's messages on the channel again under a per-customer lock, in the
 * transaction that inserts the message, so two automations deciding at the same instant cannot
 * both pass the cap.
 */
export interface CapGuard {
  readonly channel: 'email' | 'sms';
  readonly since: Date;
  /** Whether one more message fits, from the count read under the lock; its trace detail when not. */
  readonly judge: (sentInWindow: number) => { readonly allowed: true } | { readonly allowed: false; readonly detail: string };
}

/** A decision as recorded: `id` is the effect key of whatever the step does. */
export interface StepDecision {
  readonly id: string;
  readonly outcome: 'acted' | 'skipped';
  readonly reason: string;
  readonly message: StoredMessage | null;
}

export interface EntryRequest {
  readonly automation: LiveAutomation;
  readonly customerId: string;
  readonly occurrence: string;
  readonly context: Record<string, unknown>;
}

/** Decides entry inside the store's transaction, from what it read under a per-customer lock. */
export type EntryJudge = (history: { lastEnteredAt: Date | null; runActive: boolean }) => { allowed: true } | { allowed: false; reason: string };

/** Something a customer did that may fire an automation or end a wait: an event, or an order placed. */
export interface TriggerEvent {
  readonly id: string;
  readonly customerId: string;
  readonly name: string;
  readonly properties: Record<string, unknown>;
  readonly at: Date;
}

/** One line of a cart, as templates read it (`trigger.cart.lines`). */
export interface CartLine {
  readonly sku: string;
  readonly name: string;
  readonly imageUrl: string | null;
  readonly quantity: number;
  readonly unitPrice: number;
}

/** An open cart with lines, untouched since `updatedAt` and with no order from its customer since. */
export interface AbandonedCart {
  readonly id: string;
  /** The shop's id of the cart (what cart events carry as `cartId`). */
  readonly externalId: string;
  readonly customerId: string;
  readonly updatedAt: Date;
  /** The cart's version: its last activity in microseconds; a cart touched again is a new version. */
  readonly version: string;
  readonly currency: string;
  readonly lines: readonly CartLine[];
}

/** One update of a customer's profile, from the change feed (every path that writes a profile). */
export interface CustomerChange {
  /** Commit-safe feed position (`<transaction id>:<row id>`). */
  readonly position: string;
  readonly customerId: string;
  /** Changed fields as the API names them (`city`, `attributes.tier` …), with their values before and after. */
  readonly changes: Record<string, { readonly before: unknown; readonly after: unknown }>;
  readonly at: Date;
}

/** Where the engine keeps automations, runs, decisions and messages (PostgreSQL in production). */
export interface AutomationStore {
  liveAutomations(triggerKinds: readonly string[]): Promise<LiveAutomation[]>;
  /**
   * One transaction: the entry decision (unique per automation, version, customer, occurrence),
   * the run and the job of its first step — or the refusal and its reason. Already decided → null.
   */
  enter(request: EntryRequest, judge: EntryJudge): Promise<{ entered: boolean; reason: string } | null>;
  /** Of these customers, those with no entry decision yet for this occurrence (a resumed campaign skips the rest). */
  undecidedEntries(automation: LiveAutomation, occurrence: string, customerIds: readonly string[]): Promise<string[]>;
  /** Records a refusal decided before any history was needed (entry conditions). */
  refuseEntry(request: EntryRequest, reason: string): Promise<void>;

  /** How far a trigger source has got (null: never ran). */
  triggerPosition(source: string): Promise<string | null>;
  setTriggerPosition(source: string, position: string): Promise<void>;
  /** Events (`events`, by their type) or orders placed (`orders`, named `order-placed`) after an id, oldest first. */
  /** The newest id of the source ('0' when empty): where a new installation starts. */
  latestTriggerEventId(source: 'events' | 'orders'): Promise<string>;
  triggerEventsAfter(source: 'events' | 'orders', afterId: string, limit: number): Promise<TriggerEvent[]>;

  /**
   * Carts abandoned for an automation: open, last touched in (`notBefore`, `quietSince`], no order
   * from the customer since, and this cart version not yet decided for the automation (any version
   * of it), oldest first.
   */
  abandonedCarts(automationId: string, quietSince: Date, notBefore: Date, limit: number): Promise<AbandonedCart[]>;
  /** Profile changes after a feed position (null: from the start), committed ones only, oldest first. */
  customerChangesAfter(position: string | null, limit: number): Promise<CustomerChange[]>;
  /** The position of the newest profile change ('0:0' when none): where a new installation starts. */
  latestCustomerChangePosition(): Promise<string>;

  /** Today's calendar day (YYYY-MM-DD) in the account's time zone. */
  accountToday(): Promise<string>;
  /** Customers with a value in a date field (`birth_date` or `attributes.<name>`), as YYYY-MM-DD. */
  customerDates(field: string): Promise<{ customerId: string; date: string }[]>;

  run(runId: string): Promise<RunState | null>;
  customer(customerId: string): Promise<CustomerSnapshot | null>;
  ruleHolds(rule: CompiledRule, customerId: string): Promise<boolean>;
  ruleMembers(rule: CompiledRule): Promise<string[]>;
  eventSince(customerId: string, eventName: string, since: Date): Promise<boolean>;
  /** Marketing messages on the channel to this customer since `since` (the frequency cap's count). */
  marketingSentSince(customerId: string, channel: 'email' | 'sms', since: Date): Promise<number>;

  decision(runId: string, stepId: string): Promise<StepDecision | null>;
  /**
   * Inserts the decision (and its message) once; a decision already there wins and is returned.
   * With a cap guard, a message that no longer fits the cap is recorded as skipped (`capped`).
   */
  decide(
    run: RunState,
    stepId: string,
    decision: { outcome: 'acted' | 'skipped'; reason: string; detail?: string },
    message?: MessageDraft,
    cap?: CapGuard,
  ): Promise<StepDecision>;
  /** Notes a deferral for the trace and schedules the same step again at `until`. */
  defer(run: RunState, stepId: string, reason: string, until: Date): Promise<void>;
  /**
   * Moves the run from `from` to `to` (compare-and-set: false when another job moved it already)
   * and enqueues `to` in the same transaction; `to` null ends the run with `endStatus`.
   */
  advance(run: RunState, from: string, to: string | null, options?: { startAfter?: Date; endStatus?: 'completed' | 'goal-reached' | 'stopped' }): Promise<boolean>;
  /** Parks the run at a wait-for-event step and schedules its timeout. */
  wait(run: RunState, stepId: string, wait: { eventName: string; keyName: string | null; keyValue: string | null; expiresAt: Date }): Promise<void>;
  /** Removes the run's wait; false when it was already gone (the event or the timeout came first). */
  endWait(runId: string, stepId: string): Promise<boolean>;
  /** Runs waiting for `eventName` from this customer (and this key value, when they wait on one). */
  waitsFor(customerId: string, eventName: string, properties: Record<string, unknown>): Promise<{ runId: string; stepId: string }[]>;

  /**
   * queued → handed-over; throws MessageTakenError when the message is not queued (another
   * attempt has it). Resolves as soon as the COMMIT is *written*, not answered, so the channel
   * writes its final dot in the same instant: a crash then loses both or neither, instead of
   * leaving a committed hand-over whose dot never left during the database's round trip.
   * `committed` settles with the commit's answer.
   */
  markHandedOver(messageId: string): Promise<{ readonly committed: Promise<void> }>;
  /** The server took the message: its id for it (an SMTP queue id) and its reply are kept. */
  markSent(messageId: string, providerId: string, response: string): Promise<void>;
  /** A retryable failure: back to queued, one more attempt counted. */
  markRetry(messageId: string, error: string): Promise<void>;
  markFailed(messageId: string, error: string): Promise<void>;
}
