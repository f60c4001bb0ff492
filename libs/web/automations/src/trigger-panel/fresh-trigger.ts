import type { AutomationTrigger, AutomationTriggerKind } from '@marea/contracts';
import { noConditions } from '../flow/draft-rules';


/** Tomorrow at 09:00 UTC, a plausible first moment for a new schedule or campaign. */
function tomorrowMorning(now: Date): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 9));
  return day;
}

/** A trigger of a kind with settings to start from, keeping the segment code when there is one. */
export function freshTrigger(kind: AutomationTriggerKind, previous: AutomationTrigger, now = new Date()): AutomationTrigger {
  const segmentCode = 'segmentCode' in previous ? previous.segmentCode : '';
  const audience = 'audience' in previous ? previous.audience : noConditions();
  switch (kind) {
    case 'segment-entered':
    case 'segment-exited':
      return { kind, segmentCode };
    case 'order-placed':
      return { kind };
    case 'custom-event':
      return { kind, eventName: '', properties: [] };
    case 'cart-abandoned':
      return { kind, hours: 4 };
    case 'customer-changed':
      return { kind, fields: [] };
    case 'schedule':
      return { kind, cron: '0 9 * * 1', timeZone: 'UTC', startDate: tomorrowMorning(now).toISOString().slice(0, 10), audience } as AutomationTrigger;
    case 'customer-date':
      return { kind, field: 'birth_date', daysBefore: 0 };
    case 'once':
      return { kind, at: tomorrowMorning(now).toISOString(), audience } as AutomationTrigger;
  }
}

/** The kinds of trigger with their names, in the order the picker offers them. */
export const TRIGGER_KINDS: readonly [AutomationTriggerKind, string][] = [
  ['segment-entered', $localize`:@@automations.kind.entered:Enters a segment`],
  ['segment-exited', $localize`:@@automations.kind.exited:Leaves a segment`],
  ['order-placed', $localize`:@@automations.kind.order:Places an order`],
  ['cart-abandoned', $localize`:@@automations.kind.cart:Abandons a cart`],
  ['custom-event', $localize`:@@automations.kind.event:A custom event`],
  ['customer-changed', $localize`:@@automations.kind.changed:Profile changes`],
  ['customer-date', $localize`:@@automations.kind.date:A date of the customer (birthday …)`],
  ['schedule', $localize`:@@automations.kind.schedule:On a schedule, to an audience`],
  ['once', $localize`:@@automations.kind.once:Once (a campaign), to an audience`],
];
