import type { AutomationRun, AutomationTraceEntry } from '@marea/contracts';

/** Where a run is, or how it ended, in words. */
export function runStatusWords(run: AutomationRun): string {
  switch (run.status) {
    case 'active':
      return run.currentStep
        ? $localize`:@@automations.runs.status.at:In progress, at ${run.currentStep}:step:`
        : $localize`:@@automations.runs.status.active:In progress`;
    case 'completed':
      return $localize`:@@automations.runs.status.completed:Completed`;
    case 'goal-reached':
      return $localize`:@@automations.runs.status.goal:Goal reached`;
    case 'stopped':
      return $localize`:@@automations.runs.status.stopped:Stopped`;
  }
}

/** What the engine did at a step, in a word. */
export function outcomeWords(outcome: AutomationTraceEntry['outcome']): string {
  switch (outcome) {
    case 'acted':
      return $localize`:@@automations.runs.outcome.acted:Done`;
    case 'skipped':
      return $localize`:@@automations.runs.outcome.skipped:Skipped`;
    case 'deferred':
      return $localize`:@@automations.runs.outcome.deferred:Deferred`;
  }
}

/** The decisions of one run: the customer's trace narrowed to the run's occurrence, oldest first. */
export function stepsOfRun(run: AutomationRun, trace: readonly AutomationTraceEntry[]): AutomationTraceEntry[] {
  return trace.filter((entry) => entry.occurrence === run.occurrence).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
