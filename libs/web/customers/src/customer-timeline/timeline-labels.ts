import type { TimelineEntryType } from '@marea/contracts';

/** The entry types a user can filter on, with their names. */
export const TIMELINE_FILTERS: readonly { readonly type: TimelineEntryType; readonly label: string }[] = [
  { type: 'order', label: $localize`:@@timeline.type.order:Orders` },
  { type: 'visit', label: $localize`:@@timeline.type.visit:Web visits` },
  { type: 'form_answer', label: $localize`:@@timeline.type.formAnswer:Form answers` },
  { type: 'event', label: $localize`:@@timeline.type.event:Other events` },
  { type: 'consent_change', label: $localize`:@@timeline.type.consent:Consent changes` },
  { type: 'attribute_change', label: $localize`:@@timeline.type.attribute:Attribute changes` },
  { type: 'segment_change', label: $localize`:@@timeline.type.segment:Segments` },
  { type: 'message', label: $localize`:@@timeline.type.message:Messages` },
  { type: 'task', label: $localize`:@@timeline.type.task:Tasks` },
];

const EVENT_NAMES: Record<string, string> = {
  page_view: $localize`:@@timeline.event.pageView:Page view`,
  product_view: $localize`:@@timeline.event.productView:Product view`,
  add_to_cart: $localize`:@@timeline.event.addToCart:Added to cart`,
  remove_from_cart: $localize`:@@timeline.event.removeFromCart:Removed from cart`,
  favourite: $localize`:@@timeline.event.favourite:Added to favourites`,
  unfavourite: $localize`:@@timeline.event.unfavourite:Removed from favourites`,
  search: $localize`:@@timeline.event.search:Search`,
  checkout_started: $localize`:@@timeline.event.checkout:Checkout started`,
  form_answer: $localize`:@@timeline.event.formAnswer:Form answer`,
};

/** A readable name of an event type; custom events keep their own name. */
export function eventName(type: string): string {
  return EVENT_NAMES[type] ?? type;
}

/** A message's delivery status in words. */
export const MESSAGE_STATUS: Record<string, string> = {
  queued: $localize`:@@timeline.message.queued:Queued`,
  'handed-over': $localize`:@@timeline.message.handedOver:Handed to the mail server`,
  sent: $localize`:@@timeline.message.sent:Sent`,
  failed: $localize`:@@timeline.message.failed:Failed`,
};

/** What the customer did with a message, in words. */
export const MESSAGE_TRACKING: Record<string, string> = {
  delivered: $localize`:@@timeline.tracking.delivered:delivered`,
  opened: $localize`:@@timeline.tracking.opened:opened`,
  clicked: $localize`:@@timeline.tracking.clicked:clicked`,
  bounced: $localize`:@@timeline.tracking.bounced:bounced`,
  unsubscribed: $localize`:@@timeline.tracking.unsubscribed:unsubscribed`,
  failed: $localize`:@@timeline.tracking.failed:failed`,
};
