import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { CustomerClv, CustomerMetrics } from '@marea/contracts';
import { EmptyState, StatCard } from '@marea/web/ui';
import { CustomersApi } from '../customers-api/customers-api';
import { ProfileFormat } from '../profile-format/profile-format';

interface Figure {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
}

/**
 * The purchase dashboard of the profile, read from GET …/metrics. While that answers nothing
 * usable (not computed yet, or the route missing), the panel says so instead of failing the page.
 */
@Component({
  selector: 'marea-customer-metrics-panel',
  imports: [StatCard, EmptyState],
  template: `
    @if (figures(); as figures) {
      <section class="figures" aria-labelledby="metrics-heading">
        <h2 id="metrics-heading" class="visually-hidden" i18n="@@customer.metrics.heading">Purchase figures</h2>
        @for (figure of figures; track figure.id) {
          <marea-stat-card [attr.data-figure]="figure.id" [label]="figure.label" [value]="figure.value" [detail]="figure.detail" />
        }
      </section>
    } @else if (unavailable()) {
      <marea-empty-state title="Purchase figures are not available yet" i18n-title="@@customer.metrics.empty">
        <p i18n="@@customer.metrics.emptyText">They appear here once the customer's metrics have been computed.</p>
      </marea-empty-state>
    }
  `,
  styles: `
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
      gap: var(--space-3);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerMetricsPanel {
  readonly customerId = input.required<string>();
  private readonly api = inject(CustomersApi);
  private readonly format = inject(ProfileFormat);

  protected readonly metrics = httpResource<CustomerMetrics>(() => this.api.metricsUrl(this.customerId()));
  protected readonly unavailable = computed(() => this.metrics.error() instanceof HttpErrorResponse);

  protected readonly figures = computed<Figure[] | null>(() => {
    if (!this.metrics.hasValue()) return null;
    const m = this.metrics.value();
    const money = (amount: number | null) => this.format.money(amount, m.currency);
    const count = (value: number) => this.format.number(value, '1.0-0');
    const affinity = (a: CustomerMetrics['affinity']['primary']) => (a ? `${a.value} (${this.format.number(a.share * 100, '1.0-0')} %)` : '—');
    const figures: Figure[] = [
      { id: 'average-ticket', label: $localize`:@@customer.metrics.averageTicket:Average ticket`, value: money(m.averageTicket) },
      {
        id: 'revenue',
        label: $localize`:@@customer.metrics.revenue:Revenue`,
        value: money(m.revenue.allTime),
        detail: $localize`:@@customer.metrics.last12m:Last 12 months: ${money(m.revenue.last12Months)}:amount:`,
      },
      {
        id: 'margin',
        label: $localize`:@@customer.metrics.margin:Margin`,
        value: money(m.margin.allTime),
        detail: $localize`:@@customer.metrics.last12m:Last 12 months: ${money(m.margin.last12Months)}:amount:`,
      },
      { id: 'average-unit-price', label: $localize`:@@customer.metrics.averageUnitPrice:Average price per product`, value: money(m.averageUnitPrice) },
      {
        id: 'tickets',
        label: $localize`:@@customer.metrics.tickets:Tickets`,
        value: count(m.tickets.allTime),
        detail: $localize`:@@customer.metrics.last12m:Last 12 months: ${count(m.tickets.last12Months)}:amount:`,
      },
      {
        id: 'last-purchase',
        label: $localize`:@@customer.metrics.lastPurchase:Last purchase`,
        value: this.format.date(m.lastPurchase?.at),
        detail: m.lastPurchase ? $localize`:@@customer.metrics.daysSince:${count(m.lastPurchase.daysSince)}:days: days ago` : undefined,
      },
      {
        id: 'first-purchase',
        label: $localize`:@@customer.metrics.firstPurchase:First purchase`,
        value: this.format.date(m.firstPurchase?.at),
        detail: m.firstPurchase
          ? $localize`:@@customer.metrics.tenure:${m.firstPurchase.storeName}:store:, customer for ${count(m.firstPurchase.tenureDays)}:days: days`
          : undefined,
      },
      { id: 'returns', label: $localize`:@@customer.metrics.returns:Returns`, value: count(m.returns) },
      { id: 'last-activity', label: $localize`:@@customer.metrics.lastActivity:Last activity`, value: this.format.dateTime(m.lastActivityAt) },
      {
        id: 'affinity',
        label: $localize`:@@customer.metrics.affinity:Affinity`,
        value: affinity(m.affinity.primary),
        detail: m.affinity.primary
          ? $localize`:@@customer.metrics.secondary:Secondary: ${affinity(m.affinity.secondary)}:affinity:`
          : $localize`:@@customer.metrics.affinityRule:Shown from ${m.affinity.minimumTickets}:tickets: tickets`,
      },
    ];
    if (m.rfm) {
      const r = m.rfm;
      figures.push({
        id: 'rfm',
        label: $localize`:@@customer.metrics.rfm:RFM score`,
        value: `R${r.recency} F${r.frequency} M${r.monetary} Mg${r.margin}`,
        detail: r.segment.replace(/_/g, ' '),
      });
    }
    if (m.clv) figures.push(...this.clvFigures(m.clv, money));
    return figures;
  });

  /** The model-based CLV (docs/clv.md), each figure with the moment the model computed it. */
  private clvFigures(clv: CustomerClv, money: (amount: number | null) => string): Figure[] {
    const computed = $localize`:@@customer.metrics.clvComputedAt:Computed ${this.format.date(clv.computedAt)}:date:`;
    const percent = this.format.number(clv.probabilityAlive * 100, '1.0-0');
    return [
      {
        id: 'clv-12m',
        label: $localize`:@@customer.metrics.clv12m:Predicted CLV (12 months)`,
        value: money(clv.clv12m),
        detail: computed,
      },
      {
        id: 'probability-alive',
        label: $localize`:@@customer.metrics.probabilityAlive:Probability still a customer`,
        value: `${percent} %`,
        detail: computed,
      },
      {
        id: 'expected-purchases',
        label: $localize`:@@customer.metrics.expectedPurchases12m:Expected purchases (12 months)`,
        value: this.format.number(clv.expectedPurchases12m, '1.1-1'),
        detail: clv.expectedNextOrderAt
          ? $localize`:@@customer.metrics.expectedNextOrder:Next order around ${this.format.date(clv.expectedNextOrderAt)}:date:`
          : computed,
      },
      {
        id: 'expected-order-value',
        label: $localize`:@@customer.metrics.expectedOrderValue:Expected order value`,
        value: money(clv.expectedAverageOrderValue),
        detail: computed,
      },
    ];
  }
}
