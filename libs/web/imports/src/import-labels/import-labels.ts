import type { ImportEntity, ImportJobStatus } from '@marea/contracts';

/** What a user calls each kind of file. */
export const ENTITY_LABELS: Record<ImportEntity, string> = {
  customers: $localize`:@@imports.entity.customers:Customers`,
  products: $localize`:@@imports.entity.products:Products`,
  orders: $localize`:@@imports.entity.orders:Orders`,
};

export const STATUS_LABELS: Record<ImportJobStatus, string> = {
  queued: $localize`:@@imports.status.queued:Waiting to start`,
  running: $localize`:@@imports.status.running:Importing`,
  completed: $localize`:@@imports.status.completed:Completed`,
  failed: $localize`:@@imports.status.failed:Failed`,
};

/** A job still changes while it is queued or running; the page polls it until then. */
export function isInProgress(status: ImportJobStatus): boolean {
  return status === 'queued' || status === 'running';
}
