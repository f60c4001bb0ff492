import * as z from 'zod';
import { Instant } from '../ingestion/primitives';

/** An in-app notification, e.g. "the segment VIP garden is ready: 1,204 customers". */
export const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  message: z.string(),
  /** Where the web app takes the reader, e.g. /segments/vip-garden. */
  link: z.string().nullable(),
  createdAt: Instant,
  readAt: Instant.nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });
export type NotificationList = z.infer<typeof NotificationList>;
