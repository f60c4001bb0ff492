import { AutomationDraft } from '@marea/contracts';
import { validateSegmentRule } from '@marea/domain/segments';
import { aDoneAnalysis } from '../testing/persona-results';
import { clusterCampaign } from './cluster-campaign';

describe('a campaign for a cluster', () => {
  const analysis = aDoneAnalysis();
  const gardeners = analysis.clusters[0];
  const draft = clusterCampaign(analysis, gardeners, new Date('2026-11-24T08:30:00Z'));

  it('is named after the cluster and sent once to the customers of that cluster', () => {
    expect(draft.name).toBe('Huerto + Plantas');
    expect(draft.definition.trigger).toEqual({
      kind: 'once',
      at: '2026-11-25T09:00:00.000Z',
      audience: {
        version: 1,
        match: 'all',
        negate: false,
        conditions: [{ kind: 'persona_cluster', analysisId: 'departments-2026', test: { op: 'equals', value: 'Huerto + Plantas' } }],
      },
    });
  });

  it('is an automation the API accepts: one email to write, nothing else', () => {
    expect(AutomationDraft.safeParse(draft).error?.issues ?? []).toEqual([]);
    expect(Object.values(draft.definition.steps)).toEqual([expect.objectContaining({ kind: 'action', action: expect.objectContaining({ kind: 'email' }), next: null })]);
  });

  it('names the cluster the way segment rules test it', () => {
    if (draft.definition.trigger.kind !== 'once') throw new Error('not a one-time trigger');
    const catalogue = { timeZone: 'UTC', customFields: [] };
    expect(validateSegmentRule(draft.definition.trigger.audience, catalogue).filter((problem) => problem.code !== 'not_available')).toEqual([]);
  });
});
