import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CustomerSearchPage, CustomerSummary } from '@marea/contracts';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '@marea/web/ui';
import { CustomersApi } from '../customers-api/customers-api';
import { ProfileFormat } from '../profile-format/profile-format';

const PAGE_SIZE = 25;
// Typing pauses this long before the search runs: one request per word, not per key.
const SEARCH_DELAY_MS = 250;

/** The customer list: search by name, email, phone or external id, newest customers first. */
@Component({
  selector: 'marea-customer-list-page',
  imports: [RouterLink, PageHeader, LoadingState, ErrorState, EmptyState],
  templateUrl: './customer-list-page.html',
  styleUrl: './customer-list-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerListPage {
  private readonly api = inject(CustomersApi);
  protected readonly format = inject(ProfileFormat);
  protected readonly query = signal('');
  protected readonly page = signal(1);
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected readonly results = httpResource<CustomerSearchPage>(() => this.api.searchUrl(this.query(), this.page(), PAGE_SIZE));
  protected readonly customers = computed(() => (this.results.hasValue() ? this.results.value().items : []));

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected search(text: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.page.set(1);
      this.query.set(text.trim());
    }, SEARCH_DELAY_MS);
  }

  protected name(customer: CustomerSummary): string {
    return [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.externalId;
  }
}
