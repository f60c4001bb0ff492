import type { SegmentRuleInput } from '@marea/contracts';

/**
 * A rule as it stands in the builder while the marketer edits it: the shape of the model, but any
 * field may still be missing or wrong (an empty number, a half-typed date). It is validated as a
 * whole by the domain's validator, the same code the server runs, never trusted piecewise.
 */
export type DraftNode = { kind: string } & Record<string, unknown>;
export type DraftTest = { op: string } & Record<string, unknown>;

export interface DraftGroup {
  match: 'all' | 'any';
  negate?: boolean;
  conditions: DraftNode[];
}

export type DraftRule = DraftGroup & { version: 1 };

/** An empty rule: "all of nothing", which holds for everyone until conditions are added. */
export function emptyRule(): DraftRule {
  return { version: 1, match: 'all', negate: false, conditions: [] };
}

/** The draft as the API's input type; the server validates it again. */
export function asRuleInput(rule: DraftRule): SegmentRuleInput {
  return rule as unknown as SegmentRuleInput;
}

/** The path of a node's field as the validator writes it: `conditions[1].test.value`. */
export function pathOf(parent: string, ...parts: (string | number)[]): string {
  return parts.reduce<string>((path, part) => {
    if (typeof part === 'number') return `${path}[${part}]`;
    return path ? `${path}.${part}` : part;
  }, parent);
}

/** A list with the item at `from` moved to `to` (both in range), the rest in order. */
export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

export function replaced<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, i) => (i === index ? item : existing));
}

export function removed<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}
