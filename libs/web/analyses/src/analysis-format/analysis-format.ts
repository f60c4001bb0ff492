import { formatCurrency, formatDate, formatNumber, formatPercent, getCurrencySymbol } from '@angular/common';
import { Injectable, LOCALE_ID, inject } from '@angular/core';

const NONE = '—';

/** The analyses' figures for the user's locale; a figure that does not exist (null) reads "—". */
@Injectable({ providedIn: 'root' })
export class AnalysisFormat {
  private readonly locale = inject(LOCALE_ID);

  money(amount: number | null, currency: string, digits = '1.2-2'): string {
    if (amount === null) return NONE;
    return formatCurrency(amount, this.locale, getCurrencySymbol(currency, 'narrow', this.locale), currency, digits);
  }

  number(value: number | null, digits = '1.0-2'): string {
    return value === null ? NONE : formatNumber(value, this.locale, digits);
  }

  /** A share 0–1 as a percentage. */
  percent(share: number | null, digits = '1.1-1'): string {
    return share === null ? NONE : formatPercent(share, this.locale, digits);
  }

  /** A calendar day `YYYY-MM-DD`, read as that day wherever the browser is. */
  day(value: string): string {
    return formatDate(value, 'mediumDate', this.locale);
  }

  dateTime(value: string | null): string {
    return value ? formatDate(value, 'medium', this.locale) : NONE;
  }
}
