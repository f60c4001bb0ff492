import type { AutomationDefinition, AutomationStep } from '@marea/contracts';
import { noConditions } from './draft-rules';
import { stepExits } from '@marea/contracts';
import { pathFields } from './flow-tree';

/** What can be added to a flow: the kinds of action, and the other kinds of step. */
export type NewStepKind = 'email' | 'sms' | 'task' | 'update-attributes' | 'notify' | 'delay' | 'wait-for-event' | 'branch' | 'exit';

/** Where a new step goes: at the start (`after: null`, right after the trigger), or on one path of a step. */
export type InsertionPoint = { after: null } | { after: string; field: string };


/** A new step of a kind, filled so the marketer sees what to write, continuing to `next`. */
export function newStep(kind: NewStepKind, next: string | null): AutomationStep {
  switch (kind) {
    case 'email':
      return {
        kind: 'action',
        next,
        action: { kind: 'email', template: { subject: 'Hello {{customer.firstName}}', html: '<p>Hello {{customer.firstName}},</p>', text: 'Hello {{customer.firstName}},' } },
      };
    case 'sms':
      return { kind: 'action', next, action: { kind: 'sms', text: 'Hello {{customer.firstName}}' } };
    case 'task':
      return { kind: 'action', next, action: { kind: 'task', title: 'Call {{customer.firstName}}', description: '', dueInDays: 1, priority: 'normal' } };
    case 'update-attributes':
      return { kind: 'action', next, action: { kind: 'update-attributes', operations: [{ op: 'add-tag', tag: '' }] } };
    case 'notify':
      return { kind: 'action', next, action: { kind: 'notify', userId: null, message: '' } };
    case 'delay':
      return { kind: 'delay', next, delay: { kind: 'duration', minutes: 1440 } };
    case 'wait-for-event':
      return { kind: 'wait-for-event', eventName: 'order', key: null, timeoutMinutes: 1440, next, onTimeout: null };
    case 'branch':
      return { kind: 'branch', rule: noConditions(), then: next, else: null };
    case 'exit':
      return { kind: 'exit' };
  }
}

/** An id not yet used in the flow, from the kind: `email`, `email-2` … */
export function freshStepId(definition: AutomationDefinition, kind: string): string {
  if (!(kind in definition.steps)) return kind;
  let n = 2;
  while (`${kind}-${n}` in definition.steps) n += 1;
  return `${kind}-${n}`;
}

/** The step a point currently leads to. */
export function targetAt(definition: AutomationDefinition, point: InsertionPoint): string | null {
  if (point.after === null) return definition.start || null;
  const { field } = point;
  return stepExits(definition.steps[point.after]).find((exit) => exit.field === field)?.target ?? null;
}

/** The flow with a new step at `point`, the rest of that path continuing after it; and the new step's id. */
export function insertStep(definition: AutomationDefinition, point: InsertionPoint, kind: NewStepKind): { definition: AutomationDefinition; id: string } {
  const id = freshStepId(definition, kind);
  const step = newStep(kind, targetAt(definition, point));
  const steps = { ...definition.steps, [id]: step };
  if (point.after === null) return { definition: { ...definition, steps, start: id }, id };
  steps[point.after] = { ...definition.steps[point.after], [point.field]: id } as AutomationStep;
  return { definition: { ...definition, steps }, id };
}

/**
 * The flow without a step: whatever led to it now leads to where it went on (a branch goes on
 * along its "yes" path, a wait along "event happened"); steps only it reached go with it.
 */
export function removeStep(definition: AutomationDefinition, id: string): AutomationDefinition {
  const removed = definition.steps[id];
  const continuation = stepExits(removed)[0]?.target ?? null;
  const reachedBefore = reachable(definition);
  const steps: Record<string, AutomationStep> = {};
  for (const [otherId, step] of Object.entries(definition.steps)) {
    if (otherId === id) continue;
    const rewired: Record<string, unknown> = { ...step };
    for (const field of pathFields(step)) if (rewired[field] === id) rewired[field] = continuation;
    steps[otherId] = rewired as AutomationStep;
  }
  const start = definition.start === id ? (continuation ?? '') : definition.start;
  const after: AutomationDefinition = { ...definition, start, steps };
  const reachedAfter = reachable(after);
  for (const stepId of Object.keys(steps)) if (reachedBefore.has(stepId) && !reachedAfter.has(stepId)) delete steps[stepId];
  return after;
}

function reachable(definition: AutomationDefinition): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id) || !(id in definition.steps)) return;
    seen.add(id);
    for (const exit of stepExits(definition.steps[id])) visit(exit.target);
  };
  visit(definition.start);
  return seen;
}
