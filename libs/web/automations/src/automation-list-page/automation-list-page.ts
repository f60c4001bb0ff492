import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Automation } from '@marea/contracts';
import { EmptyState, ErrorState, LoadingState, PageHeader, apiErrorMessage } from '@marea/web/ui';
import { AutomationsApi } from '../automations-api/automations-api';
import { triggerWords } from '../flow/flow-words';
import { AUTOMATION_KINDS, isCampaign, type AutomationKindFilter } from './automation-kind';
import { RecentSends } from './recent-sends';

/** Every automation and campaign (filtered to either): what starts it, whether it runs, its version, its recent sends. */
@Component({
  selector: 'marea-automation-list-page',
  imports: [RouterLink, PageHeader, LoadingState, ErrorState, EmptyState, RecentSends],
  templateUrl: './automation-list-page.html',
  styleUrl: './automation-list-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AutomationListPage {
  private readonly api = inject(AutomationsApi);
  protected readonly automations = httpResource<{ items: Automation[] }>(() => this.api.listUrl);
  protected readonly items = computed(() => (this.automations.hasValue() ? this.automations.value().items : []));
  /** One-time campaigns, always-on automations, or both. */
  protected readonly kind = signal<AutomationKindFilter>('all');
  protected readonly kinds = AUTOMATION_KINDS;
  protected readonly shown = computed(() => {
    const kind = this.kind();
    return kind === 'all' ? this.items() : this.items().filter((automation) => isCampaign(automation) === (kind === 'campaigns'));
  });
  /** The automation being switched on or off, and a refusal to show. */
  protected readonly switching = signal<string | null>(null);
  protected readonly switchError = signal<string | null>(null);
  protected readonly triggerWords = triggerWords;

  protected setActive(automation: Automation, active: boolean): void {
    this.switching.set(automation.id);
    this.switchError.set(null);
    this.api.setActive(automation.id, active).subscribe({
      next: (changed) => {
        this.switching.set(null);
        this.automations.update((body) => body && { items: body.items.map((item) => (item.id === changed.id ? changed : item)) });
      },
      error: (error: unknown) => {
        this.switching.set(null);
        this.switchError.set(apiErrorMessage(error));
      },
    });
  }
}
