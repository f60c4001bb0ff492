import type { AutomationDefinition, AutomationStep } from '@marea/contracts';
import { stepExits } from '@marea/contracts';

/** One way out of a node, drawn below it: the step it leads to, or a jump to a step drawn elsewhere. */
export interface FlowPath {
  /** The field of the step that names the target: `next`, `then`, `else`, `onTimeout`. */
  readonly field: string;
  readonly node: FlowNode | null;
  /** The step this path goes on to when that step is already drawn (paths that meet again), or names no step. */
  readonly joinsAt: string | null;
}

/** A step as the canvas draws it, with its paths: one below it, or two side by side for a branch or a wait. */
export interface FlowNode {
  readonly id: string;
  readonly step: AutomationStep;
  readonly paths: readonly FlowPath[];
}

/** The fields a step's paths take, in the order they are drawn (left to right). */
export function pathFields(step: AutomationStep): string[] {
  if (step.kind === 'branch') return ['then', 'else'];
  if (step.kind === 'wait-for-event') return ['next', 'onTimeout'];
  if (step.kind === 'exit') return [];
  return ['next'];
}

/**
 * The step graph as a tree from `start`, each step drawn once: where two paths meet, the later
 * one ends in a jump to the step already drawn. Steps no path reaches are returned apart, so the
 * canvas can still show them (with their problem) rather than hide them.
 */
export function flowTree(definition: AutomationDefinition): { root: FlowNode | null; unreachable: FlowNode[] } {
  const drawn = new Set<string>();
  const draw = (id: string): FlowNode => {
    drawn.add(id);
    const step = definition.steps[id];
    const targets = new Map(stepExits(step).map((exit) => [exit.field, exit.target]));
    const paths = pathFields(step).map((field): FlowPath => {
      const target = targets.get(field) ?? null;
      if (target === null) return { field, node: null, joinsAt: null };
      if (drawn.has(target) || !(target in definition.steps)) return { field, node: null, joinsAt: target };
      return { field, node: draw(target), joinsAt: null };
    });
    return { id, step, paths };
  };
  const root = definition.start in definition.steps ? draw(definition.start) : null;
  const unreachable = Object.keys(definition.steps)
    .filter((id) => !drawn.has(id))
    .map((id) => draw(id));
  return { root, unreachable };
}
