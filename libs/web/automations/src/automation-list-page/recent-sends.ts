import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { AutomationStatistics } from '@marea/contracts';
import { AutomationsApi, last30Days } from '../automations-api/automations-api';

/** The messages an automation sent in the last 30 days, from its statistics; a dash when they cannot be read. */
@Component({
  selector: 'marea-recent-sends',
  template: `{{ sends() }}`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecentSends {
  private readonly api = inject(AutomationsApi);
  readonly automationId = input.required<string>();
  private readonly statistics = httpResource<AutomationStatistics>(() => {
    const { from, to } = last30Days();
    return this.api.statisticsUrl(this.automationId(), from, to);
  });
  private readonly count = new Intl.NumberFormat();
  protected readonly sends = computed(() => {
    if (!this.statistics.hasValue()) return this.statistics.isLoading() ? '…' : '—';
    return this.count.format(this.statistics.value().automation.reduce((total, day) => total + (day.counts.sent ?? 0), 0));
  });
}
