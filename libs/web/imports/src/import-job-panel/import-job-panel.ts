import { formatDate, formatNumber } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, InjectionToken, LOCALE_ID, computed, effect, inject, input, output } from '@angular/core';
import type { ImportJob } from '@marea/contracts';
import { ErrorState, LoadingState } from '@marea/web/ui';
import { ImportsApi } from '../imports-api/imports-api';
import { ENTITY_LABELS, STATUS_LABELS, isInProgress } from '../import-labels/import-labels';
import { readRejectsReport } from '../rejects-report/read-rejects-report';

/** How long to wait before asking a running job for its progress again (tests shorten it). */
export const IMPORT_POLL_INTERVAL_MS = new InjectionToken<number>('IMPORT_POLL_INTERVAL_MS', { factory: () => 1000 });
/** Rejected rows shown on the page; the downloadable report has all of them. */
export const REJECTS_SHOWN = 100;

/** One import: its progress while it runs, then its result and the rows it rejected. */
@Component({
  selector: 'marea-import-job-panel',
  imports: [LoadingState, ErrorState],
  templateUrl: './import-job-panel.html',
  styleUrl: './import-job-panel.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportJobPanel {
  private readonly api = inject(ImportsApi);
  private readonly locale = inject(LOCALE_ID);
  private readonly pollInterval = inject(IMPORT_POLL_INTERVAL_MS);

  readonly jobId = input.required<string>();
  /** The job this panel watched running has finished (completed or failed). */
  readonly settled = output<ImportJob>();

  protected readonly job = httpResource<ImportJob>(() => this.api.jobUrl(this.jobId()));
  private readonly current = computed(() => (this.job.hasValue() ? this.job.value() : undefined));
  protected readonly rejects = httpResource.text(
    () => {
      const job = this.current();
      return job && job.status === 'completed' && job.rejectedRows > 0 ? this.api.rejectsReportUrl(job.id) : undefined;
    },
    { parse: (csv) => readRejectsReport(csv, REJECTS_SHOWN) },
  );

  protected readonly view = computed(() => {
    const job = this.current();
    if (!job) return undefined;
    const count = (value: number) => formatNumber(value, this.locale, '1.0-0');
    const total = job.totalRows;
    return {
      job,
      entity: ENTITY_LABELS[job.entity],
      status: STATUS_LABELS[job.status],
      inProgress: isInProgress(job.status),
      processed: count(job.processedRows),
      total: total === null ? null : count(total),
      accepted: count(job.acceptedRows),
      rejected: count(job.rejectedRows),
      percent: total ? Math.min(100, Math.round((100 * job.processedRows) / total)) : null,
      started: formatDate(job.createdAt, 'medium', this.locale),
      reportUrl: this.api.rejectsReportUrl(job.id),
    };
  });

  constructor() {
    // Poll while the job runs: each answer schedules the next question, so requests never pile up.
    let watchedRunning: string | undefined;
    effect((onCleanup) => {
      const job = this.current();
      if (!job || this.job.isLoading()) return;
      if (isInProgress(job.status)) {
        watchedRunning = job.id;
        const timer = setTimeout(() => this.job.reload(), this.pollInterval);
        onCleanup(() => clearTimeout(timer));
      } else if (watchedRunning === job.id) {
        watchedRunning = undefined;
        this.settled.emit(job);
      }
    });
  }
}
