import type { DataSource, EntityManager } from 'typeorm';
import type { AutomationDefinition } from '@marea/contracts';
import { MessageTakenError } from '@marea/engine/automations';
import type {
  AbandonedCart,
  AutomationStore,
  CapGuard,
  CustomerChange,
  CustomerSnapshot,
  EntryJudge,
  EntryRequest,
  JobQueue,
  LiveAutomation,
  MessageDraft,
  RunState,
  StepDecision,
  StoredMessage,
  TriggerEvent,
} from '@marea/engine/automations';
import type { CompiledRule } from '@marea/engine/segments';
import { customerSnapshot, type CustomerRow } from './customer-snapshot-row';
import { latestCustomerChangePosition, readAbandonedCarts, readCustomerChanges } from './trigger-source-rows';

/** The step id of the decision to start a run. */
export const ENTRY_STEP = '$entry';

/**
 * The automation engine's state in PostgreSQL. (UPDATE/DELETE … RETURNING go through a CTE:
 * TypeORM answers those commands with [rows, count], a SELECT with the rows.)
 * Every state change that asks for a next step
 * enqueues its job in the same transaction (pg-boss on the transaction's connection), so a
 * committed change always has its job and a rolled-back one never does.
 */
export class PgAutomationStore implements AutomationStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  async liveAutomations(triggerKinds: readonly string[]): Promise<LiveAutomation[]> {
    const rows = await this.dataSource.query<{ id: string; name: string; version: number; definition: AutomationDefinition }[]>(
      `SELECT a.id::text, a.name, a.current_version AS version, v.definition
       FROM automations a JOIN automation_versions v ON v.automation_id = a.id AND v.version = a.current_version
       WHERE a.status = 'active' AND a.trigger_kind = ANY($1::text[]) ORDER BY a.id`,
      [triggerKinds],
    );
    return rows;
  }

  async enter(request: EntryRequest, judge: EntryJudge): Promise<{ entered: boolean; reason: string } | null> {
    const { automation, customerId, occurrence } = request;
    const entry = await this.dataSource.transaction(async (db) => {
      // One customer's entries into one automation are judged one at a time.
      await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('automation-entry:' || $1 || ':' || $2, 0))`, [automation.id, customerId]);
      const [decided] = await db.query(
        `SELECT 1 FROM automation_decisions WHERE automation_id = $1 AND version = $2 AND customer_id = $3 AND occurrence = $4 AND step_id = $5`,
        [automation.id, automation.version, customerId, occurrence, ENTRY_STEP],
      );
      if (decided) return null;
      const [history] = await db.query<{ last_entered_at: Date | null; run_active: boolean }[]>(
        `SELECT max(entered_at) AS last_entered_at, coalesce(bool_or(status = 'active'), false) AS run_active
         FROM automation_runs WHERE automation_id = $1 AND customer_id = $2`,
        [automation.id, customerId],
      );
      const verdict = judge({ lastEnteredAt: history.last_entered_at, runActive: history.run_active });
      if (!verdict.allowed) {
        await this.insertDecision(db, request, null, ENTRY_STEP, 'skipped', verdict.reason);
        return { entered: false, reason: verdict.reason };
      }
      const [run] = await db.query<{ id: string }[]>(
        `INSERT INTO automation_runs (automation_id, version, customer_id, occurrence, context, current_step)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text`,
        [automation.id, automation.version, customerId, occurrence, JSON.stringify(request.context), automation.definition.start],
      );
      await this.insertDecision(db, request, run.id, ENTRY_STEP, 'acted', 'entered');
      await this.jobs.enqueueStep({ runId: run.id, stepId: automation.definition.start }, { within: db });
      return { entered: true, reason: 'entered' };
    });
    if (entry?.entered) this.jobs.nudge();
    return entry;
  }

  async undecidedEntries(automation: LiveAutomation, occurrence: string, customerIds: readonly string[]): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id::text FROM unnest($4::bigint[]) AS candidate (id)
       WHERE NOT EXISTS (SELECT 1 FROM automation_decisions d WHERE d.automation_id = $1 AND d.version = $2 AND d.occurrence = $3
                           AND d.step_id = '${ENTRY_STEP}' AND d.customer_id = candidate.id)`,
      [automation.id, automation.version, occurrence, customerIds],
    );
    return rows.map((row) => row.id);
  }

  async refuseEntry(request: EntryRequest, reason: string): Promise<void> {
    await this.insertDecision(this.dataSource.manager, request, null, ENTRY_STEP, 'skipped', reason);
  }

  private async insertDecision(
    db: EntityManager,
    request: Pick<EntryRequest, 'customerId' | 'occurrence'> & { automation: Pick<LiveAutomation, 'id' | 'version'> },
    runId: string | null,
    stepId: string,
    outcome: 'acted' | 'skipped',
    reason: string,
    detail?: string,
  ): Promise<string | null> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO automation_decisions (automation_id, version, customer_id, occurrence, step_id, run_id, outcome, reason, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (automation_id, version, customer_id, occurrence, step_id) DO NOTHING RETURNING id`,
      [request.automation.id, request.automation.version, request.customerId, request.occurrence, stepId, runId, outcome, reason, detail ?? null],
    );
    return rows[0]?.id ?? null;
  }

  async run(runId: string): Promise<RunState | null> {
    const [row] = await this.dataSource.query<
      {
        id: string;
        automation_id: string;
        name: string;
        automation_status: string;
        version: number;
        definition: AutomationDefinition;
        customer_id: string;
        occurrence: string;
        context: Record<string, unknown>;
        status: RunState['status'];
        current_step: string | null;
        entered_at: Date;
      }[]
    >(
      `SELECT r.id::text, r.automation_id::text, a.name, a.status AS automation_status, r.version, v.definition, r.customer_id::text,
              r.occurrence, r.context, r.status, r.current_step, r.entered_at
       FROM automation_runs r JOIN automations a ON a.id = r.automation_id
       JOIN automation_versions v ON v.automation_id = r.automation_id AND v.version = r.version
       WHERE r.id = $1`,
      [runId],
    );
    if (!row) return null;
    return {
      runId: row.id,
      automationId: row.automation_id,
      automationName: row.name,
      automationActive: row.automation_status === 'active',
      version: row.version,
      definition: row.definition,
      customerId: row.customer_id,
      occurrence: row.occurrence,
      context: row.context,
      status: row.status,
      currentStep: row.current_step,
      enteredAt: row.entered_at,
    };
  }

  async customer(customerId: string): Promise<CustomerSnapshot | null> {
    const [row] = await this.dataSource.query<CustomerRow[]>(
      `SELECT c.id::text, c.first_name, c.last_name, c.email, c.phone, c.city, c.country, c.language, c.tags, c.attributes,
              to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.manager_id::text,
              coalesce(c.time_zone, (SELECT timezone FROM account)) AS time_zone,
              coalesce((SELECT status = 'given' FROM consents WHERE customer_id = c.id AND channel = 'email'), false) AS email_consent,
              coalesce((SELECT status = 'given' FROM consents WHERE customer_id = c.id AND channel = 'sms'), false) AS sms_consent
       FROM customers c WHERE c.id = $1`,
      [customerId],
    );
    return row ? customerSnapshot(row) : null;
  }

  async ruleHolds(rule: CompiledRule, customerId: string): Promise<boolean> {
    const [row] = await this.dataSource.query<{ holds: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM (${rule.sql}) rule WHERE rule.customer_id = $${rule.params.length + 1}::bigint) AS holds`,
      [...rule.params, customerId],
    );
    return row.holds;
  }

  async ruleMembers(rule: CompiledRule): Promise<string[]> {
    const rows = await this.dataSource.query<{ customer_id: string }[]>(`SELECT customer_id::text FROM (${rule.sql}) rule ORDER BY 1`, [
      ...rule.params,
    ]);
    return rows.map((row) => row.customer_id);
  }

  async eventSince(customerId: string, eventName: string, since: Date): Promise<boolean> {
    const [row] =
      eventName === 'order-placed'
        ? await this.dataSource.query<{ found: boolean }[]>(
            `SELECT EXISTS (SELECT 1 FROM orders WHERE customer_id = $1 AND kind = 'sale' AND ordered_at >= $2) AS found`,
            [customerId, since],
          )
        : await this.dataSource.query<{ found: boolean }[]>(
            `SELECT EXISTS (SELECT 1 FROM events WHERE customer_id = $1 AND type = $2 AND occurred_at >= $3) AS found`,
            [customerId, eventName, since],
          );
    return row.found;
  }

  marketingSentSince(customerId: string, channel: 'email' | 'sms', since: Date): Promise<number> {
    return marketingSentSince(this.dataSource.manager, customerId, channel, since);
  }

  async triggerPosition(source: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ position: string }[]>(`SELECT position FROM automation_trigger_cursors WHERE source = $1`, [source]);
    return row?.position ?? null;
  }

  async setTriggerPosition(source: string, position: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO automation_trigger_cursors (source, position) VALUES ($1, $2)
       ON CONFLICT (source) DO UPDATE SET position = excluded.position, updated_at = now()`,
      [source, position],
    );
  }

  async latestTriggerEventId(source: 'events' | 'orders'): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string }[]>(`SELECT coalesce(max(id), 0)::text AS id FROM ${source === 'events' ? 'events' : 'orders'}`);
    return row.id;
  }

  async triggerEventsAfter(source: 'events' | 'orders', afterId: string, limit: number): Promise<TriggerEvent[]> {
    const sql =
      source === 'events'
        ? `SELECT id::text, customer_id::text, type AS name, properties, occurred_at AS at FROM events WHERE id > $1 ORDER BY id LIMIT $2`
        : `SELECT id::text, customer_id::text, 'order-placed' AS name,
                  jsonb_build_object('orderId', external_id, 'subtotal', subtotal, 'currency', currency, 'channel', channel) AS properties,
                  ordered_at AS at
           FROM orders WHERE id > $1 AND kind = 'sale' ORDER BY id LIMIT $2`;
    const rows = await this.dataSource.query<{ id: string; customer_id: string; name: string; properties: Record<string, unknown>; at: Date }[]>(sql, [
      afterId,
      limit,
    ]);
    return rows.map((row) => ({ id: row.id, customerId: row.customer_id, name: row.name, properties: row.properties, at: row.at }));
  }

  abandonedCarts(automationId: string, quietSince: Date, notBefore: Date, limit: number): Promise<AbandonedCart[]> {
    return readAbandonedCarts(this.dataSource, automationId, quietSince, notBefore, limit);
  }

  customerChangesAfter(position: string | null, limit: number): Promise<CustomerChange[]> {
    return readCustomerChanges(this.dataSource, position, limit);
  }

  latestCustomerChangePosition(): Promise<string> {
    return latestCustomerChangePosition(this.dataSource);
  }

  async accountToday(): Promise<string> {
    const [row] = await this.dataSource.query<{ today: string }[]>(`SELECT to_char(now() AT TIME ZONE timezone, 'YYYY-MM-DD') AS today FROM account`);
    return row.today;
  }

  async customerDates(field: string): Promise<{ customerId: string; date: string }[]> {
    const column = field === 'birth_date' ? `to_char(birth_date, 'YYYY-MM-DD')` : `substring(attributes ->> $1 from '^[0-9]{4}-[0-9]{2}-[0-9]{2}')`;
    const name = field.startsWith('attributes.') ? field.slice('attributes.'.length) : field;
    const rows = await this.dataSource.query<{ id: string; date: string }[]>(
      `SELECT id::text, ${column} AS date FROM customers WHERE ${column} IS NOT NULL AND $1::text IS NOT NULL ORDER BY id`,
      [name],
    );
    return rows.map((row) => ({ customerId: row.id, date: row.date }));
  }

  async decision(runId: string, stepId: string): Promise<StepDecision | null> {
    const [row] = await this.dataSource.query<DecisionRow[]>(`${DECISION_SELECT} WHERE d.run_id = $1 AND d.step_id = $2`, [runId, stepId]);
    return row ? stepDecision(row) : null;
  }

  async decide(
    run: RunState,
    stepId: string,
    wanted: { outcome: 'acted' | 'skipped'; reason: string; detail?: string },
    wantedMessage?: MessageDraft,
    cap?: CapGuard,
  ): Promise<StepDecision> {
    const request = { automation: { id: run.automationId, version: run.version }, customerId: run.customerId, occurrence: run.occurrence };
    const inserted = await this.dataSource.transaction(async (db) => {
      let decision = wanted;
      let message = wantedMessage;
      if (message && cap) {
        // Held until commit: the next decision for this customer and channel counts this message.
        await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('message-cap:' || $1 || ':' || $2, 0))`, [run.customerId, cap.channel]);
        const verdict = cap.judge(await marketingSentSince(db, run.customerId, cap.channel, cap.since));
        if (!verdict.allowed) {
          decision = { outcome: 'skipped', reason: 'capped', detail: verdict.detail };
          message = undefined;
        }
      }
      const id = await this.insertDecision(db, request, run.runId, stepId, decision.outcome, decision.reason, decision.detail);
      if (!id) return null; // already decided: that decision stands
      if (message) {
        await db.query(
          `INSERT INTO messages (id, decision_id, automation_id, step_id, channel, customer_id, transactional, address, subject, html, body, unsubscribe_url)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            message.id,
            id,
            run.automationId,
            stepId,
            message.channel,
            run.customerId,
            message.transactional,
            message.address,
            message.subject,
            message.html,
            message.body,
            message.unsubscribeUrl,
          ],
        );
      }
      return { id, decision, message };
    });
    if (inserted) {
      const { id, decision, message } = inserted;
      return { id, outcome: decision.outcome, reason: decision.reason, message: message ? { ...message, status: 'queued', attempts: 0 } : null };
    }
    const stored = await this.decision(run.runId, stepId);
    if (!stored) throw new Error(`the decision of run ${run.runId} at step ${stepId} vanished`);
    return stored;
  }

  async defer(run: RunState, stepId: string, reason: string, until: Date): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      await db.query(`INSERT INTO automation_deferrals (run_id, step_id, reason, until) VALUES ($1, $2, $3, $4)`, [run.runId, stepId, reason, until]);
      await this.jobs.enqueueStep({ runId: run.runId, stepId }, { startAfter: until, within: db });
    });
  }

  async advance(
    run: RunState,
    from: string,
    to: string | null,
    options: { startAfter?: Date; endStatus?: 'completed' | 'goal-reached' | 'stopped' } = {},
  ): Promise<boolean> {
    const moved = await this.dataSource.transaction(async (db) => {
      const moved = await db.query<{ id: string }[]>(
        `WITH moved AS (
           UPDATE automation_runs SET current_step = $3::text,
                  status = CASE WHEN $3::text IS NULL THEN $4 ELSE 'active' END,
                  ended_at = CASE WHEN $3::text IS NULL THEN now() END
           WHERE id = $1 AND current_step = $2 AND status = 'active' RETURNING id)
         SELECT id FROM moved`,
        [run.runId, from, to, options.endStatus ?? 'completed'],
      );
      if (moved.length === 0) return false;
      if (to !== null) await this.jobs.enqueueStep({ runId: run.runId, stepId: to }, { startAfter: options.startAfter, within: db });
      return true;
    });
    if (moved && to !== null && !options.startAfter) this.jobs.nudge();
    return moved;
  }

  async wait(run: RunState, stepId: string, wait: { eventName: string; keyName: string | null; keyValue: string | null; expiresAt: Date }): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const inserted = await db.query(
        `INSERT INTO automation_waits (run_id, step_id, customer_id, event_name, key_name, key_value, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING run_id`,
        [run.runId, stepId, run.customerId, wait.eventName, wait.keyName, wait.keyValue, wait.expiresAt],
      );
      if (inserted.length > 0) await this.jobs.enqueueStep({ runId: run.runId, stepId, timeout: true }, { startAfter: wait.expiresAt, within: db });
    });
  }

  async endWait(runId: string, stepId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`WITH ended AS (DELETE FROM automation_waits WHERE run_id = $1 AND step_id = $2 RETURNING run_id) SELECT run_id FROM ended`, [runId, stepId]);
    return (rows as unknown[]).length > 0;
  }

  async waitsFor(customerId: string, eventName: string, properties: Record<string, unknown>): Promise<{ runId: string; stepId: string }[]> {
    const rows = await this.dataSource.query<{ run_id: string; step_id: string; key_name: string | null; key_value: string | null }[]>(
      `SELECT run_id::text, step_id, key_name, key_value FROM automation_waits WHERE customer_id = $1 AND event_name = $2`,
      [customerId, eventName],
    );
    return rows
      .filter((row) => row.key_name === null || String(properties[row.key_name] ?? '') === row.key_value)
      .map((row) => ({ runId: row.run_id, stepId: row.step_id }));
  }

  async markHandedOver(messageId: string): Promise<{ committed: Promise<void> }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    // The pg client itself: its query() writes to the socket at once, which TypeORM's
    // commitTransaction() does only after awaiting its own hooks.
    const client = (runner as unknown as { databaseConnection: { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } }).databaseConnection;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(`UPDATE messages SET status = 'handed-over', handed_over_at = now() WHERE id = $1 AND status = 'queued' RETURNING id`, [
        messageId,
      ]);
      if (rows.length === 0) {
        await client.query('ROLLBACK');
        throw new MessageTakenError(messageId);
      }
    } catch (error) {
      await runner.release();
      throw error;
    }
    const committed = client
      .query('COMMIT')
      .then(() => undefined)
      .finally(() => runner.release());
    committed.catch(() => undefined); // whoever awaits it sees the failure; nobody else must
    return { committed };
  }

  async markSent(messageId: string, providerId: string, response: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE messages SET status = 'sent', provider_id = $2, provider_response = $3, sent_at = now(), attempts = attempts + 1 WHERE id = $1`,
      [messageId, providerId, response],
    );
  }

  async markRetry(messageId: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE messages SET status = 'queued', last_error = $2, attempts = attempts + 1 WHERE id = $1`, [messageId, error]);
  }

  async markFailed(messageId: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE messages SET status = 'failed', last_error = $2, attempts = attempts + 1 WHERE id = $1`, [messageId, error]);
  }
}

