import type { TimelineEntryType } from '@marea/contracts';

/**
 * One kind of timeline entry as SQL: a SELECT of (type, key, at, ref) for one customer ($1),
 * before the cursor ($2 time, $3 key), newest first, at most $4 rows. Each reads one index on
 * the customer; the reader merges them. `ref` carries what is needed to build the entry.
 *
 * The cursor condition is written as `at <= $2 AND (at < $2 OR key < $3)` rather than a row
 * comparison so that the time part is an index range. Keys compare bytewise (COLLATE "C").
 */
export interface TimelineSource {
  readonly types: readonly TimelineEntryType[];
  sql(types: ReadonlySet<TimelineEntryType>): string;
}

const before = (at: string, key: string) => `${at} <= $2::timestamptz AND (${at} < $2::timestamptz OR (${key}) < $3 COLLATE "C")`;
const page = (at: string, key: string) => `ORDER BY ${at} DESC, (${key}) COLLATE "C" DESC LIMIT $4`;

const orders: TimelineSource = {
  types: ['order'],
  sql: () => `
    SELECT 'order' AS type, 'o:' || id AS key, ordered_at AS at, json_build_object('id', id::text) AS ref
    FROM orders WHERE customer_id = $1 AND ${before('ordered_at', `'o:' || id`)}
    ${page('ordered_at', `'o:' || id`)}`,
};

// A visit sits in the timeline at its newest event; the aggregate is an index-only scan of
// events_visit_idx (customer_id, visit_id, occurred_at).
const visits: TimelineSource = {
  types: ['visit'],
  sql: () => `
    SELECT 'visit' AS type, 'v:' || visit_id AS key, last_at AS at,
           json_build_object('visitId', visit_id, 'startedAt', first_at, 'eventCount', event_count) AS ref
    FROM (
      SELECT visit_id, max(occurred_at) AS last_at, min(occurred_at) AS first_at, count(*) AS event_count
      FROM events WHERE customer_id = $1 AND visit_id IS NOT NULL
      GROUP BY visit_id
      HAVING ${before('max(occurred_at)', `'v:' || visit_id`)}
      ${page('max(occurred_at)', `'v:' || visit_id`)}
    ) AS v`,
};

// Events outside a visit: form answers are entries of their own kind, anything else is "event".
const standaloneEvents: TimelineSource = {
  types: ['form_answer', 'event'],
  sql: (types) => {
    const kinds = types.has('form_answer') && types.has('event') ? '' : types.has('form_answer') ? `AND type = 'form_answer'` : `AND type <> 'form_answer'`;
    return `
    SELECT CASE WHEN type = 'form_answer' THEN 'form_answer' ELSE 'event' END AS type, 'e:' || id AS key, occurred_at AS at,
           json_build_object('id', id::text, 'type', type, 'pageUrl', page_url, 'properties', properties) AS ref
    FROM events WHERE customer_id = $1 AND visit_id IS NULL ${kinds} AND ${before('occurred_at', `'e:' || id`)}
    ${page('occurred_at', `'e:' || id`)}`;
  },
};

const consentChanges: TimelineSource = {
  types: ['consent_change'],
  sql: () => `
    SELECT 'consent_change' AS type, 'c:' || id AS key, changed_at AS at,
           json_build_object('channel', channel, 'status', status, 'source', source) AS ref
    FROM consent_changes WHERE customer_id = $1 AND ${before('changed_at', `'c:' || id`)}
    ${page('changed_at', `'c:' || id`)}`,
};

const attributeChanges: TimelineSource = {
  types: ['attribute_change'],
  sql: () => `
    SELECT 'attribute_change' AS type, 'a:' || id AS key, changed_at AS at,
           json_build_object('field', field, 'before', before, 'after', after, 'changedBy', changed_by) AS ref
    FROM customer_changes WHERE customer_id = $1 AND ${before('changed_at', `'a:' || id`)}
    ${page('changed_at', `'a:' || id`)}`,
};

// Each membership gives an entry when the customer entered and, once closed, when they left.
const segmentChanges: TimelineSource = {
  types: ['segment_change'],
  sql: () => `
    SELECT 'segment_change' AS type, x.key, x.at, json_build_object('id', s.id::text, 'name', s.name, 'change', x.change) AS ref
    FROM segment_memberships m JOIN segments s ON s.id = m.segment_id
    CROSS JOIN LATERAL (VALUES ('entered', m.entered_at), ('exited', m.exited_at)) AS c(change, at)
    CROSS JOIN LATERAL (SELECT c.change, c.at,
                               's:' || m.segment_id || ':' || c.change || ':' || to_char(c.at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') AS key) AS x
    WHERE m.customer_id = $1 AND x.at IS NOT NULL AND ${before('x.at', 'x.key')}
    ${page('x.at', 'x.key')}`,
};

// Each task's history: created, done, reopened.
const taskEvents: TimelineSource = {
  types: ['task'],
  sql: () => `
    SELECT 'task' AS type, 't:' || e.id AS key, e.at,
           json_build_object('id', t.id::text, 'title', t.title, 'priority', t.priority, 'change', e.kind, 'by', e.actor) AS ref
    FROM task_events e JOIN tasks t ON t.id = e.task_id
    WHERE e.customer_id = $1 AND ${before('e.at', `'t:' || e.id`)}
    ${page('e.at', `'t:' || e.id`)}`,
};

// Messages sent to the customer, with the kinds of tracked events each one got.
const messages: TimelineSource = {
  types: ['message'],
  sql: () => `
    SELECT 'message' AS type, 'm:' || m.id AS key, m.created_at AS at,
           json_build_object('id', m.id::text, 'channel', m.channel, 'subject', m.subject, 'status', m.status,
                             'automationId', a.id::text, 'automationName', a.name,
                             'tracking', (SELECT coalesce(json_agg(kind ORDER BY first_at), '[]') FROM (
                                            SELECT kind, min(at) AS first_at FROM message_events
                                            WHERE message_id = m.id::text GROUP BY kind) k)) AS ref
    FROM messages m JOIN automations a ON a.id = m.automation_id
    WHERE m.customer_id = $1 AND ${before('m.created_at', `'m:' || m.id`)}
    ${page('m.created_at', `'m:' || m.id`)}`,
};

/** Every source, in no particular order (entries are merged by time). */
export const TIMELINE_SOURCES: readonly TimelineSource[] = [orders, visits, standaloneEvents, consentChanges, attributeChanges, segmentChanges, messages, taskEvents];
