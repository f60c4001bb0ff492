import type { Automation, AutomationStatistics } from '@marea/contracts';
import { last30Days } from '../automations-api/automations-api';

/** "Welcome": enters the NEW segment → email → wait a day → SMS. */
export const welcome: Automation = {
  id: '4',
  name: 'Welcome',
  status: 'active',
  currentVersion: 3,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  definition: {
    version: 1,
    trigger: { kind: 'segment-entered', segmentCode: 'NEW' },
    entryConditions: null,
    reEntry: { kind: 'once' },
    start: 'mail',
    steps: {
      mail: { kind: 'action', action: { kind: 'email', template: { subject: 'Bienvenida, {{customer.firstName}}', html: '<p>Hola</p>', text: 'Hola' } }, next: 'wait' },
      wait: { kind: 'delay', delay: { kind: 'duration', minutes: 1440 }, next: 'sms' },
      sms: { kind: 'action', action: { kind: 'sms', text: 'Hola' }, next: null },
    },
    goal: null,
    channel: { quietHours: null, quietHoursPolicy: 'defer', transactional: false },
  },
};

/** The statistics route's address for the last 30 days, as the screens ask for it. */
export function statisticsUrl(id: string): string {
  const { from, to } = last30Days();
  return `/api/v1/automations/${id}/statistics?from=${from}&to=${to}`;
}

export function statistics(steps: Record<string, number>, days = ['2026-11-22', '2026-11-23']): AutomationStatistics {
  const empty = { entered: 0, sent: 0, delivered: 0, opened: 0, clicked: 0, bounced: 0, unsubscribed: 0, failed: 0, capped: 0 };
  return {
    automation: days.map((day) => ({ day, stepId: null, counts: { ...empty, sent: Object.values(steps).reduce((a, b) => a + b, 0) } })),
    steps: days.flatMap((day) => Object.entries(steps).map(([stepId, sent]) => ({ day, stepId, counts: { ...empty, sent } }))),
  };
}
