import { decisionReasons, describeReason } from './decision-reason';

describe('the "why" vocabulary', () => {
  it('describes every reason as a plain-English sentence, each different', () => {
    const sentences = decisionReasons.map(describeReason);
    for (const sentence of sentences) expect(sentence).toMatch(/^[A-Z].{10,}\.$/);
    expect(new Set(sentences).size).toBe(decisionReasons.length);
    expect(decisionReasons).toHaveLength(16);
  });

  it('tells a marketer why a customer got nothing', () => {
    expect(describeReason('capped')).toContain('frequency cap');
    expect(describeReason('quiet-hours-deferred')).toContain('quiet hours');
    expect(describeReason('no-consent')).toContain('consented');
    expect(describeReason('re-entry-too-soon')).toContain('too recently');
  });
});
