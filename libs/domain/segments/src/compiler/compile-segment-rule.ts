import type { RuleNode, SegmentCatalogue, SegmentRule, SegmentRuleProblem } from '@marea/contracts';
import { rulePath } from '../validation/rule-path';
import { parseSegmentRule } from '../validation/structure-problems';
import { semanticProblems, type SegmentReferenceLookup } from '../validation/validate-segment-rule';
import { compileCondition } from './compile-condition';
import { createSqlContext, indent, type SegmentSqlPlan, type SqlContext } from './sql-context';
import { unavailableReason } from './unavailable-conditions';

/** A statement selecting `customer_id` of every customer the rule holds for. */
export interface CompiledSegmentRule {
  ok: true;
  sql: string;
  params: (string | string[])[];
}
export interface SegmentRuleNotCompiled {
  ok: false;
  problems: SegmentRuleProblem[];
}

export interface CompileOptions extends SegmentReferenceLookup {
  /** The evaluation moment: relative dates count from it and later orders and events are ignored. */
  now: Date;
  catalogue: SegmentCatalogue;
  /** `per-customer` (default: a few customers, real time) or `whole-base` (full recomputes); see SegmentSqlPlan. */
  plan?: SegmentSqlPlan;
}

type Path = (string | number)[];

function unavailable(nodes: readonly RuleNode[], path: Path): SegmentRuleProblem[] {
  return nodes.flatMap((node, i) => {
    const at = [...path, 'conditions', i];
    if (node.kind === 'group') return unavailable(node.conditions, at);
    const reason = unavailableReason(node);
    return reason ? [{ path: rulePath(at), code: 'not_available' as const, message: reason }] : [];
  });
}

/**
 * Groups become AND / OR of their conditions (an empty "all" holds for everyone, an empty
 * "any" for no one). Every condition is wrapped in COALESCE(…, false) so that a missing value
 * makes it false, never unknown: NOT of a negated group then means exactly "the group does not hold".
 */
function compileGroup(match: 'all' | 'any', negate: boolean, nodes: readonly RuleNode[], ctx: SqlContext): string {
  const parts = nodes.map((node) =>
    node.kind === 'group' ? compileGroup(node.match, node.negate, node.conditions, ctx) : `COALESCE(${compileCondition(node, ctx)}, false)`,
  );
  const body = parts.length === 0 ? (match === 'all' ? 'TRUE' : 'FALSE') : parts.join(match === 'all' ? '\nAND ' : '\nOR ');
  return `${negate ? 'NOT ' : ''}(\n${indent(body)}\n)`;
}

/**
 * Compiles a rule (untrusted input: it is validated first) into one parameterised PostgreSQL
 * statement; every value of the rule, the evaluation moment and the account's time zone are `$n`
 * parameters. Conditions whose data does not exist yet answer problems instead of SQL.
 */
export function compileSegmentRule(rule: unknown, options: CompileOptions): CompiledSegmentRule | SegmentRuleNotCompiled {
  const parsed = parseSegmentRule(rule, options.catalogue);
  if ('problems' in parsed) return { ok: false, problems: parsed.problems };
  const problems = semanticProblems(parsed.rule, options.catalogue, options);
  if (problems.length) return { ok: false, problems };
  return compileValidSegmentRule(parsed.rule, options);
}

/** Compiles a rule already validated (e.g. read back from storage after validation on save). */
export function compileValidSegmentRule(rule: SegmentRule, options: CompileOptions): CompiledSegmentRule | SegmentRuleNotCompiled {
  const missing = unavailable(rule.conditions, []);
  if (missing.length) return { ok: false, problems: missing };
  const ctx = createSqlContext(options.now, options.catalogue, options.plan ?? 'per-customer');
  const where = compileGroup(rule.match, rule.negate, rule.conditions, ctx);
  const joins = ctx.joins.map((join) => `\n${join}`).join('');
  return { ok: true, sql: `SELECT c.id AS customer_id\nFROM customers c${joins}\nWHERE ${where}`, params: ctx.params.values };
}
