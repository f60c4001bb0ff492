import { formatDate, formatNumber } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ImportJob } from '@marea/contracts';
import { ENTITY_LABELS, STATUS_LABELS } from '../import-labels/import-labels';

/** The latest imports, newest first; each opens its result. */
@Component({
  selector: 'marea-import-history',
  imports: [RouterLink],
  templateUrl: './import-history.html',
  styleUrl: './import-history.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportHistory {
  private readonly locale = inject(LOCALE_ID);
  readonly jobs = input.required<readonly ImportJob[]>();
  readonly selectedId = input<string>();

  protected readonly rows = computed(() =>
    this.jobs().map((job) => ({
      id: job.id,
      fileName: job.fileName,
      entity: ENTITY_LABELS[job.entity],
      status: job.status,
      statusLabel: STATUS_LABELS[job.status],
      accepted: formatNumber(job.acceptedRows, this.locale, '1.0-0'),
      rejected: formatNumber(job.rejectedRows, this.locale, '1.0-0'),
      uploaded: formatDate(job.createdAt, 'short', this.locale),
    })),
  );
}
