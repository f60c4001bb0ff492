import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CustomerMergeResult, CustomerProfile } from '@marea/contracts';
import { SessionStore } from '@marea/web/session';
import { apiErrorMessage } from '@marea/web/ui';
import { firstValueFrom } from 'rxjs';
import { ErrorState, LoadingState } from '@marea/web/ui';
import { CustomerEditForm } from '../customer-edit-form/customer-edit-form';
import { CustomerMergePanel } from '../customer-merge-panel/customer-merge-panel';
import { CustomerMetricsPanel } from '../customer-metrics-panel/customer-metrics-panel';
import { CustomerTimeline } from '../customer-timeline/customer-timeline';
import { CustomersApi } from '../customers-api/customers-api';
import { ProductStrip, type ProductTile } from '../product-strip/product-strip';
import { ProfileFormat } from '../profile-format/profile-format';

/**
 * The 360° profile of one customer: the header card, the purchase dashboard, what they are
 * about to buy, their last order, who they are and how to reach them, consents, tags,
 * attributes and segments on the left; the live timeline on the right.
 */
@Component({
  selector: 'marea-customer-profile-page',
  imports: [RouterLink, LoadingState, ErrorState, CustomerMetricsPanel, CustomerTimeline, CustomerEditForm, CustomerMergePanel, ProductStrip],
  templateUrl: './customer-profile-page.html',
  styleUrl: './customer-profile-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerProfilePage {
  /** The customer's id, from the route. */
  readonly id = input.required<string>();
  protected readonly api = inject(CustomersApi);
  protected readonly format = inject(ProfileFormat);
  private readonly session = inject(SessionStore);
  protected readonly editing = signal(false);
  protected readonly merging = signal(false);
  protected readonly privacyFailure = signal<string | null>(null);
  /** Merging is for admins and marketers; erasing, which cannot be undone, for admins. */
  protected readonly canMerge = computed(() => ['admin', 'marketer'].includes(this.session.user()?.role ?? ''));
  protected readonly canErase = computed(() => this.session.user()?.role === 'admin');

  protected readonly profile = httpResource<CustomerProfile>(() => this.api.profileUrl(this.id()));

  protected readonly name = computed(() => {
    if (!this.profile.hasValue()) return '';
    const { personal, externalId } = this.profile.value();
    return [personal.firstName, personal.lastName].filter(Boolean).join(' ') || externalId;
  });

  protected readonly cartTiles = computed<ProductTile[]>(() => {
    const cart = this.profile.hasValue() ? this.profile.value().cart : null;
    return (cart?.items ?? []).map((item) => ({
      key: item.productId,
      name: item.name,
      imageUrl: item.imageUrl,
      detail: `${this.format.number(item.quantity)} × ${this.format.money(item.unitPrice, cart?.currency ?? '')}`,
    }));
  });

  protected readonly favouriteTiles = computed<ProductTile[]>(() => {
    const profile = this.profile.hasValue() ? this.profile.value() : null;
    return (profile?.favourites.items ?? []).map((item) => ({
      key: item.productId,
      name: item.name,
      imageUrl: item.imageUrl,
      detail: item.price === null ? '—' : this.format.money(item.price, item.currency ?? profile?.currency ?? ''),
    }));
  });

  protected readonly lastProductTiles = computed<ProductTile[]>(() =>
    (this.profile.hasValue() ? this.profile.value().lastProducts : []).map((product) => ({
      key: product.productId,
      name: product.name,
      imageUrl: product.imageUrl,
      detail: this.format.date(product.boughtAt),
    })),
  );

  protected readonly lastOrderTiles = computed<ProductTile[]>(() => {
    const profile = this.profile.hasValue() ? this.profile.value() : null;
    return (profile?.lastOrder?.lines ?? []).map((line, index) => ({
      key: `${line.productId}-${index}`,
      name: line.name,
      imageUrl: line.imageUrl,
      detail: `${this.format.number(line.quantity)} · ${this.format.money(line.total, profile?.currency ?? '')}`,
    }));
  });

  protected attributeValue(value: string | number | boolean | null, type: string): string {
    if (value === null) return '—';
    if (type === 'boolean') return value ? $localize`:@@customer.yes:Yes` : $localize`:@@customer.no:No`;
    if (type === 'date') return this.format.date(String(value));
    if (type === 'number') return this.format.number(Number(value));
    return String(value);
  }

  protected saved(profile: CustomerProfile): void {
    this.profile.set(profile);
    this.editing.set(false);
  }

  protected mergedIn(_result: CustomerMergeResult): void {
    this.merging.set(false);
    this.profile.reload();
  }

  /** Asks twice, in words, before a step that cannot be undone. */
  protected async erase(): Promise<void> {
    const confirmation = $localize`:@@customer.eraseConfirm:Erase ${this.name()}:name:? Every personal detail, event, message and task about this customer is deleted for good; orders stay, anonymous.`;
    if (!confirm(confirmation)) return;
    this.privacyFailure.set(null);
    try {
      await firstValueFrom(this.api.erase(this.id()));
      this.profile.reload();
    } catch (error) {
      this.privacyFailure.set(apiErrorMessage(error));
    }
  }
}
