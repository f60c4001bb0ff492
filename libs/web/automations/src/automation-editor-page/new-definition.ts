import type { AutomationDefinition } from '@marea/contracts';
import { newStep } from '../flow/flow-edits';
import { freshTrigger } from '../trigger-panel/fresh-trigger';

/**
 * Where a new automation starts: "enters a segment → send an email"; a new campaign: "once, to an
 * audience → send an email". The marketer fills in the blanks the canvas points at.
 */
export function newDefinition(campaign: boolean, now = new Date()): AutomationDefinition {
  const entered = { kind: 'segment-entered', segmentCode: '' } as const;
  return {
    version: 1,
    trigger: campaign ? freshTrigger('once', entered, now) : entered,
    entryConditions: null,
    reEntry: { kind: 'once' },
    start: 'email',
    steps: { email: newStep('email', null) },
    goal: null,
    channel: { quietHours: null, quietHoursPolicy: 'defer', transactional: false },
  };
}
