import type { AutomationStatistics } from '@marea/contracts';
import type { StepCounts } from '../flow-canvas/flow-canvas';

/** Each step's counts summed over the days of the statistics, by step id. */
export function stepCounts(statistics: AutomationStatistics): Record<string, StepCounts> {
  const counts: Record<string, StepCounts> = {};
  for (const day of statistics.steps) {
    if (day.stepId === null) continue;
    const step = (counts[day.stepId] ??= {});
    for (const [statistic, value] of Object.entries(day.counts) as [keyof StepCounts, number][]) step[statistic] = (step[statistic] ?? 0) + value;
  }
  return counts;
}
