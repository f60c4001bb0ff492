import { aDoneAnalysis } from '../testing/persona-results';
import { attributesOf, pairProblems, propensityKey, propensityPairs } from './enrichment-pairs';

describe('enrichment pairs', () => {
  it('names a propensity field after the value, as a custom field key', () => {
    expect(propensityKey('Huerto ECO')).toBe('propensity_huerto_eco');
    expect(propensityKey('Bebé y niño')).toBe('propensity_bebe_y_nino');
    expect(propensityKey('Jardín & exterior!')).toBe('propensity_jardin_exterior');
  });

  it("turns a cluster's propensity levels into pairs", () => {
    const analysis = aDoneAnalysis();
    expect(propensityPairs(analysis.clusters[2], analysis.values)).toEqual([
      { key: 'propensity_huerto_eco', value: 'medium' },
      { key: 'propensity_plantas', value: 'high' },
      { key: 'propensity_hogar', value: 'zero' },
    ]);
  });

  it('finds what the server would refuse, at its row', () => {
    const problems = pairProblems([
      { key: 'persona', value: 'Huerto + Plantas' },
      { key: 'Persona Type', value: 'x' },
      { key: 'persona', value: 'again' },
      { key: 'segment', value: '   ' },
    ]);
    expect(problems.rows[0]).toEqual({});
    expect(problems.rows[1].key).toBe('must be lower-case letters, digits and underscores, starting with a letter');
    expect(problems.rows[2].key).toBe('is already used above');
    expect(problems.rows[3].value).toBe('must not be empty');
    expect(problems.general).toBeNull();
  });

  it('needs at least one pair', () => {
    expect(pairProblems([]).general).toBe('needs at least one key and value');
  });

  it('sends the first value of a repeated key', () => {
    expect(attributesOf([{ key: ' persona ', value: 'A' }, { key: 'persona', value: 'B' }])).toEqual({ persona: 'A' });
  });
});
