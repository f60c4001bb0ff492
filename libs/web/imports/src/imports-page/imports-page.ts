import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import type { ImportJob, ImportJobPage } from '@marea/contracts';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '@marea/web/ui';
import { ImportHistory } from '../import-history/import-history';
import { ImportJobPanel } from '../import-job-panel/import-job-panel';
import { ImportsApi } from '../imports-api/imports-api';
import { ImportUploadForm } from '../import-upload-form/import-upload-form';

const RECENT_IMPORTS = 10;

/**
 * Data import: upload a CSV file, follow the job, read what was rejected. The job on screen is
 * in the address (`?job=…`), so a result can be reloaded, bookmarked and shared.
 */
@Component({
  selector: 'marea-imports-page',
  imports: [PageHeader, ImportUploadForm, ImportJobPanel, ImportHistory, LoadingState, ErrorState, EmptyState],
  templateUrl: './imports-page.html',
  styleUrl: './imports-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportsPage {
  private readonly router = inject(Router);
  private readonly api = inject(ImportsApi);

  /** Bound from the `job` query parameter. */
  readonly job = input<string>();

  protected readonly recent = httpResource<ImportJobPage>(() => this.api.recentUrl(RECENT_IMPORTS));

  protected show(job: ImportJob): void {
    void this.router.navigate([], { queryParams: { job: job.id } });
    this.recent.reload();
  }
}
