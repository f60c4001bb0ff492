import type { Segment } from '@marea/contracts';

export interface SegmentRow {
  id: string;
  code: string;
  name: string;
  description: string;
  kind: Segment['kind'];
  active: boolean;
  rule: unknown;
  rule_version: number;
  time_relative: boolean;
  recompute_every_minutes: number;
  locked_at: Date | null;
  size: number;
  computation_status: Segment['computation']['status'];
  computation_progress: number;
  computation_stage: string | null;
  computation_error: string | null;
  computed_at: Date | null;
  next_computation_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export const SEGMENT_COLUMNS = `id, code, name, description, kind, active, rule, rule_version, time_relative,
  (extract(epoch FROM recompute_every) / 60)::int AS recompute_every_minutes, locked_at, size,
  computation_status, computation_progress, computation_stage, computation_error, computed_at, next_computation_at,
  created_by, created_at, updated_at`;

export function toSegment(row: SegmentRow): Segment {
  // An inactive segment is never computed, whatever its schedule says.
  const nextAt = row.active ? (row.next_computation_at?.toISOString() ?? null) : null;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    kind: row.kind,
    active: row.active,
    rule: row.rule,
    ruleVersion: row.rule_version,
    timeRelative: row.time_relative,
    recomputeEveryMinutes: row.recompute_every_minutes,
    lockedAt: row.locked_at?.toISOString() ?? null,
    size: row.size,
    computation: {
      status: row.computation_status,
      progress: row.computation_progress,
      stage: row.computation_stage,
      error: row.computation_error,
      computedAt: row.computed_at?.toISOString() ?? null,
      nextAt,
    },
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
