import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { CustomerMergePreview, CustomerMergeResult, CustomerSearchPage, MergeFieldPlan, MergeSide } from '@marea/contracts';
import { apiErrorMessage } from '@marea/web/ui';
import { firstValueFrom } from 'rxjs';
import { CustomersApi } from '../customers-api/customers-api';

/**
 * Merging a duplicate into the profile on screen: find the duplicate, see which value wins on
 * every field that differs (the newest non-empty one, unless the marketer picks the other side)
 * and how many rows move, then merge. The server decides; the panel only shows and asks.
 */
@Component({
  selector: 'marea-customer-merge-panel',
  imports: [FormsModule],
  templateUrl: './customer-merge-panel.html',
  styleUrl: './customer-merge-panel.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerMergePanel {
  /** The survivor: the profile that stays. */
  readonly survivorId = input.required<string>();
  readonly merged = output<CustomerMergeResult>();
  readonly cancelled = output<void>();

  private readonly api = inject(CustomersApi);
  private readonly http = inject(HttpClient);

  protected readonly query = signal('');
  protected readonly candidates = httpResource<CustomerSearchPage>(() => {
    const q = this.query().trim();
    return q.length >= 2 ? this.api.searchUrl(q, 1, 8) : undefined;
  });
  protected readonly others = computed(() => (this.candidates.hasValue() ? this.candidates.value().items.filter((c) => c.id !== this.survivorId()) : []));

  protected readonly absorbedId = signal<string | null>(null);
  protected readonly choices = signal<Record<string, MergeSide>>({});
  protected readonly preview = signal<CustomerMergePreview | null>(null);
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);

  /** Only the fields where the two profiles differ need a decision. */
  protected readonly conflicts = computed(() => (this.preview()?.fields ?? []).filter((field) => field.reason !== 'same'));

  protected async choose(absorbedId: string): Promise<void> {
    this.absorbedId.set(absorbedId);
    this.choices.set({});
    await this.refresh();
  }

  protected async pick(field: MergeFieldPlan, side: MergeSide): Promise<void> {
    this.choices.update((choices) => ({ ...choices, [field.field]: side }));
    await this.refresh();
  }

  protected value(value: MergeFieldPlan['survivor']): string {
    return value === null || value === '' ? '—' : String(value);
  }

  private async refresh(): Promise<void> {
    const absorbedId = this.absorbedId();
    if (!absorbedId) return;
    await this.run(async () => {
      const body = { absorbedId, choices: this.choices() };
      this.preview.set(await firstValueFrom(this.http.post<CustomerMergePreview>(this.api.mergeUrl(this.survivorId(), true), body)));
    });
  }

  protected async merge(): Promise<void> {
    const absorbedId = this.absorbedId();
    if (!absorbedId) return;
    await this.run(async () => {
      const body = { absorbedId, choices: this.choices() };
      this.merged.emit(await firstValueFrom(this.http.post<CustomerMergeResult>(this.api.mergeUrl(this.survivorId(), false), body)));
    });
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    try {
      await work();
    } catch (error) {
      this.failure.set(apiErrorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
