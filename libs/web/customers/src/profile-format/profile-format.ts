import { formatCurrency, formatDate, formatNumber, getCurrencySymbol } from '@angular/common';
import { Injectable, LOCALE_ID, inject } from '@angular/core';

/**
 * Money, numbers and dates for the user's locale; money in the currency it is held in (the
 * account currency unless a part of the profile says otherwise).
 */
@Injectable({ providedIn: 'root' })
export class ProfileFormat {
  private readonly locale = inject(LOCALE_ID);

  money(amount: number | null | undefined, currency: string): string {
    if (amount === null || amount === undefined) return '—';
    return formatCurrency(amount, this.locale, getCurrencySymbol(currency, 'narrow', this.locale), currency, '1.2-2');
  }

  number(value: number, digits = '1.0-2'): string {
    return formatNumber(value, this.locale, digits);
  }

  date(value: string | null | undefined): string {
    return value ? formatDate(value, 'mediumDate', this.locale) : '—';
  }

  dateTime(value: string | null | undefined): string {
    return value ? formatDate(value, 'medium', this.locale) : '—';
  }
}
