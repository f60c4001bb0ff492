import type { SegmentCatalogue, SegmentRule } from '@marea/contracts';
import { compileSegmentRule, isTimeRelative, parseSegmentRule, validateSegmentRule, type SegmentSqlPlan } from '@marea/domain/segments';
import type { SegmentCatalogueSource } from './segment-catalogue-source';
import { SegmentError } from './segment-error';
import type { CheckedRule, CompiledRule, RuleProblem, SegmentRules } from './segment-rules';

/**
 * Segment rules checked and compiled against the shop's catalogue (time zone, custom fields,
 * categories, stores, managers, other segments). Compilation, which runs on every real-time
 * batch, reuses a catalogue read at most `catalogueTtlMs` ago.
 */
export class ShopSegmentRules implements SegmentRules {
  private cached: { catalogue: Promise<SegmentCatalogue>; readAt: number } | null = null;

  constructor(
    private readonly source: SegmentCatalogueSource,
    private readonly catalogueTtlMs = 10_000,
  ) {}

  async check(rule: unknown, code?: string): Promise<{ problems: RuleProblem[] } | { rule: CheckedRule }> {
    const [catalogue, stored] = await Promise.all([this.source.catalogue(), this.source.segmentRules()]);
    const problems = validateSegmentRule(rule, catalogue, { segmentCode: code, segmentRuleOf: (other) => storedRule(stored, other) });
    if (problems.length) return { problems };
    const parsed = parseSegmentRule(rule);
    if ('problems' in parsed) return { problems: parsed.problems };
    return { rule: { value: parsed.rule, version: parsed.rule.version, timeRelative: isTimeRelative(parsed.rule) } };
  }

  async compile(rule: unknown, now: Date, plan: SegmentSqlPlan = 'per-customer'): Promise<CompiledRule> {
    const compiled = compileSegmentRule(rule, { now, catalogue: await this.catalogue(), plan });
    if (compiled.ok) return { sql: compiled.sql, params: compiled.params };
    throw new SegmentError(
      'INVALID_SEGMENT',
      `The rule cannot be evaluated: ${compiled.problems.map((problem) => problem.message).join('; ')}.`,
      compiled.problems.map((problem) => ({ field: problem.path ? `rule.${problem.path}` : 'rule', message: problem.message })),
    );
  }

  private catalogue(): Promise<SegmentCatalogue> {
    if (!this.cached || Date.now() - this.cached.readAt > this.catalogueTtlMs) {
      const catalogue = this.source.catalogue();
      catalogue.catch(() => (this.cached = null));
      this.cached = { catalogue, readAt: Date.now() };
    }
    return this.cached.catalogue;
  }
}

function storedRule(stored: ReadonlyMap<string, unknown>, code: string): SegmentRule | undefined {
  if (!stored.has(code)) return undefined;
  const parsed = parseSegmentRule(stored.get(code));
  // A stored rule that no longer parses still names the segment; it just leads nowhere.
  return 'rule' in parsed ? parsed.rule : { version: 1, match: 'all', negate: false, conditions: [] } as unknown as SegmentRule;
}
