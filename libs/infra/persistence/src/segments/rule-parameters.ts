import type { CompiledRule } from '@marea/engine/segments';

/**
 * The compiled rule's SQL with its `$n` placeholders moved up by `offset`, so it can sit in a
 * statement that has parameters of its own before it (values stay parameters, never text).
 */
export function shiftParameters(rule: CompiledRule, offset: number): string {
  if (offset === 0) return rule.sql;
  return rule.sql.replace(/\$(\d+)/g, (_, index: string) => `$${Number(index) + offset}`);
}
