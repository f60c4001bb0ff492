import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { SegmentPreview } from '@marea/contracts';
import { apiErrorMessage } from '@marea/web/ui';
import { catchError, concat, map, of, switchMap, timer } from 'rxjs';
import type { DraftRule } from '../rule-draft/rule-draft';

/** Edits settle this long before a preview is asked for: one request per pause, not per key. */
export const PREVIEW_DELAY_MS = 400;
const SHOWN_CUSTOMERS = 10;

type PreviewState =
  | { state: 'waiting' }
  | { state: 'invalid' }
  | { state: 'loading' }
  | { state: 'ready'; preview: SegmentPreview }
  | { state: 'failed'; message: string };

/**
 * A live preview of a rule: how many customers it selects now and the first of them, asked of
 * the server (`POST /api/v1/segments/preview`) once edits pause, and only for a rule the
 * browser's validation accepts.
 */
@Component({
  selector: 'marea-rule-preview',
  imports: [RouterLink],
  templateUrl: './rule-preview.html',
  styleUrl: './rule-preview.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RulePreview {
  private readonly http = inject(HttpClient);
  readonly rule = input.required<DraftRule>();
  /** Whether the rule passes the browser's validation; an invalid rule is not sent. */
  readonly valid = input.required<boolean>();

  private readonly request = computed(() => ({ rule: this.rule(), valid: this.valid() }));
  // Every edit at once marks the count as being recomputed (a count is never shown for an older
  // rule), and asks the server only once edits have paused: a newer edit cancels the pending one.
  protected readonly preview = toSignal(
    toObservable(this.request).pipe(
      switchMap(({ rule, valid }) =>
        valid
          ? concat(
              of<PreviewState>({ state: 'loading' }),
              timer(PREVIEW_DELAY_MS).pipe(
                switchMap(() => this.http.post<SegmentPreview>('/api/v1/segments/preview', { rule })),
                map((preview): PreviewState => ({ state: 'ready', preview })),
                catchError((error: unknown) => of<PreviewState>({ state: 'failed', message: apiErrorMessage(error) })),
              ),
            )
          : of<PreviewState>({ state: 'invalid' }),
      ),
    ),
    { initialValue: { state: 'waiting' } as PreviewState },
  );
  protected readonly shown = SHOWN_CUSTOMERS;

  protected name(customer: SegmentPreview['customers'][number]): string {
    return [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email || customer.externalId;
  }
}
