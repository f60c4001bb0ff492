import { AutomationDefinition, automationProblems, type AutomationProblem } from '@marea/contracts';

/** A zod issue path as the server writes it: `steps.mail.action.operations[0].tag`. */
export function problemPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '');
}

/**
 * Everything wrong with the flow as it stands, with the server's own checks: the contract's
 * schema first (a missing subject, a bad time), then the graph (`automationProblems`: a path to
 * no step, a step never reached, a cycle).
 */
export function definitionProblems(definition: AutomationDefinition): AutomationProblem[] {
  const parsed = AutomationDefinition.safeParse(definition);
  if (!parsed.success) return parsed.error.issues.map((issue) => ({ path: problemPath(issue.path), message: issue.message }));
  return automationProblems(parsed.data);
}

/** The node of the canvas a problem belongs to: a step's id, `trigger` or `conditions`. */
export function problemNode(path: string): string {
  const step = /^steps\.([^.[]+)/.exec(path);
  if (step) return step[1];
  if (path.startsWith('entryConditions') || path.startsWith('reEntry') || path.startsWith('goal')) return 'conditions';
  return 'trigger';
}

/** The problems of each canvas node; a node without problems has no entry. */
export type NodeProblems = Partial<Record<string, string[]>>;

/** The problems grouped by canvas node, each message prefixed by the field it is about within the node. */
export function problemsByNode(problems: readonly AutomationProblem[]): NodeProblems {
  const grouped: Record<string, string[]> = {};
  for (const problem of problems) {
    const node = problemNode(problem.path);
    const field = problem.path.replace(/^(steps\.[^.[]+|trigger)\.?/, '');
    (grouped[node] ??= []).push(field ? `${field}: ${problem.message}` : problem.message);
  }
  return grouped;
}
