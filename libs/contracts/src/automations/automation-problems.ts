import type { AutomationDefinition } from './automation-definition';
import type { AutomationStep } from './automation-step';

/** One thing wrong with an automation, at its path in the definition (`steps.welcome.next`). */
export interface AutomationProblem {
  readonly path: string;
  readonly message: string;
}

/** The steps a step leads to, with the field that names each. */
export function stepExits(step: AutomationStep): { field: string; target: string }[] {
  const exits: { field: string; target: string | null }[] =
    step.kind === 'branch'
      ? [
          { field: 'then', target: step.then },
          { field: 'else', target: step.else },
        ]
      : step.kind === 'wait-for-event'
        ? [
            { field: 'next', target: step.next },
            { field: 'onTimeout', target: step.onTimeout },
          ]
        : step.kind === 'exit'
          ? []
          : [{ field: 'next', target: step.next }];
  return exits.filter((exit): exit is { field: string; target: string } => exit.target !== null);
}

/**
 * The graph's problems, pure: a start or exit naming no step, a step no path reaches, a cycle
 * (a run must end). Schema problems are zod's; template syntax is the engine's (it owns the renderer).
 */
export function automationProblems(definition: AutomationDefinition): AutomationProblem[] {
  const problems: AutomationProblem[] = [];
  const steps = definition.steps;
  if (!(definition.start in steps)) problems.push({ path: 'start', message: `names no step: "${definition.start}"` });
  for (const [id, step] of Object.entries(steps)) {
    for (const exit of stepExits(step)) {
      if (!(exit.target in steps)) problems.push({ path: `steps.${id}.${exit.field}`, message: `names no step: "${exit.target}"` });
    }
  }
  if (problems.length > 0) return problems;

  // Depth-first from the start: grey nodes are on the current path, so reaching one is a cycle.
  const state = new Map<string, 'grey' | 'black'>();
  const visit = (id: string): void => {
    state.set(id, 'grey');
    for (const exit of stepExits(steps[id])) {
      const seen = state.get(exit.target);
      if (seen === 'grey') problems.push({ path: `steps.${id}.${exit.field}`, message: `leads back to "${exit.target}": a run would never end` });
      else if (!seen) visit(exit.target);
    }
    state.set(id, 'black');
  };
  visit(definition.start);
  for (const id of Object.keys(steps)) {
    if (!state.has(id)) problems.push({ path: `steps.${id}`, message: 'is not reached from the start' });
  }
  return problems;
}
