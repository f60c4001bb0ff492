/**
 * The advisory-lock space of segment computations. A full computation holds its segment's lock
 * exclusively; the real-time path takes it shared and leaves a segment being fully computed
 * for a moment later, so the two never write one segment's memberships at the same time.
 */
export const SEGMENT_LOCK_SPACE = 74_215;

/** A stored definition's version: it changes whenever the segment is edited. */
export const SEGMENT_VERSION = `(rule_version || ':' || (extract(epoch FROM updated_at) * 1000000)::bigint)`;
