/**
 * Segment rules: the model's validation, its SQL compiler and an independent reference
 * evaluator. docs/segment-rules.md describes every condition and operator.
 *
 * The stable API (the segment engine and the rule builder use it):
 * - `validateSegmentRule(rule, catalogue, lookup?) → SegmentRuleProblem[]` — every problem of
 *   an untrusted rule with its path, in a marketer's words; [] when it can be saved.
 * - `compileSegmentRule(rule, { now, catalogue, ...lookup }) → { ok: true, sql, params } |
 *   { ok: false, problems }` — one parameterised statement selecting `customer_id`;
 *   every value, the evaluation moment and the time zone included, is a `$n` parameter.
 *   `plan: 'whole-base'` computes each figure once for all customers (full recomputes);
 *   the default `per-customer` suits a few customers (real time) — same answers.
 * - `parseSegmentRule(input) → { rule } | { problems }` — the typed rule with defaults filled in.
 * - `evaluateSegmentRule(rule, shop, now)` — the reference evaluator over
 *   in-memory data, for tests that check the compiler.
 */
export { validateSegmentRule, semanticProblems, type SegmentReferenceLookup } from './validation/validate-segment-rule';
export { parseSegmentRule } from './validation/structure-problems';
export { segmentReferences } from './validation/membership-cycles';
/** For the rule builder: what a condition's test is called, its value type and the operators it offers. */
export { testedSubject, conditionLabel, NAME_SET_OPERATORS, type TestedSubject } from './validation/condition-subject';
export {
  compileSegmentRule,
  compileValidSegmentRule,
  type CompileOptions,
  type CompiledSegmentRule,
  type SegmentRuleNotCompiled,
} from './compiler/compile-segment-rule';
export type { SegmentSqlPlan } from './compiler/sql-context';
export { isTimeRelative } from './validation/time-relative';
export { evaluateSegmentRule } from './reference/evaluate-segment-rule';
export type { ReferenceShop, ReferenceCustomer, ReferenceOrder, ReferenceMetrics, ReferencePersonaAnalysis } from './reference/reference-shop';
