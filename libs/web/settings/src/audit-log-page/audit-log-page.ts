import { DatePipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { AuditEntry, AuditPage } from '@marea/contracts';
import { EmptyState, ErrorState, LoadingState, PageHeader, apiErrorMessage } from '@marea/web/ui';
import { auditActionChoices, auditActionLabel } from './audit-actions';

export const AUDIT_LOG_URL = '/api/v1/audit-log';
const PAGE_SIZE = 100;

/**
 * The audit log (admins): newest first, a page of 100 at a time (`before` is the cursor the
 * server answers), filtered by action. The route has no action filter, so the filter narrows the
 * entries loaded so far and says so; *Load older entries* reaches further back either way.
 */
@Component({
  selector: 'marea-audit-log-page',
  imports: [DatePipe, PageHeader, LoadingState, ErrorState, EmptyState],
  templateUrl: './audit-log-page.html',
  styleUrl: '../settings.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPage {
  private readonly http = inject(HttpClient);
  protected readonly entries = signal<AuditEntry[]>([]);
  /** The cursor of the next older page; null once the oldest entry is loaded. */
  protected readonly before = signal<string | null>(null);
  protected readonly loaded = signal(false);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly action = signal('');

  protected readonly choices = computed(() => auditActionChoices(this.entries().map((entry) => entry.action)));
  protected readonly shown = computed(() => {
    const action = this.action();
    return action ? this.entries().filter((entry) => entry.action === action) : this.entries();
  });
  protected readonly actionLabel = auditActionLabel;
  protected readonly errorMessage = computed(() => (this.error() ? apiErrorMessage(this.error()) : ''));

  constructor() {
    this.load();
  }

  /** Loads the next older page (the newest one first). */
  protected load(): void {
    const before = this.before();
    this.loading.set(true);
    this.error.set(null);
    const params: Record<string, string> = { limit: String(PAGE_SIZE) };
    if (before) params['before'] = before;
    this.http.get<AuditPage>(AUDIT_LOG_URL, { params }).subscribe({
      next: (page) => {
        this.entries.update((entries) => [...entries, ...page.items]);
        this.before.set(page.before);
        this.loaded.set(true);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(error);
        this.loading.set(false);
      },
    });
  }

  protected details(entry: AuditEntry): string {
    return Object.entries(entry.details)
      .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' · ');
  }
}
