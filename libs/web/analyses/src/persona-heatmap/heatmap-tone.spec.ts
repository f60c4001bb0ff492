import { heatmapTone } from './heatmap-tone';

describe('the colour of a heatmap cell', () => {
  it('is as deep for twice the mean as for half of it, since lifts are ratios', () => {
    expect(heatmapTone(2).intensity).toBeCloseTo(heatmapTone(0.5).intensity, 10);
    expect(heatmapTone(2).sign).toBe('above');
    expect(heatmapTone(0.5).sign).toBe('below');
  });

  it('is full at four times the mean, a quarter of it, and for a value never bought', () => {
    expect(heatmapTone(4).intensity).toBe(1);
    expect(heatmapTone(9).intensity).toBe(1);
    expect(heatmapTone(0.25).intensity).toBe(1);
    expect(heatmapTone(0)).toMatchObject({ sign: 'below', intensity: 1, background: 'rgb(200, 30, 30)' });
  });

  it('is white at the mean, with dark text; white text on deep colours', () => {
    expect(heatmapTone(1)).toMatchObject({ sign: 'even', intensity: 0, background: 'rgb(255, 255, 255)', foreground: 'var(--text)' });
    expect(heatmapTone(4).foreground).toBe('#ffffff');
  });
});
