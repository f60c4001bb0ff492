import * as z from 'zod';
import { Instant } from '../ingestion/primitives';

/** The symbolic code integrators address a segment by, e.g. `vip-garden`. */
export const SegmentCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'must be 1 to 63 lower-case letters, digits, "-" or "_", starting with a letter or digit');
export type SegmentCode = z.infer<typeof SegmentCode>;

/** Static: computed once, then locked. Dynamic: recomputed on its schedule and in real time. */
export const SegmentKind = z.enum(['static', 'dynamic']);
export type SegmentKind = z.infer<typeof SegmentKind>;

/** Minutes between two full recomputations of a dynamic segment (default 4 hours). */
export const RecomputeEveryMinutes = z
  .number({ message: 'must be a number of minutes' })
  .int('must be a whole number of minutes')
  .min(5, 'must be at least 5 minutes')
  .max(7 * 24 * 60, 'must be at most a week (10080 minutes)');

/**
 * A segment as a marketer writes it. The rule is checked by the segment rule validator, which
 * reports every problem with its path (`rule.conditions[1].value`), so it is typed loosely here.
 */
export const SegmentInput = z.object({
  code: SegmentCode,
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  description: z.string().max(2000, 'must be at most 2000 characters').default(''),
  kind: SegmentKind,
  active: z.boolean().default(true),
  rule: z.unknown().refine((rule) => rule !== undefined, { message: 'is required' }),
  recomputeEveryMinutes: RecomputeEveryMinutes.default(240),
});
export type SegmentInput = z.infer<typeof SegmentInput>;

/** An edit: any of the fields; the code and the kind are fixed once created. */
export const SegmentEdit = SegmentInput.omit({ code: true, kind: true }).partial();
export type SegmentEdit = z.infer<typeof SegmentEdit>;

export const SegmentComputationStatus = z.enum(['pending', 'running', 'completed', 'failed']);
export type SegmentComputationStatus = z.infer<typeof SegmentComputationStatus>;

/** Where the segment's background computation stands. */
export const SegmentComputation = z.object({
  status: SegmentComputationStatus,
  /** 0 to 1. */
  progress: z.number(),
  stage: z.string().nullable(),
  error: z.string().nullable(),
  computedAt: Instant.nullable(),
  nextAt: Instant.nullable(),
});
export type SegmentComputation = z.infer<typeof SegmentComputation>;

export const Segment = z.object({
  id: z.string(),
  code: SegmentCode,
  name: z.string(),
  description: z.string(),
  kind: SegmentKind,
  active: z.boolean(),
  rule: z.unknown(),
  ruleVersion: z.number().int(),
  /** The rule reads the evaluation moment ("in the last 30 days"): it is recomputed at least hourly. */
  timeRelative: z.boolean(),
  recomputeEveryMinutes: z.number().int(),
  /** Set when a static segment has been computed: its members no longer change. */
  lockedAt: Instant.nullable(),
  size: z.number().int(),
  computation: SegmentComputation,
  createdBy: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Segment = z.infer<typeof Segment>;

export const SegmentList = z.object({ items: z.array(Segment) });
export type SegmentList = z.infer<typeof SegmentList>;
