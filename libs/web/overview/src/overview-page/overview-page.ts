import { formatCurrency, formatDate, formatNumber, getCurrencySymbol } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Overview } from '@marea/contracts';
import { EmptyState, ErrorState, LoadingState, PageHeader, StatCard } from '@marea/web/ui';
import { RevenueChart } from '../revenue-chart/revenue-chart';

interface Figure {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
}

/** The first screen: the account's headline figures, live from the database. */
@Component({
  selector: 'marea-overview-page',
  imports: [RouterLink, PageHeader, StatCard, LoadingState, ErrorState, EmptyState, RevenueChart],
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPage {
  private readonly locale = inject(LOCALE_ID);

  // The server validates this answer against the Overview contract before sending it; the
  // browser takes the type only, which keeps zod out of its bundle.
  protected readonly overview = httpResource<Overview>(() => '/api/v1/overview');

  protected readonly isEmpty = computed(() => {
    const overview = this.overview.hasValue() ? this.overview.value() : undefined;
    return !!overview && overview.customers === 0 && overview.products === 0 && overview.allTime.orders === 0;
  });

  protected readonly asOf = computed(() => {
    const overview = this.overview.hasValue() ? this.overview.value() : undefined;
    return overview ? formatDate(overview.asOf, 'medium', this.locale) : '';
  });

  protected readonly figures = computed<Figure[]>(() => {
    if (!this.overview.hasValue()) return [];
    const overview = this.overview.value();
    const money = (amount: number) => this.money(amount, overview.currency);
    const count = (value: number) => formatNumber(value, this.locale, '1.0-0');
    const lastOrder = overview.lastOrderAt ? formatDate(overview.lastOrderAt, 'mediumDate', this.locale) : undefined;
    return [
      {
        id: 'revenue',
        label: $localize`:@@overview.revenue:Revenue, all time`,
        value: money(overview.allTime.revenue),
        detail: $localize`:@@overview.revenue12m:Last 12 months: ${money(overview.last12Months.revenue)}:amount:`,
      },
      {
        id: 'orders',
        label: $localize`:@@overview.orders:Orders, all time`,
        value: count(overview.allTime.orders),
        detail: $localize`:@@overview.orders12m:Last 12 months: ${count(overview.last12Months.orders)}:count:`,
      },
      {
        id: 'customers',
        label: $localize`:@@overview.customers:Customers`,
        value: count(overview.customers),
        detail: lastOrder ? $localize`:@@overview.lastOrder:Last order on ${lastOrder}:date:` : undefined,
      },
      { id: 'products', label: $localize`:@@overview.products:Products`, value: count(overview.products) },
      {
        id: 'events',
        label: $localize`:@@overview.events30d:Events, last 30 days`,
        value: count(overview.eventsLast30Days),
      },
      { id: 'stores', label: $localize`:@@overview.stores:Stores`, value: count(overview.stores) },
    ];
  });

  /** Whole units: the dashboard compares magnitudes, cents would only add noise. */
  private money(amount: number, currency: string): string {
    return formatCurrency(amount, this.locale, getCurrencySymbol(currency, 'narrow', this.locale), currency, '1.0-0');
  }
}
