import type { RuleNode, SegmentRule } from '@marea/contracts';

/** Codes of the segments a rule refers to, with the path of each reference. */
export function segmentReferences(nodes: readonly RuleNode[], path: (string | number)[] = []): { code: string; path: (string | number)[] }[] {
  return nodes.flatMap((node, i) => {
    const at = [...path, 'conditions', i];
    if (node.kind === 'group') return segmentReferences(node.conditions, at);
    return node.kind === 'segment' ? [{ code: node.code, path: at }] : [];
  });
}

/**
 * The chain of codes by which `from` leads back to `target` (or to any segment already on the
 * chain), or undefined when it does not. A cycle would make membership depend on itself.
 * `cleared` remembers segments already followed to the end, so shared sub-chains are walked once.
 */
export function membershipCycle(
  from: string,
  target: string | undefined,
  ruleOf: (code: string) => SegmentRule | undefined,
  chain: string[] = [],
  cleared = new Set<string>(),
): string[] | undefined {
  if (from === target || chain.includes(from)) return [...chain, from];
  if (cleared.has(from)) return undefined;
  const rule = ruleOf(from);
  for (const next of new Set(rule ? segmentReferences(rule.conditions).map((r) => r.code) : [])) {
    const cycle = membershipCycle(next, target, ruleOf, [...chain, from], cleared);
    if (cycle) return cycle;
  }
  cleared.add(from);
  return undefined;
}
