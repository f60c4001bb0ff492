import { AutomationDefinition, type AutomationDefinitionInput } from './automation-definition';
import { automationProblems } from './automation-problems';

const welcome = (steps: AutomationDefinitionInput['steps'], start = 'mail'): AutomationDefinition =>
  AutomationDefinition.parse({ version: 1, trigger: { kind: 'segment-entered', segmentCode: 'NEW' }, start, steps });

const email = { kind: 'email', template: { subject: 'Hi {{firstName}}', html: '<p>Hi</p>', text: 'Hi' } } as const;

describe('automation problems', () => {
  it('accepts a welcome flow: mail, wait a day, branch, mail or exit', () => {
    const definition = welcome({
      mail: { kind: 'action', action: email, next: 'wait' },
      wait: { kind: 'delay', delay: { kind: 'duration', minutes: 1440 }, next: 'bought' },
      bought: { kind: 'branch', rule: { version: 1, match: 'all', conditions: [] }, then: 'done', else: 'reminder' },
      reminder: { kind: 'action', action: email },
      done: { kind: 'exit' },
    });
    expect(automationProblems(definition)).toEqual([]);
    expect(definition.reEntry).toEqual({ kind: 'once' });
  });

  it('names an unknown step where it is referred to', () => {
    expect(automationProblems(welcome({ mail: { kind: 'action', action: email, next: 'later' } }))).toEqual([
      { path: 'steps.mail.next', message: 'names no step: "later"' },
    ]);
    expect(automationProblems(welcome({ mail: { kind: 'exit' } }, 'nowhere'))).toEqual([{ path: 'start', message: 'names no step: "nowhere"' }]);
  });

  it('finds unreachable steps and cycles', () => {
    const problems = automationProblems(
      welcome({
        mail: { kind: 'action', action: email, next: 'wait' },
        wait: { kind: 'delay', delay: { kind: 'duration', minutes: 5 }, next: 'mail' },
        orphan: { kind: 'exit' },
      }),
    );
    expect(problems).toEqual([
      { path: 'steps.wait.next', message: 'leads back to "mail": a run would never end' },
      { path: 'steps.orphan', message: 'is not reached from the start' },
    ]);
  });
});
