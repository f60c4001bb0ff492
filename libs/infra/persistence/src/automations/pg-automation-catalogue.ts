import type { DataSource } from 'typeorm';
import {
  AUTOMATION_STATISTICS,
  type Automation,
  type AutomationDayStatistics,
  type AutomationDefinition,
  type AutomationRun,
  type AutomationStatistic,
  type AutomationStatistics,
  type AutomationStatus,
  type AutomationVersion,
} from '@marea/contracts';

interface AutomationRow {
  id: string;
  name: string;
  status: AutomationStatus;
  current_version: number;
  definition: AutomationDefinition;
  created_at: Date;
  updated_at: Date;
}

const AUTOMATION_SELECT = `SELECT a.id::text, a.name, a.status, a.current_version, v.definition, a.created_at, a.updated_at
  FROM automations a JOIN automation_versions v ON v.automation_id = a.id AND v.version = a.current_version`;

function automation(row: AutomationRow): Automation {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    currentVersion: row.current_version,
    definition: row.definition,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The trace entry as stored: a decision, or a deferral (quiet hours) awaiting its decision. */
export interface StoredTraceEntry {
  readonly at: Date;
  readonly version: number;
  readonly occurrence: string;
  readonly stepId: string;
  readonly outcome: 'acted' | 'skipped' | 'deferred';
  readonly reason: string;
  readonly detail: string | null;
}

// UPDATE/DELETE … RETURNING are wrapped in a CTE: TypeORM answers those commands with
// [rows, count], a plain SELECT with the rows.

/**
 * Automations as people edit and read them: definitions (every edit a new immutable version),
 * status, runs, the "why" trace and statistics by day.
 */
export class PgAutomationCatalogue {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<Automation[]> {
    const rows = await this.dataSource.query<AutomationRow[]>(`${AUTOMATION_SELECT} ORDER BY a.id`);
    return rows.map(automation);
  }

  async get(id: string): Promise<Automation | null> {
    const [row] = await this.dataSource.query<AutomationRow[]>(`${AUTOMATION_SELECT} WHERE a.id = $1`, [id]);
    return row ? automation(row) : null;
  }

  async create(name: string, definition: AutomationDefinition, createdBy: string): Promise<Automation> {
    const id = await this.dataSource.transaction(async (db) => {
      const [row] = await db.query<{ id: string }[]>(
        `INSERT INTO automations (name, trigger_kind, created_by) VALUES ($1, $2, $3) RETURNING id::text`,
        [name, definition.trigger.kind, createdBy],
      );
      await db.query(`INSERT INTO automation_versions (automation_id, version, definition) VALUES ($1, 1, $2)`, [row.id, JSON.stringify(definition)]);
      return row.id;
    });
    return (await this.get(id))!;
  }

  /** A new version (runs in flight keep theirs); null when there is no such automation. */
  async edit(id: string, name: string, definition: AutomationDefinition): Promise<Automation | null> {
    const found = await this.dataSource.transaction(async (db) => {
      const [row] = await db.query<{ version: number }[]>(
        `WITH edited AS (UPDATE automations SET name = $2, trigger_kind = $3, current_version = current_version + 1, updated_at = now()
         WHERE id = $1 RETURNING current_version AS version) SELECT version FROM edited`,
        [id, name, definition.trigger.kind],
      );
      if (!row) return false;
      await db.query(`INSERT INTO automation_versions (automation_id, version, definition) VALUES ($1, $2, $3)`, [id, row.version, JSON.stringify(definition)]);
      return true;
    });
    return found ? this.get(id) : null;
  }

  async setStatus(id: string, status: AutomationStatus): Promise<Automation | null> {
    const rows = await this.dataSource.query(`WITH changed AS (UPDATE automations SET status = $2, updated_at = now() WHERE id = $1 RETURNING id) SELECT id FROM changed`, [id, status]);
    return (rows as unknown[]).length > 0 ? this.get(id) : null;
  }

  async remove(id: string): Promise<boolean> {
    const rows = await this.dataSource.query(`WITH deleted AS (DELETE FROM automations WHERE id = $1 RETURNING id) SELECT id FROM deleted`, [id]);
    return (rows as unknown[]).length > 0;
  }

  async versions(id: string): Promise<AutomationVersion[]> {
    const rows = await this.dataSource.query<{ version: number; definition: AutomationDefinition; created_at: Date }[]>(
      `SELECT version, definition, created_at FROM automation_versions WHERE automation_id = $1 ORDER BY version DESC`,
      [id],
    );
    return rows.map((row) => ({ version: row.version, definition: row.definition, createdAt: row.created_at.toISOString() }));
  }

  async runs(id: string, options: { customerId?: string; limit: number }): Promise<AutomationRun[]> {
    const rows = await this.dataSource.query<
      { id: string; version: number; customer_id: string; occurrence: string; status: AutomationRun['status']; current_step: string | null; entered_at: Date; ended_at: Date | null }[]
    >(
      `SELECT id::text, version, customer_id::text, occurrence, status, current_step, entered_at, ended_at FROM automation_runs
       WHERE automation_id = $1 AND ($2::bigint IS NULL OR customer_id = $2) ORDER BY entered_at DESC, id DESC LIMIT $3`,
      [id, options.customerId ?? null, options.limit],
    );
    return rows.map((row) => ({
      id: row.id,
      version: row.version,
      customerId: row.customer_id,
      occurrence: row.occurrence,
      status: row.status,
      currentStep: row.current_step,
      enteredAt: row.entered_at.toISOString(),
      endedAt: row.ended_at?.toISOString() ?? null,
    }));
  }

  /** Every decision and deferral for one customer in one automation, oldest first. */
  async trace(id: string, customerId: string): Promise<StoredTraceEntry[]> {
    const rows = await this.dataSource.query<
      { at: Date; version: number; occurrence: string; step_id: string; outcome: StoredTraceEntry['outcome']; reason: string; detail: string | null }[]
    >(
      `SELECT decided_at AS at, version, occurrence, step_id, outcome, reason, detail FROM automation_decisions
       WHERE automation_id = $1 AND customer_id = $2
       UNION ALL
       SELECT f.at, r.version, r.occurrence, f.step_id, 'deferred', f.reason, 'until ' || to_char(f.until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"')
       FROM automation_deferrals f JOIN automation_runs r ON r.id = f.run_id WHERE r.automation_id = $1 AND r.customer_id = $2
       ORDER BY at`,
      [id, customerId],
    );
    return rows.map((row) => ({ at: row.at, version: row.version, occurrence: row.occurrence, stepId: row.step_id, outcome: row.outcome, reason: row.reason, detail: row.detail }));
  }

  /**
   * Counts by day (UTC): entered (runs), sent and failed (messages), capped (decisions), and what
   * tracking learnt of the messages (delivered, opened, clicked, bounced, unsubscribed).
   */
  async statistics(id: string, from: string, to: string): Promise<AutomationStatistics> {
    const rows = await this.dataSource.query<{ day: string; step_id: string | null; metric: AutomationStatistic; count: number }[]>(
      `WITH facts AS (
         SELECT entered_at AS at, NULL::text AS step_id, 'entered' AS metric FROM automation_runs WHERE automation_id = $1
         UNION ALL
         SELECT coalesce(handed_over_at, created_at), step_id, CASE WHEN status = 'failed' THEN 'failed' ELSE 'sent' END
         FROM messages WHERE automation_id = $1 AND status <> 'queued'
         UNION ALL
         SELECT decided_at, step_id, 'capped' FROM automation_decisions WHERE automation_id = $1 AND reason = 'capped'
         UNION ALL
         SELECT e.at, m.step_id, e.kind FROM message_events e JOIN messages m ON m.id::text = e.message_id
         WHERE m.automation_id = $1 AND e.kind IN ('delivered', 'opened', 'clicked', 'bounced', 'unsubscribed')
       )
       SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, step_id, metric, count(*)::int AS count FROM facts
       WHERE at >= $2::date AND at < $3::date + 1
       GROUP BY 1, 2, 3 ORDER BY 1, 2`,
      [id, from, to],
    );
    const days = new Map<string, AutomationDayStatistics>();
    const blank = () => Object.fromEntries(AUTOMATION_STATISTICS.map((metric) => [metric, 0])) as Record<AutomationStatistic, number>;
    const add = (day: string, stepId: string | null, metric: AutomationStatistic, count: number) => {
      const key = `${day}|${stepId ?? ''}`;
      const entry = days.get(key) ?? { day, stepId, counts: blank() };
      entry.counts[metric] += count;
      days.set(key, entry);
    };
    for (const row of rows) {
      add(row.day, row.step_id, row.metric, row.count);
      if (row.step_id !== null) add(row.day, null, row.metric, row.count); // the automation's total
    }
    const all = [...days.values()];
    return { automation: all.filter((entry) => entry.stepId === null), steps: all.filter((entry) => entry.stepId !== null) };
  }
}
