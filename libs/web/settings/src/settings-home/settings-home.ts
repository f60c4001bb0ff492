import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AccountSettings } from '@marea/contracts';
import { SessionStore } from '@marea/web/session';
import { ErrorState, LoadingState, PageHeader } from '@marea/web/ui';

export const ACCOUNT_URL = '/api/v1/account';

/**
 * The account as every figure of Marea is expressed: its name, currency and time zone (read by
 * every role; changed by admins through `PUT /api/v1/account`), and where the automations'
 * sending settings live. The API exposes no automation setting of the account, so this page says
 * where each one is set rather than offering a form that could not be saved.
 */
@Component({
  selector: 'marea-settings-home',
  imports: [RouterLink, PageHeader, LoadingState, ErrorState],
  templateUrl: './settings-home.html',
  styleUrl: '../settings.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingsHome {
  private readonly user = inject(SessionStore).user;
  private readonly role = computed(() => this.user()?.role);
  protected readonly account = httpResource<AccountSettings>(() => ACCOUNT_URL);
  protected readonly admin = computed(() => this.role() === 'admin');
  protected readonly editor = computed(() => this.role() === 'admin' || this.role() === 'marketer');
  /** The time now in the account's zone: the clock relative dates and daily jobs follow. */
  protected readonly localTime = computed(() => {
    if (!this.account.hasValue()) return '';
    try {
      return new Intl.DateTimeFormat(undefined, { timeZone: this.account.value().timezone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date());
    } catch {
      return '';
    }
  });
}
