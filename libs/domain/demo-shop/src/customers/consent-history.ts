import type { SeededRandom } from '../random/seeded-random';
import type { ConsentChangeRow } from '../demo-shop-rows';

interface ChannelPolicy {
  readonly channel: 'email' | 'sms';
  /** Probability of consenting at all. */
  readonly given: number;
  readonly givenSources: readonly string[];
  /** Probability that a consent is withdrawn later. */
  readonly withdrawn: number;
  readonly withdrawnSources: readonly string[];
  /** Probability that a withdrawn consent is given again later. */
  readonly regiven: number;
}

const EMAIL: ChannelPolicy = {
  channel: 'email',
  given: 0.72,
  givenSources: ['registration_form', 'checkout', 'newsletter_popup', 'registration_form'],
  withdrawn: 0.16,
  withdrawnSources: ['unsubscribe_link', 'unsubscribe_link', 'unsubscribe_link', 'preference_center', 'customer_service'],
  regiven: 0.2,
};

const SMS: ChannelPolicy = {
  channel: 'sms',
  given: 0.42,
  givenSources: ['checkout', 'loyalty_signup', 'checkout'],
  withdrawn: 0.12,
  withdrawnSources: ['sms_stop', 'sms_stop', 'customer_service'],
  regiven: 0.1,
};

function between(random: SeededRandom, from: number, to: number): number {
  return Math.floor(from + random.float() * Math.max(0, to - from));
}

function channelHistory(random: SeededRandom, policy: ChannelPolicy, registeredAt: number, nowMs: number, inStore: boolean): ConsentChangeRow[] {
  if (!random.chance(policy.given)) return [];
  const changes: ConsentChangeRow[] = [];
  // Most consent at sign-up; some later, from a pop-up or at a till.
  let at = random.chance(0.8) ? registeredAt : between(random, registeredAt, nowMs);
  const source = inStore && random.chance(0.6) ? 'store_pos' : random.pick(policy.givenSources);
  changes.push({ channel: policy.channel, status: 'given', changedAt: at, source });
  if (random.chance(policy.withdrawn)) {
    at = between(random, at + 60_000, nowMs);
    changes.push({ channel: policy.channel, status: 'withdrawn', changedAt: at, source: random.pick(policy.withdrawnSources) });
    if (random.chance(policy.regiven)) {
      at = between(random, at + 60_000, nowMs);
      changes.push({ channel: policy.channel, status: 'given', changedAt: at, source: 'preference_center' });
    }
  }
  return changes.filter((change) => change.changedAt < nowMs);
}

/**
 * Email and SMS consent changes of one customer, oldest first: given (mostly at sign-up), some
 * withdrawn later, a few given again. A channel without a contact point gets no consent.
 */
export function consentHistory(
  random: SeededRandom,
  contact: { email: string | null; phone: string | null },
  registeredAt: number,
  nowMs: number,
  inStore: boolean,
): ConsentChangeRow[] {
  const email = contact.email ? channelHistory(random, EMAIL, registeredAt, nowMs, inStore) : [];
  const sms = contact.phone ? channelHistory(random, SMS, registeredAt, nowMs, inStore) : [];
  return [...email, ...sms].sort((a, b) => a.changedAt - b.changedAt);
}

/** The current consent per channel: the newest change. */
export function currentConsents(changes: readonly ConsentChangeRow[]): ConsentChangeRow[] {
  const newest = new Map<string, ConsentChangeRow>();
  for (const change of changes) {
    const known = newest.get(change.channel);
    if (!known || change.changedAt >= known.changedAt) newest.set(change.channel, change);
  }
  return [...newest.values()];
}
