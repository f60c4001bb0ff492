/** Where a cluster stands against the audience's mean of a value. */
export type HeatmapSign = 'above' | 'below' | 'even';

export interface HeatmapTone {
  readonly sign: HeatmapSign;
  /** 0 at the mean, 1 at four times the mean or a quarter of it (and at zero) and beyond. */
  readonly intensity: number;
  readonly background: string;
  readonly foreground: string;
}

/** Lifts are ratios, so distance is measured in doublings: ×2 and ×½ are equally far from the mean. */
const FULL_AT_DOUBLINGS = 2;
const BLUE = [29, 78, 216] as const;
const RED = [200, 30, 30] as const;
const WHITE = [255, 255, 255] as const;

function mix(towards: readonly number[], amount: number): string {
  const [r, g, b] = WHITE.map((channel, i) => Math.round(channel + (towards[i] - channel) * amount));
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * The colour of a heatmap cell from its lift (cluster mean / audience mean): blue above the
 * mean, red below, white at it, deeper the further away. A value the cluster never buys (lift 0)
 * is the deepest red. Dark cells get white text so the figure stays readable.
 */
export function heatmapTone(lift: number): HeatmapTone {
  const sign: HeatmapSign = lift > 1 ? 'above' : lift < 1 ? 'below' : 'even';
  const doublings = lift > 0 ? Math.abs(Math.log2(lift)) : FULL_AT_DOUBLINGS;
  const intensity = Math.min(1, doublings / FULL_AT_DOUBLINGS);
  const background = sign === 'even' ? mix(WHITE, 0) : mix(sign === 'above' ? BLUE : RED, intensity);
  return { sign, intensity, background, foreground: intensity > 0.55 ? '#ffffff' : 'var(--text)' };
}
