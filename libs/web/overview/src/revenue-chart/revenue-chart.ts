import { formatCurrency, formatDate, formatNumber, getCurrencySymbol } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, input } from '@angular/core';
import type { OverviewMonth } from '@marea/contracts';

interface Bar {
  readonly month: string;
  readonly label: string;
  readonly description: string;
  readonly amount: string;
  readonly heightPercent: number;
}

/** Net revenue of the last twelve months as bars; each bar reads out its month, amount and orders. */
@Component({
  selector: 'marea-revenue-chart',
  templateUrl: './revenue-chart.html',
  styleUrl: './revenue-chart.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RevenueChart {
  private readonly locale = inject(LOCALE_ID);
  readonly months = input.required<readonly OverviewMonth[]>();
  readonly currency = input.required<string>();

  protected readonly bars = computed<Bar[]>(() => {
    const months = this.months();
    const currency = this.currency();
    const highest = Math.max(0, ...months.map((month) => month.revenue));
    const symbol = getCurrencySymbol(currency, 'narrow', this.locale);
    return months.map((month) => {
      // Noon on the 1st, so no time zone moves the date into the previous month.
      const date = `${month.month}-01T12:00:00`;
      const amount = formatCurrency(month.revenue, this.locale, symbol, currency, '1.0-0');
      const orders = formatNumber(month.orders, this.locale, '1.0-0');
      const monthName = formatDate(date, 'MMMM y', this.locale);
      return {
        month: month.month,
        label: formatDate(date, 'MMM', this.locale),
        amount,
        description: $localize`:@@overview.chart.bar:${monthName}:month: — ${amount}:amount:, ${orders}:orders: orders`,
        heightPercent: highest > 0 ? Math.max(0, (month.revenue / highest) * 100) : 0,
      };
    });
  });
}
