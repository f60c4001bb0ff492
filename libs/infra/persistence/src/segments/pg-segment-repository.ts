import type { DataSource } from 'typeorm';
import type { Segment, SegmentMember, SegmentMemberPage, SegmentPreview, SegmentSizePoint } from '@marea/contracts';
import { SegmentError, type CompiledRule, type NewSegment, type SegmentChanges, type SegmentRepository } from '@marea/engine/segments';
import { pgErrorCode, QUERY_CANCELED, UNIQUE_VIOLATION } from './pg-error-code';
import { MEMBER_COLUMNS, toCustomerLine, toMember, type MemberRow } from './segment-member-rows';
import { SEGMENT_COLUMNS, toSegment, type SegmentRow } from './segment-row';

const EXPORT_PAGE = 5000;

/** Segment definitions, members and size history in PostgreSQL. */
export class PgSegmentRepository implements SegmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create({ input, rule, createdBy }: NewSegment): Promise<Segment> {
    try {
      const [row] = await this.dataSource.query<SegmentRow[]>(
        `INSERT INTO segments (code, name, description, kind, active, rule, rule_version, time_relative, recompute_every, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, make_interval(mins => $9), $10)
         RETURNING ${SEGMENT_COLUMNS}`,
        [
          input.code,
          input.name,
          input.description,
          input.kind,
          input.active,
          JSON.stringify(rule.value),
          rule.version,
          rule.timeRelative,
          input.recomputeEveryMinutes,
          createdBy,
        ],
      );
      return toSegment(row);
    } catch (error) {
      if (pgErrorCode(error) !== UNIQUE_VIOLATION) throw error;
      throw new SegmentError('SEGMENT_CODE_TAKEN', `The code "${input.code}" is already used by another segment; choose another one.`, [
        { field: 'code', message: 'is already used by another segment' },
      ]);
    }
  }

  async update(code: string, changes: SegmentChanges): Promise<Segment | null> {
    const rows = await this.dataSource.query<SegmentRow[]>(
      `UPDATE segments SET
         name = coalesce($2, name),
         description = coalesce($3, description),
         recompute_every = coalesce(make_interval(mins => $4), recompute_every),
         active = coalesce($5, active),
         rule = coalesce($6::jsonb, rule),
         rule_version = coalesce($7, rule_version),
         time_relative = coalesce($8, time_relative),
         -- A new rule, or a reactivation, is computed at once; a new interval counts from the last computation.
         next_computation_at = CASE
           WHEN $6::jsonb IS NOT NULL THEN now()
           WHEN $5 AND NOT active AND locked_at IS NULL THEN now()
           WHEN $4::int IS NOT NULL AND kind = 'dynamic' AND computed_at IS NOT NULL
             THEN least(next_computation_at, computed_at + make_interval(mins => $4))
           ELSE next_computation_at END,
         computation_status = CASE WHEN $6::jsonb IS NOT NULL THEN 'pending' ELSE computation_status END,
         updated_at = now()
       WHERE code = $1
       RETURNING ${SEGMENT_COLUMNS}`,
      [
        code,
        changes.name ?? null,
        changes.description ?? null,
        changes.recomputeEveryMinutes ?? null,
        changes.active ?? null,
        changes.rule ? JSON.stringify(changes.rule.value) : null,
        changes.rule?.version ?? null,
        changes.rule?.timeRelative ?? null,
      ],
    );
    // TypeORM answers an UPDATE … RETURNING as [rows, count].
    const [updated] = rows as unknown as [SegmentRow[], number];
    return updated[0] ? toSegment(updated[0]) : null;
  }

  async get(code: string): Promise<Segment | null> {
    const [row] = await this.dataSource.query<SegmentRow[]>(`SELECT ${SEGMENT_COLUMNS} FROM segments WHERE code = $1`, [code]);
    return row ? toSegment(row) : null;
  }

  async list(): Promise<Segment[]> {
    const rows = await this.dataSource.query<SegmentRow[]>(`SELECT ${SEGMENT_COLUMNS} FROM segments ORDER BY name, code`);
    return rows.map(toSegment);
  }

  async delete(code: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      // Locked so that no rule starts using the segment between the check and the delete.
      const [segment] = await manager.query<{ id: string }[]>(`SELECT id FROM segments WHERE code = $1 FOR UPDATE`, [code]);
      if (!segment) return false;
      const users = await manager.query<{ code: string }[]>(
        `SELECT code FROM segments
         WHERE code <> $1 AND jsonb_path_exists(rule, 'strict $.** ? (@.kind == "segment" && @.code == $code)', jsonb_build_object('code', $1::text))
         ORDER BY code`,
        [code],
      );
      if (users.length > 0) {
        const names = users.map((user) => `"${user.code}"`).join(', ');
        throw new SegmentError('SEGMENT_IN_USE', `The segment "${code}" cannot be deleted: the rules of ${names} use it. Change them first.`);
      }
      await manager.query(`DELETE FROM segments WHERE id = $1`, [segment.id]);
      return true;
    });
  }

  async members(segmentId: string, page: number, pageSize: number): Promise<SegmentMemberPage> {
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<(MemberRow & { entered_at: Date })[]>(
        `SELECT ${MEMBER_COLUMNS}, m.entered_at
         FROM segment_memberships m JOIN customers c ON c.id = m.customer_id
         WHERE m.segment_id = $1 AND m.exited_at IS NULL
         ORDER BY m.customer_id LIMIT $2 OFFSET $3`,
        [segmentId, pageSize, (page - 1) * pageSize],
      ),
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM segment_memberships WHERE segment_id = $1 AND exited_at IS NULL`,
        [segmentId],
      ),
    ]);
    return { items: rows.map(toMember), page, pageSize, total };
  }

  async *streamMembers(segmentId: string): AsyncIterable<SegmentMember[]> {
    // Keyset pages: each is a short query, so an export of a million members holds no
    // connection or snapshot for its whole length.
    let after = '0';
    for (;;) {
      const rows = await this.dataSource.query<(MemberRow & { entered_at: Date })[]>(
        `SELECT ${MEMBER_COLUMNS}, m.entered_at
         FROM segment_memberships m JOIN customers c ON c.id = m.customer_id
         WHERE m.segment_id = $1 AND m.exited_at IS NULL AND m.customer_id > $2
         ORDER BY m.customer_id LIMIT $3`,
        [segmentId, after, EXPORT_PAGE],
      );
      if (rows.length === 0) return;
      yield rows.map(toMember);
      if (rows.length < EXPORT_PAGE) return;
      after = rows[rows.length - 1].id;
    }
  }

  async sizeHistory(segmentId: string, limit: number): Promise<SegmentSizePoint[]> {
    const rows = await this.dataSource.query<{ computed_at: Date; size: number; entered: number; exited: number }[]>(
      `SELECT computed_at, size, entered, exited FROM (
         SELECT * FROM segment_sizes WHERE segment_id = $1 ORDER BY computed_at DESC LIMIT $2
       ) latest ORDER BY computed_at`,
      [segmentId, limit],
    );
    return rows.map((row) => ({ computedAt: row.computed_at.toISOString(), size: row.size, entered: row.entered, exited: row.exited }));
  }

  async preview(rule: CompiledRule, limit: number, timeoutMs: number): Promise<Omit<SegmentPreview, 'evaluatedAt'>> {
    const limitParam = rule.params.length + 1;
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
        const [row] = await manager.query<{ count: number; customers: MemberRow[] }[]>(
          `WITH matched AS MATERIALIZED (SELECT customer_id FROM (${rule.sql}) rule),
                first AS (SELECT customer_id FROM matched ORDER BY customer_id LIMIT $${limitParam})
           SELECT (SELECT count(*) FROM matched)::int AS count,
                  coalesce((SELECT json_agg(c ORDER BY c.id::bigint) FROM (
                    SELECT ${MEMBER_COLUMNS} FROM first JOIN customers c ON c.id = first.customer_id
                  ) c), '[]') AS customers`,
          [...rule.params, limit],
        );
        return { count: row.count, customers: row.customers.map(toCustomerLine) };
      });
    } catch (error) {
      if (pgErrorCode(error) !== QUERY_CANCELED) throw error;
      const seconds = timeoutMs / 1000;
      throw new SegmentError(
        'PREVIEW_TIMEOUT',
        `The preview took longer than ${seconds} s and was stopped. Narrow the rule (a shorter time window, fewer ` +
          'products or categories) or save the segment: saved segments are computed in the background without this limit.',
      );
    }
  }
}
