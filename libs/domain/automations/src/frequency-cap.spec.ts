import { frequencyCapAllows } from './frequency-cap';

describe('frequency cap: at most 3 marketing emails per 7 days', () => {
  const cap = { max: 3, days: 7 };

  it('lets marketing through until the cap is reached', () => {
    expect(frequencyCapAllows(cap, 0, false)).toBe(true);
    expect(frequencyCapAllows(cap, 2, false)).toBe(true);
    expect(frequencyCapAllows(cap, 3, false)).toBe(false);
    expect(frequencyCapAllows(cap, 7, false)).toBe(false);
  });

  it('always lets a transactional message through, even over the cap', () => {
    expect(frequencyCapAllows(cap, 3, true)).toBe(true);
    expect(frequencyCapAllows({ max: 0, days: 7 }, 0, true)).toBe(true);
  });

  it('lets everything through when the channel has no cap', () => {
    expect(frequencyCapAllows(null, 1000, false)).toBe(true);
  });

  it('sends no marketing at all with a cap of zero', () => {
    expect(frequencyCapAllows({ max: 0, days: 7 }, 0, false)).toBe(false);
  });
});
