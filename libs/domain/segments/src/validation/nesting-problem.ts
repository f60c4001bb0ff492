import type { SegmentRuleProblem } from '@marea/contracts';
import { rulePath } from './rule-path';

/**
 * How deep groups may nest. Rules people write stay far below it; the limit keeps a hostile rule
 * (a thousand nested groups is a 60 KB request) from exhausting the stack of the validator, the
 * compiler and the evaluator, which all recurse.
 */
export const MAX_GROUP_DEPTH = 16;

/** The first place raw input nests groups deeper than MAX_GROUP_DEPTH, found without recursion. */
export function nestingProblem(input: unknown): SegmentRuleProblem | undefined {
  const pending: { node: unknown; path: (string | number)[]; depth: number }[] = [{ node: input, path: [], depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, path, depth } = next;
    const conditions = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)['conditions'] : undefined;
    if (!Array.isArray(conditions)) continue;
    if (depth > MAX_GROUP_DEPTH) {
      return {
        path: rulePath(path),
        code: 'invalid',
        message: `Groups are nested more than ${MAX_GROUP_DEPTH} levels deep here: simplify the rule`,
      };
    }
    conditions.forEach((child, index) => pending.push({ node: child, path: [...path, 'conditions', index], depth: depth + 1 }));
  }
  return undefined;
}
