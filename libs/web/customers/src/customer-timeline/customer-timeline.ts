import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal } from '@angular/core';
import type { TimelineEntry, TimelineEntryType } from '@marea/contracts';
import { ErrorState } from '@marea/web/ui';
import type { Subscription } from 'rxjs';
import { CustomersApi } from '../customers-api/customers-api';
import { ProfileFormat } from '../profile-format/profile-format';
import { MESSAGE_STATUS, MESSAGE_TRACKING, TIMELINE_FILTERS, eventName } from './timeline-labels';

const PAGE_SIZE = 20;

/**
 * The customer's history, newest first, with a type filter and "show more" paging. While the
 * page is open the server announces the customer's new activity (server-sent events) and the
 * newest entries are read again, so a visit happening now appears and stays marked live.
 */
@Component({
  selector: 'marea-customer-timeline',
  imports: [ErrorState],
  templateUrl: './customer-timeline.html',
  styleUrl: './customer-timeline.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerTimeline {
  readonly customerId = input.required<string>();
  /** The account currency, in which order totals are given. */
  readonly currency = input.required<string>();

  private readonly api = inject(CustomersApi);
  protected readonly format = inject(ProfileFormat);
  protected readonly filters = TIMELINE_FILTERS;
  protected readonly eventName = eventName;
  protected readonly messageStatus = (status: string) => MESSAGE_STATUS[status] ?? status;
  protected readonly trackingLabel = (kind: string) => MESSAGE_TRACKING[kind] ?? kind;

  protected readonly entries = signal<TimelineEntry[]>([]);
  protected readonly nextBefore = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly types = signal<readonly TimelineEntryType[]>([]);
  /** Whether the live stream is connected. */
  protected readonly listening = signal(false);
  private request: Subscription | undefined;

  constructor() {
    effect((onCleanup) => {
      const id = this.customerId();
      this.types();
      this.reload();
      const live = this.api.activity(id).subscribe((notice) => {
        this.listening.set(true);
        if (notice === 'activity') this.reload();
      });
      onCleanup(() => {
        live.unsubscribe();
        this.listening.set(false);
      });
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected toggle(type: TimelineEntryType, on: boolean): void {
    this.types.update((types) => (on ? [...types, type] : types.filter((t) => t !== type)));
  }

  /** The first page again (after a filter change or new activity). */
  protected reload(): void {
    this.load(null);
  }

  protected more(): void {
    this.load(this.nextBefore());
  }

  private load(before: string | null): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.request = this.api.timeline(this.customerId(), { before, limit: PAGE_SIZE, types: this.types() }).subscribe({
      next: (page) => {
        this.entries.update((entries) => (before ? [...entries, ...page.entries] : page.entries));
        this.nextBefore.set(page.nextBefore);
        this.error.set(null);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(error);
        this.loading.set(false);
      },
    });
  }

  protected value(value: unknown): string {
    if (value === null || value === undefined || value === '') return '—';
    return Array.isArray(value) ? value.join(', ') : String(value);
  }
}
