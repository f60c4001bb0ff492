import { frequencyCapAllows, quietHoursTiming, type DecisionReason, type FrequencyCap } from '@marea/domain/automations';
import type { ChannelSettings } from '@marea/contracts';
import type { AutomationEngineDependencies } from './automation-engine-dependencies';
import type { CapGuard } from './automation-store';
import type { CustomerSnapshot } from './customer-snapshot';

export type SendVerdict =
  | { readonly kind: 'send'; readonly address: string; readonly cap: CapGuard | null }
  | { readonly kind: 'skip'; readonly reason: DecisionReason; readonly detail?: string }
  | { readonly kind: 'defer'; readonly until: Date };

/**
 * The cap as the store enforces it when it records the message (under the customer's lock), and
 * as the trace explains a refusal.
 */
function capGuard(cap: FrequencyCap, channel: 'email' | 'sms', now: Date): CapGuard {
  return {
    channel,
    since: new Date(now.getTime() - cap.days * 86_400_000),
    judge: (sent) =>
      frequencyCapAllows(cap, sent, false) ? { allowed: true } : { allowed: false, detail: `${sent} ${channel} messages in the last ${cap.days} days (cap ${cap.max})` },
  };
}

/**
 * Whether a message may go to this customer on this channel now, checked at send time in the
 * order a marketer reads the trace: an address, consent (transactional mail needs none), the
 * suppression list, the frequency cap (transactional bypasses it), quiet hours. The cap is read
 * here for the trace's order, and enforced again by the store when the message is recorded
 * (`cap` of the verdict): only that second count, under a lock, is safe against a race.
 */
export async function checkSend(
  deps: AutomationEngineDependencies,
  customer: CustomerSnapshot,
  channel: 'email' | 'sms',
  settings: ChannelSettings,
  now: Date,
): Promise<SendVerdict> {
  const address = channel === 'email' ? customer.email : customer.phone;
  if (!address) return { kind: 'skip', reason: 'no-address' };
  if (!settings.transactional && !customer.consents[channel]) return { kind: 'skip', reason: 'no-consent' };
  if (await deps.suppressions.isSuppressed(channel, address)) return { kind: 'skip', reason: 'suppressed' };
  const cap = deps.settings.caps[channel];
  const guard = cap && !settings.transactional ? capGuard(cap, channel, now) : null;
  if (guard) {
    const verdict = guard.judge(await deps.store.marketingSentSince(customer.id, channel, guard.since));
    if (!verdict.allowed) return { kind: 'skip', reason: 'capped', detail: verdict.detail };
  }
  const timing = quietHoursTiming(now, customer.timeZone, settings.quietHours, settings.quietHoursPolicy);
  if (timing.kind === 'drop') return { kind: 'skip', reason: 'quiet-hours-dropped', detail: `quiet hours in ${customer.timeZone}` };
  if (timing.kind === 'defer') return { kind: 'defer', until: timing.until };
  return { kind: 'send', address, cap: guard };
}
