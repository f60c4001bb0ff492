import { frequencyCapAllows, quietHoursTiming, type DecisionReason } from '@marea/domain/automations';
import type { ChannelSettings } from '@marea/contracts';
import type { AutomationEngineDependencies } from './automation-engine-dependencies';
import type { CustomerSnapshot } from './customer-snapshot';

export type SendVerdict =
  | { readonly kind: 'send'; readonly address: string }
  | { readonly kind: 'skip'; readonly reason: DecisionReason; readonly detail?: string }
  | { readonly kind: 'defer'; readonly until: Date };

/**
 * Whether a message may go to this customer on this channel now, checked at send time in the
 * order a marketer reads the trace: an address, consent (transactional mail needs none), the
 * suppression list, the frequency cap (transactional bypasses it), quiet hours.
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
  if (cap && !settings.transactional) {
    const since = new Date(now.getTime() - cap.days * 86_400_000);
    const sent = await deps.store.marketingSentSince(customer.id, channel, since);
    if (!frequencyCapAllows(cap, sent, settings.transactional)) {
      return { kind: 'skip', reason: 'capped', detail: `${sent} ${channel} messages in the last ${cap.days} days (cap ${cap.max})` };
    }
  }
  const timing = quietHoursTiming(now, customer.timeZone, settings.quietHours, settings.quietHoursPolicy);
  if (timing.kind === 'drop') return { kind: 'skip', reason: 'quiet-hours-dropped', detail: `quiet hours in ${customer.timeZone}` };
  if (timing.kind === 'defer') return { kind: 'defer', until: timing.until };
  return { kind: 'send', address };
}
