import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, output, signal } from '@angular/core';
import type { ImportEntity, ImportJob } from '@marea/contracts';
import { apiErrorMessage } from '@marea/web/ui';
import { ImportsApi } from '../imports-api/imports-api';
import { ENTITY_LABELS } from '../import-labels/import-labels';

type Upload = { readonly state: 'idle' } | { readonly state: 'sending'; readonly percent: number | null };

/** Choose what the file holds and the file; sends it and announces the queued job. */
@Component({
  selector: 'marea-import-upload-form',
  templateUrl: './import-upload-form.html',
  styleUrl: './import-upload-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportUploadForm {
  private readonly api = inject(ImportsApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly queued = output<ImportJob>();

  protected readonly entities = (Object.keys(ENTITY_LABELS) as ImportEntity[]).map((value) => ({
    value,
    label: ENTITY_LABELS[value],
  }));
  protected readonly entity = signal<ImportEntity>('customers');
  protected readonly file = signal<File | null>(null);
  protected readonly upload = signal<Upload>({ state: 'idle' });
  protected readonly problem = signal<string | null>(null);
  protected readonly sending = computed(() => this.upload().state === 'sending');

  protected pickFile(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    this.problem.set(null);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const file = this.file();
    if (!file) {
      this.problem.set($localize`:@@imports.upload.noFile:Choose a CSV file first.`);
      return;
    }
    this.problem.set(null);
    this.upload.set({ state: 'sending', percent: 0 });
    const subscription = this.api.upload(this.entity(), file).subscribe({
      next: (progress) => {
        if (progress.kind === 'sending') this.upload.set({ state: 'sending', percent: progress.percent });
        else this.queued.emit(progress.job);
      },
      error: (error: unknown) => {
        this.upload.set({ state: 'idle' });
        this.problem.set(apiErrorMessage(error));
      },
      complete: () => this.upload.set({ state: 'idle' }),
    });
    this.destroyRef.onDestroy(() => subscription.unsubscribe());
  }
}
