import { LatencyHistogram } from './latency-histogram';

/**
 * Runs `clients` loops for `seconds`, each calling `work` again as soon as it answers (a closed
 * loop, like users waiting for a page), and records every call's latency.
 */
export async function driveClosedLoop(
  clients: number,
  seconds: number,
  work: (sequence: number) => Promise<unknown>,
): Promise<LatencyHistogram> {
  const histogram = new LatencyHistogram();
  const until = Date.now() + seconds * 1000;
  let sequence = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const started = performance.now();
        await work(sequence++);
        histogram.record(performance.now() - started);
      }
    }),
  );
  return histogram;
}

/** One line of a latency report: count, rate and p50 / p95 / p99. */
export function latencyLine(label: string, histogram: LatencyHistogram, seconds: number, width = 40): string {
  const ms = (p: number) => histogram.percentile(p).toFixed(1).padStart(6);
  return `${label.padEnd(width)} ${String(histogram.count).padStart(7)} requests  ${(histogram.count / seconds).toFixed(0).padStart(5)}/s` +
    `  p50 ${ms(50)} ms  p95 ${ms(95)} ms  p99 ${ms(99)} ms`;
}
