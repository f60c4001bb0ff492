import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Segment, SegmentList } from '@marea/contracts';
import { EmptyState, ErrorState, LoadingState, PageHeader, apiErrorMessage } from '@marea/web/ui';
import { NO_FILTER, filterSegments, type SegmentListFilter } from '../segment-list-filter/segment-list-filter';
import { SegmentsApi } from '../segments-api/segments-api';
import { SizeSparkline } from '../size-sparkline/size-sparkline';

/** While a segment is being computed, the list asks again this often, so sizes appear without a reload. */
const REFRESH_WHILE_COMPUTING_MS = 2_000;

/** Every segment: type, state, size with its history, last computation, and its customers. */
@Component({
  selector: 'marea-segment-list-page',
  imports: [RouterLink, PageHeader, LoadingState, ErrorState, EmptyState, SizeSparkline],
  templateUrl: './segment-list-page.html',
  styleUrl: './segment-list-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentListPage {
  protected readonly api = inject(SegmentsApi);
  protected readonly segments = httpResource<SegmentList>(() => this.api.listUrl);
  protected readonly filter = signal<SegmentListFilter>(NO_FILTER);
  protected readonly shown = computed(() => (this.segments.hasValue() ? filterSegments(this.segments.value().items, this.filter()) : []));
  protected readonly filtered = computed(() => this.segments.hasValue() && this.shown().length < this.segments.value().items.length);
  /** The code of the segment being switched on or off, and a refusal to show. */
  protected readonly switching = signal<string | null>(null);
  protected readonly switchError = signal<string | null>(null);
  private readonly dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  private readonly count = new Intl.NumberFormat();
  private refresh: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    effect(() => {
      clearTimeout(this.refresh);
      if (!this.segments.hasValue()) return;
      const computing = this.segments.value().items.some((segment) => segment.active && ['pending', 'running'].includes(segment.computation.status));
      if (computing) this.refresh = setTimeout(() => this.segments.reload(), REFRESH_WHILE_COMPUTING_MS);
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.refresh));
  }

  protected setNumber(field: 'minSize' | 'maxSize', raw: string): void {
    const value = raw.trim() === '' ? null : Number(raw);
    this.filter.update((filter) => ({ ...filter, [field]: value === null || Number.isNaN(value) ? null : value }));
  }

  protected setDay(field: 'createdFrom' | 'createdTo', raw: string): void {
    this.filter.update((filter) => ({ ...filter, [field]: raw || null }));
  }

  protected toggle(segment: Segment): void {
    this.switching.set(segment.code);
    this.switchError.set(null);
    this.api.setActive(segment.code, !segment.active).subscribe({
      next: (updated) => {
        this.switching.set(null);
        this.segments.update((list) => list && { items: list.items.map((item) => (item.code === updated.code ? updated : item)) });
      },
      error: (error: unknown) => {
        this.switching.set(null);
        this.switchError.set(apiErrorMessage(error));
      },
    });
  }

  protected size(segment: Segment): string {
    return this.count.format(segment.size);
  }

  protected computedAt(segment: Segment): string {
    return segment.computation.computedAt ? this.dateTime.format(new Date(segment.computation.computedAt)) : '';
  }

  protected progress(segment: Segment): string {
    return `${Math.round(segment.computation.progress * 100)}%`;
  }
}
