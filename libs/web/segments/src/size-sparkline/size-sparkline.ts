import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import type { SegmentSizeHistory } from '@marea/contracts';
import { SegmentsApi } from '../segments-api/segments-api';
import { sparklinePoints } from './sparkline-points';

const WIDTH = 120;
const HEIGHT = 28;

/** The size history of a segment as a small line (inline SVG); grey when the segment is inactive. */
@Component({
  selector: 'marea-size-sparkline',
  template: `
    @if (points(); as points) {
      <svg
        [attr.width]="width"
        [attr.height]="height"
        [attr.viewBox]="'0 0 ' + width + ' ' + height"
        role="img"
        [attr.aria-label]="description()"
        [class.sparkline--inactive]="!active()"
        class="sparkline"
      >
        <polyline [attr.points]="points" fill="none" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round" />
      </svg>
    } @else if (history.isLoading()) {
      <span class="sparkline__none" aria-hidden="true">…</span>
    } @else {
      <span class="sparkline__none" i18n="@@segments.sparkline.none">no history</span>
    }
  `,
  styles: `
    :host { display: inline-flex; align-items: center; }
    .sparkline polyline { stroke: var(--accent, #1570ef); }
    .sparkline--inactive polyline { stroke: var(--muted-line, #98a2b3); }
    .sparkline__none { color: var(--text-muted, #667085); font-size: var(--text-sm, 0.875rem); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-active]': 'active()' },
})
export class SizeSparkline {
  private readonly api = inject(SegmentsApi);
  readonly code = input.required<string>();
  readonly active = input.required<boolean>();
  /** When the segment was last computed: a new computation adds a point, so the history is read again. */
  readonly computedAt = input<string | null>(null);
  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;

  protected readonly history = httpResource<SegmentSizeHistory>(() => this.api.sizesUrl(this.code()));
  private readonly sizes = computed(() => (this.history.hasValue() ? this.history.value().items.map((point) => point.size) : []));
  protected readonly points = computed(() => sparklinePoints(this.sizes(), WIDTH, HEIGHT));
  constructor() {
    let seen: string | null | undefined;
    effect(() => {
      const computedAt = this.computedAt();
      if (seen !== undefined && computedAt !== seen) this.history.reload();
      seen = computedAt;
    });
  }

  protected readonly description = computed(() => {
    const sizes = this.sizes();
    return $localize`:@@segments.sparkline.label:Size over the last ${sizes.length}:count: computations, from ${sizes[0]}:first: to ${sizes[sizes.length - 1]}:last:`;
  });
}
