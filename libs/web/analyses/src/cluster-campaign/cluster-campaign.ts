import type { AutomationDraft, PersonaAnalysisSummary, PersonaCluster } from '@marea/contracts';

/** Tomorrow at 09:00 UTC: a campaign is created inactive, so the moment is only a starting point. */
function tomorrowMorning(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 9)).toISOString();
}

/**
 * A campaign to the customers of one cluster, as Pleasepoint's "Create campaign" makes it: named
 * after the cluster, a one-time send whose audience is the cluster (by the analysis's code and
 * the cluster's name, what segment rules test), and a first email to write. It is created
 * inactive; the marketer finishes it in the automation editor.
 */
export function clusterCampaign(analysis: PersonaAnalysisSummary, cluster: PersonaCluster, now = new Date()): AutomationDraft {
  return {
    name: cluster.name,
    definition: {
      version: 1,
      trigger: {
        kind: 'once',
        at: tomorrowMorning(now),
        audience: {
          version: 1,
          match: 'all',
          negate: false,
          conditions: [{ kind: 'persona_cluster', analysisId: analysis.code, test: { op: 'equals', value: cluster.name } }],
        },
      },
      entryConditions: null,
      reEntry: { kind: 'once' },
      start: 'email',
      steps: {
        email: {
          kind: 'action',
          action: {
            kind: 'email',
            template: {
              subject: $localize`:@@analyses.campaign.subject:Chosen for you, {{customer.firstName}}`,
              html: $localize`:@@analyses.campaign.html:<p>Hello {{customer.firstName}},</p><p>Write here what the customers of this cluster like.</p>`,
              text: $localize`:@@analyses.campaign.text:Hello {{customer.firstName}},\n\nWrite here what the customers of this cluster like.`,
            },
          },
          next: null,
        },
      },
      goal: null,
      channel: { quietHours: null, quietHoursPolicy: 'defer', transactional: false },
    },
  };
}
