import { AutomationDefinition, type AutomationDefinitionInput } from '@marea/contracts';
import { definitionProblems, problemsByNode } from './definition-problems';
import { insertStep, removeStep } from './flow-edits';
import { flowTree } from './flow-tree';

const welcome = (steps: AutomationDefinitionInput['steps'], start = 'mail'): AutomationDefinition =>
  AutomationDefinition.parse({ version: 1, trigger: { kind: 'segment-entered', segmentCode: 'NEW' }, start, steps });
const email = { kind: 'email', template: { subject: 'Hola', html: '<p>Hola</p>', text: 'Hola' } } as const;

describe('editing a flow on the canvas', () => {
  it('puts a delay between the welcome mail and the reminder, the path going on after it', () => {
    const flow = welcome({ mail: { kind: 'action', action: email, next: 'reminder' }, reminder: { kind: 'action', action: email } });
    const { definition, id } = insertStep(flow, { after: 'mail', field: 'next' }, 'delay');
    expect(id).toBe('delay');
    expect(definition.steps['mail']).toMatchObject({ next: 'delay' });
    expect(definition.steps['delay']).toMatchObject({ kind: 'delay', next: 'reminder' });
    expect(definitionProblems(definition)).toEqual([]);
  });

  it('adds a first step right after the trigger, and names a second email apart from the first', () => {
    const flow = welcome({ email: { kind: 'action', action: email } }, 'email');
    const { definition, id } = insertStep(flow, { after: null }, 'email');
    expect(id).toBe('email-2');
    expect(definition.start).toBe('email-2');
    expect(definition.steps['email-2']).toMatchObject({ next: 'email' });
  });

  it('draws a branch with its two paths side by side, and a path that meets another as a jump', () => {
    const flow = welcome({
      mail: { kind: 'action', action: email, next: 'bought' },
      bought: { kind: 'branch', rule: { version: 1, match: 'all', conditions: [] }, then: 'done', else: 'reminder' },
      reminder: { kind: 'action', action: email, next: 'done' },
      done: { kind: 'exit' },
    });
    const { root, unreachable } = flowTree(flow);
    const branch = root?.paths[0].node;
    expect(branch?.id).toBe('bought');
    expect(branch?.paths.map((path) => [path.field, path.node?.id ?? null, path.joinsAt])).toEqual([
      ['then', 'done', null],
      ['else', 'reminder', null],
    ]);
    expect(branch?.paths[1].node?.paths[0]).toMatchObject({ node: null, joinsAt: 'done' });
    expect(unreachable).toEqual([]);
  });

  it('removing a branch keeps its "yes" path and drops the steps only its "no" path reached', () => {
    const flow = welcome({
      mail: { kind: 'action', action: email, next: 'bought' },
      bought: { kind: 'branch', rule: { version: 1, match: 'all', conditions: [] }, then: 'thanks', else: 'reminder' },
      thanks: { kind: 'action', action: email },
      reminder: { kind: 'action', action: email },
    });
    const after = removeStep(flow, 'bought');
    expect(after.steps['mail']).toMatchObject({ next: 'thanks' });
    expect(Object.keys(after.steps).sort()).toEqual(['mail', 'thanks']);
    expect(definitionProblems(after)).toEqual([]);
  });

  it('shows each problem on its node: an empty subject on the email, an unknown segment on the trigger', () => {
    const flow = welcome({ mail: { kind: 'action', action: email } });
    const edited = { ...flow, trigger: { kind: 'segment-entered', segmentCode: '' }, steps: { mail: { kind: 'action', next: null, action: { ...email, template: { ...email.template, subject: '' } } } } } as const;
    const problems = problemsByNode(definitionProblems(edited));
    expect(problems).toEqual({ trigger: ['segmentCode: needs a segment code'], mail: ['action.template.subject: needs a subject'] });
  });

  it('marks a step no path reaches, as the server does', () => {
    const flow = welcome({ mail: { kind: 'action', action: email }, orphan: { kind: 'exit' } });
    expect(problemsByNode(definitionProblems(flow))).toEqual({ orphan: ['is not reached from the start'] });
    expect(flowTree(flow).unreachable.map((node) => node.id)).toEqual(['orphan']);
  });
});
