import type { Automation } from '@marea/contracts';

/** The list shows one-time campaigns, always-on automations, or both. */
export type AutomationKindFilter = 'all' | 'automations' | 'campaigns';

export const AUTOMATION_KINDS: readonly { id: AutomationKindFilter; label: string }[] = [
  { id: 'all', label: $localize`:@@automations.kind.all:All` },
  { id: 'automations', label: $localize`:@@automations.kind.automations:Always-on automations` },
  { id: 'campaigns', label: $localize`:@@automations.kind.campaigns:One-time campaigns` },
];

/** A campaign is an automation whose trigger fires once, at a moment, for an audience. */
export function isCampaign(automation: Automation): boolean {
  return automation.definition.trigger.kind === 'once';
}
