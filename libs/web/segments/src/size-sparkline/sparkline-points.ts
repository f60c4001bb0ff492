/**
 * The points of a sparkline (SVG `points`) for a series of sizes, oldest first: spread across
 * the width, scaled between the smallest and largest size, with a margin so the stroke is not
 * clipped. One size is drawn as a flat line; a constant series sits in the middle.
 */
export function sparklinePoints(sizes: readonly number[], width: number, height: number, margin = 2): string {
  if (sizes.length === 0) return '';
  const series = sizes.length === 1 ? [sizes[0], sizes[0]] : sizes;
  const min = Math.min(...series);
  const max = Math.max(...series);
  const step = (width - 2 * margin) / (series.length - 1);
  const y = (size: number) => (max === min ? height / 2 : margin + (height - 2 * margin) * (1 - (size - min) / (max - min)));
  return series.map((size, i) => `${round(margin + i * step)},${round(y(size))}`).join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;
