import type { AutomationEngineDependencies } from './automation-engine-dependencies';
import type { CustomerChange } from './automation-store';
import { enterAutomation } from './automation-entry';
import type { TriggerSource } from './trigger-sources';

const CURSOR = 'trigger:customer-changes';

/**
 * The run's context: the changed fields' names (`fields`) and their values before and after
 * (`changes`, keyed like the fields: `{{lookup trigger.changes "city"}}`), for templates and
 * branch conditions on the trigger.
 */
export function customerChangeContext(change: CustomerChange): Record<string, unknown> {
  return { fields: Object.keys(change.changes), changes: change.changes, changedAt: change.at.toISOString() };
}

/** Whether a change touches a trigger's fields (any field when the trigger names none). */
export function changeConcerns(fields: readonly string[], change: CustomerChange): boolean {
  return fields.length === 0 || fields.some((field) => field in change.changes);
}

/**
 * `customer-changed`: the profile change feed, read in commit order from a cursor shared by the
 * engine processes; each feed row is an occurrence, so two processes reading one batch enter
 * each customer once. A new installation starts from the newest change.
 */
export class CustomerChangeTriggerSource implements TriggerSource {
  constructor(private readonly deps: AutomationEngineDependencies) {}

  async poll(): Promise<number> {
    const after = await this.deps.store.triggerPosition(CURSOR);
    if (after === null) {
      await this.deps.store.setTriggerPosition(CURSOR, await this.deps.store.latestCustomerChangePosition());
      return 0;
    }
    const changes = await this.deps.store.customerChangesAfter(after, 500);
    if (changes.length === 0) return 0;
    const automations = await this.deps.store.liveAutomations(['customer-changed']);
    for (const change of changes) {
      for (const automation of automations) {
        const trigger = automation.definition.trigger;
        if (trigger.kind !== 'customer-changed' || !changeConcerns(trigger.fields, change)) continue;
        await enterAutomation(this.deps, automation, change.customerId, `changed:${change.position}`, customerChangeContext(change));
      }
    }
    await this.deps.store.setTriggerPosition(CURSOR, changes[changes.length - 1].position);
    return changes.length;
  }
}
