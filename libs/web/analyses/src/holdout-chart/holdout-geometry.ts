import type { ClvHoldoutWeek } from '@marea/contracts';

export interface HoldoutGeometry {
  /** One bar per week: the purchases that happened. */
  readonly bars: readonly { week: number; x: number; y: number; width: number; height: number }[];
  /** The model's expectation, one point per week at the middle of its bar, as an SVG `points` list. */
  readonly predictedPoints: string;
  /** Horizontal guides with their value, from 0 to the top of the scale. */
  readonly ticks: readonly { y: number; value: number }[];
}

/** The top of the scale: the highest weekly figure rounded up to 1, 2 or 5 × a power of ten. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((candidate) => candidate * power >= value) ?? 10;
  return step * power;
}

/**
 * Where to draw the holdout weeks in a `width` × `height` plot area (y grows downwards): actual
 * purchases as bars, the prediction as a line through the bars' middles, both on one scale.
 */
export function holdoutGeometry(weeks: readonly ClvHoldoutWeek[], width: number, height: number): HoldoutGeometry {
  const top = niceCeiling(Math.max(0, ...weeks.map((week) => Math.max(week.actual, week.predicted))));
  const slot = weeks.length ? width / weeks.length : width;
  const y = (value: number) => height - (value / top) * height;
  const bars = weeks.map((week, i) => ({
    week: week.week,
    x: i * slot + slot * 0.15,
    y: y(week.actual),
    width: slot * 0.7,
    height: height - y(week.actual),
  }));
  const predictedPoints = weeks.map((week, i) => `${round(i * slot + slot / 2)},${round(y(week.predicted))}`).join(' ');
  const ticks = [0, 0.5, 1].map((share) => ({ y: y(top * share), value: top * share }));
  return { bars, predictedPoints, ticks };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
