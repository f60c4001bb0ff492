import { mayEnter } from '@marea/domain/automations';
import type { AutomationEngineDependencies } from './automation-engine-dependencies';
import type { LiveAutomation } from './automation-store';
import { customerMatches } from './rule-check';

/**
 * A trigger occurrence for one customer becomes a run, or a recorded refusal: entry conditions
 * (the segment compiler's per-customer plan), then the re-entry policy, judged by the store under
 * a per-customer lock so two occurrences cannot both start a run.
 */
export async function enterAutomation(
  deps: Pick<AutomationEngineDependencies, 'store' | 'rules' | 'clock'>,
  automation: LiveAutomation,
  customerId: string,
  occurrence: string,
  context: Record<string, unknown>,
): Promise<void> {
  const now = (deps.clock ?? (() => new Date()))();
  const request = { automation, customerId, occurrence, context };
  const conditions = automation.definition.entryConditions;
  if (conditions && !(await customerMatches(deps.rules, deps.store, conditions, customerId, now))) {
    await deps.store.refuseEntry(request, 'entry-conditions-not-met');
    return;
  }
  await deps.store.enter(request, ({ lastEnteredAt, runActive }) => mayEnter(automation.definition.reEntry, lastEnteredAt, runActive, now));
}
