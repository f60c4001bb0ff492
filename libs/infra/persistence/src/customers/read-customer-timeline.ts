import type { DataSource } from 'typeorm';
import { TimelinePage, type MessageTrackingKind, type TaskPriority, type TimelineEntry, type TimelineEntryType, type TimelineEvent } from '@marea/contracts';
import { encodeTimelineCursor, isVisitLive, type TimelineCursor } from '@marea/domain/customers';
import { readOrderViews } from './order-views';
import { TIMELINE_SOURCES } from './timeline-sources';

export interface TimelineRequest {
  readonly customerId: string;
  readonly before: TimelineCursor | null;
  readonly limit: number;
  /** Empty: every type. */
  readonly types: readonly TimelineEntryType[];
  /** The moment a visit's liveness is judged at. */
  readonly now: Date;
}

interface EntryRow {
  type: TimelineEntryType;
  key: string;
  at: Date;
  cursor_at: string;
  ref: Record<string, unknown>;
}

interface VisitEventRow {
  visit_id: string;
  id: string;
  type: string;
  occurred_at: Date;
  page_url: string | null;
  properties: Record<string, unknown>;
  store_id: number | null;
  store_name: string | null;
}

const EVENTS_PER_VISIT = 50;
// Later than any stored time: the first page starts here.
const END_OF_TIME = '9999-12-31T00:00:00Z';

const event = (row: { id: string; type: string; at: string | Date; pageUrl: string | null; properties: Record<string, unknown> }): TimelineEvent => ({
  id: row.id,
  type: row.type,
  at: new Date(row.at).toISOString(),
  pageUrl: row.pageUrl,
  properties: row.properties,
});

/** The newest events of each visit on the page, with the store the visit happened in. */
async function readVisitEvents(dataSource: DataSource, customerId: string, visitIds: string[]): Promise<Map<string, VisitEventRow[]>> {
  const byVisit = new Map<string, VisitEventRow[]>();
  if (visitIds.length === 0) return byVisit;
  const rows: VisitEventRow[] = await dataSource.query(
    `SELECT v.visit_id, e.id::text, e.type, e.occurred_at, e.page_url, e.properties, e.store_id, s.name AS store_name
     FROM unnest($2::text[]) AS v(visit_id)
     CROSS JOIN LATERAL (
       SELECT * FROM events e WHERE e.customer_id = $1 AND e.visit_id = v.visit_id ORDER BY e.occurred_at DESC, e.id DESC LIMIT $3
     ) e
     LEFT JOIN stores s ON s.id = e.store_id`,
    [customerId, visitIds, EVENTS_PER_VISIT],
  );
  for (const row of rows) byVisit.set(row.visit_id, [...(byVisit.get(row.visit_id) ?? []), row]);
  return byVisit;
}

/**
 * A page of a customer's timeline, newest first: every selected source contributes at most
 * `limit + 1` entries before the cursor, the merge keeps the newest `limit`, and the extra one
 * tells whether there is a next page. Orders and visits are then completed with their lines
 * and events. Entries of one instant are ordered by key, so paging never skips or repeats one.
 */
export async function readCustomerTimeline(dataSource: DataSource, request: TimelineRequest): Promise<TimelinePage> {
  const wanted = new Set<TimelineEntryType>(request.types.length ? request.types : TIMELINE_SOURCES.flatMap((source) => source.types));
  const sources = TIMELINE_SOURCES.filter((source) => source.types.some((type) => wanted.has(type)));
  if (sources.length === 0) return { entries: [], nextBefore: null };

  const rows: EntryRow[] = await dataSource.query(
    `SELECT type, key, at, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at, ref
     FROM (${sources.map((source) => `(${source.sql(wanted)})`).join(' UNION ALL ')}) AS entries
     ORDER BY at DESC, key COLLATE "C" DESC LIMIT $4`,
    [request.customerId, request.before?.at ?? END_OF_TIME, request.before?.key ?? '', request.limit + 1],
  );
  const pageRows = rows.slice(0, request.limit);
  const [orders, visitEvents] = await Promise.all([
    readOrderViews(dataSource, pageRows.filter((row) => row.type === 'order').map((row) => String(row.ref['id']))),
    readVisitEvents(dataSource, request.customerId, pageRows.filter((row) => row.type === 'visit').map((row) => String(row.ref['visitId']))),
  ]);

  const entries = pageRows.flatMap((row): TimelineEntry[] => {
    const base = { key: row.key, at: row.at.toISOString() };
    const ref = row.ref;
    switch (row.type) {
      case 'order': {
        const order = orders.get(String(ref['id']));
        return order ? [{ type: 'order', ...base, order }] : [];
      }
      case 'visit': {
        const events = visitEvents.get(String(ref['visitId'])) ?? [];
        const withStore = events.find((e) => e.store_id !== null);
        return [
          {
            type: 'visit',
            ...base,
            visitId: String(ref['visitId']),
            startedAt: new Date(String(ref['startedAt'])).toISOString(),
            live: isVisitLive(row.at, request.now),
            eventCount: Number(ref['eventCount']),
            store: withStore ? { id: Number(withStore.store_id), name: String(withStore.store_name) } : null,
            events: events.map((e) => event({ id: e.id, type: e.type, at: e.occurred_at, pageUrl: e.page_url, properties: e.properties })),
          },
        ];
      }
      case 'form_answer':
      case 'event':
        return [{ type: row.type, ...base, event: event({ ...(ref as Omit<Parameters<typeof event>[0], 'at'>), at: row.at }) }];
      case 'consent_change':
        return [{ type: 'consent_change', ...base, channel: ref['channel'] as 'email' | 'sms', status: ref['status'] as 'given' | 'withdrawn', source: String(ref['source']) }];
      case 'attribute_change':
        return [{ type: 'attribute_change', ...base, field: String(ref['field']), before: ref['before'], after: ref['after'], changedBy: String(ref['changedBy']) }];
      case 'segment_change':
        return [
          {
            type: 'segment_change',
            ...base,
            segment: { id: String(ref['id']), name: String(ref['name']) },
            change: ref['change'] as 'entered' | 'exited',
          },
        ];
      case 'message':
        return [
          {
            type: 'message',
            ...base,
            message: {
              id: String(ref['id']),
              channel: ref['channel'] as 'email' | 'sms',
              subject: String(ref['subject']),
              status: ref['status'] as 'queued' | 'handed-over' | 'sent' | 'failed',
              automation: { id: String(ref['automationId']), name: String(ref['automationName']) },
            },
            tracking: ref['tracking'] as MessageTrackingKind[],
          },
        ];
      case 'task':
        return [
          {
            type: 'task',
            ...base,
            task: { id: String(ref['id']), title: String(ref['title']), priority: ref['priority'] as TaskPriority },
            change: ref['change'] as 'created' | 'done' | 'reopened',
            by: String(ref['by']),
          },
        ];
      default:
        return [];
    }
  });
  const last = pageRows[pageRows.length - 1];
  return TimelinePage.parse({
    entries,
    nextBefore: rows.length > request.limit && last ? encodeTimelineCursor({ at: last.cursor_at, key: last.key }) : null,
  });
}