/**
 * Marketing messages on a channel to a customer since an instant: what the frequency cap counts.
 * Failed ones do not count (the customer never got them); queued and handed-over ones do.
 */
async function marketingSentSince(db: EntityManager, customerId: string, channel: 'email' | 'sms', since: Date): Promise<number> {
  const [row] = await db.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM messages
     WHERE customer_id = $1 AND channel = $2 AND NOT transactional AND created_at >= $3 AND status <> 'failed'`,
    [customerId, channel, since],
  );
  return row.count;
}

interface DecisionRow {
  id: string;
  outcome: 'acted' | 'skipped';
  reason: string;
  message_id: string | null;
  channel: 'email' | 'sms';
  transactional: boolean;
  address: string;
  subject: string;
  html: string;
  body: string;
  unsubscribe_url: string | null;
  status: StoredMessage['status'];
  attempts: number;
}

const DECISION_SELECT = `SELECT d.id::text, d.outcome, d.reason, m.id::text AS message_id, m.channel, m.transactional, m.address, m.subject,
    m.html, m.body, m.unsubscribe_url, m.status, m.attempts
  FROM automation_decisions d LEFT JOIN messages m ON m.decision_id = d.id`;

function stepDecision(row: DecisionRow): StepDecision {
  return {
    id: row.id,
    outcome: row.outcome,
    reason: row.reason,
    message: row.message_id
      ? {
          id: row.message_id,
          channel: row.channel,
          transactional: row.transactional,
          address: row.address,
          subject: row.subject,
          html: row.html,
          body: row.body,
          unsubscribeUrl: row.unsubscribe_url,
          status: row.status,
          attempts: row.attempts,
        }
      : null,
  };
}
