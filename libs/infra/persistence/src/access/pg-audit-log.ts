import type { DataSource } from 'typeorm';
import type { AuditEntry, AuditPage } from '@marea/contracts';
import { describeActor, type AuditAction, type AuditActor } from '@marea/domain/access';
import { toId } from './pg-user-store';

/** One sensitive action: who (a user, a key, or nobody signed in), what, on what, from where. */
export interface AuditRecord {
  actor: AuditActor | null;
  action: AuditAction;
  subject?: string;
  details?: Record<string, unknown>;
  ip?: string;
}

interface AuditRow {
  id: string;
  at: Date;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  actor_label: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/** The audit log in PostgreSQL: append-only from Marea's side; read newest first. */
export class PgAuditLog {
  constructor(private readonly db: DataSource) {}

  async record({ actor, action, subject, details, ip }: AuditRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_user_id, actor_api_key_id, actor_label, action, subject, details, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        actor?.kind === 'user' ? actor.userId : null,
        actor?.kind === 'key' ? actor.keyId : null,
        describeActor(actor),
        action,
        subject ?? null,
        JSON.stringify(details ?? {}),
        ip ?? null,
      ],
    );
  }

  /** A page of entries older than `before` (an entry id), newest first. */
  async page(limit: number, before?: string): Promise<AuditPage> {
    const rows = await this.db.query<AuditRow[]>(
      `SELECT id::text AS id, at, actor_user_id::text AS actor_user_id, actor_api_key_id::text AS actor_api_key_id, actor_label,
              action, subject, details, ip
       FROM audit_log WHERE ($2::bigint IS NULL OR audit_log.id < $2) ORDER BY audit_log.id DESC LIMIT $1`,
      [limit, before === undefined ? null : toId(before)],
    );
    return {
      items: rows.map(toEntry),
      limit,
      before: rows.length === limit ? rows[rows.length - 1].id : null,
    };
  }
}

function toEntry(row: AuditRow): AuditEntry {
  const kind = row.actor_user_id ? 'user' : row.actor_api_key_id ? 'key' : row.actor_label === 'anonymous' ? 'anonymous' : 'system';
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { kind, id: row.actor_user_id ?? row.actor_api_key_id, label: row.actor_label },
    action: row.action,
    subject: row.subject,
    details: row.details,
    ip: row.ip,
  };
}
