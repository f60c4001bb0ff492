import { automationProblems, type AutomationDefinition, type AutomationProblem, type SegmentRule } from '@marea/contracts';
import type { MessageRenderer } from '@marea/engine/messaging';
import type { SegmentRules } from '@marea/engine/segments';

/**
 * Every problem of an automation that passed its schema: the graph's (unknown or unreachable
 * steps, cycles), each template's syntax (with its line and column) and each segment rule's
 * (against the shop's catalogue), each at its path in the definition.
 */
export async function checkAutomation(definition: AutomationDefinition, deps: { renderer: MessageRenderer; rules: SegmentRules }): Promise<AutomationProblem[]> {
  const problems = [...automationProblems(definition)];
  const rules: { path: string; rule: SegmentRule }[] = [];
  if (definition.entryConditions) rules.push({ path: 'entryConditions', rule: definition.entryConditions });
  if (definition.goal?.kind === 'segment') rules.push({ path: 'goal.rule', rule: definition.goal.rule });
  if (definition.trigger.kind === 'once' || definition.trigger.kind === 'schedule') rules.push({ path: 'trigger.audience', rule: definition.trigger.audience });
  for (const [id, step] of Object.entries(definition.steps)) {
    if (step.kind === 'branch') rules.push({ path: `steps.${id}.rule`, rule: step.rule });
    if (step.kind !== 'action') continue;
    const action = step.action;
    const templates =
      action.kind === 'email'
        ? [{ path: `steps.${id}.action.template`, template: action.template }]
        : action.kind === 'sms'
          ? [{ path: `steps.${id}.action`, template: { text: action.text } }]
          : action.kind === 'task'
            ? [{ path: `steps.${id}.action`, template: { subject: action.title, text: action.description } }]
            : action.kind === 'notify'
              ? [{ path: `steps.${id}.action`, template: { text: action.message } }]
              : [];
    for (const { path, template } of templates) {
      for (const problem of deps.renderer.check(template)) {
        const field = action.kind === 'task' ? (problem.field === 'subject' ? 'title' : 'description') : action.kind === 'notify' && problem.field === 'text' ? 'message' : problem.field;
        problems.push({ path: `${path}.${field}`, message: `line ${problem.line}, column ${problem.column}: ${problem.message}` });
      }
    }
  }
  for (const { path, rule } of rules) {
    const checked = await deps.rules.check(rule);
    if ('problems' in checked) for (const problem of checked.problems) problems.push({ path: problem.path ? `${path}.${problem.path}` : path, message: problem.message });
  }
  return problems;
}
