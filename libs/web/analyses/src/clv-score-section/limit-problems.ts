import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@marea/contracts';
import { LIMIT_FIELDS, type LimitField } from '../state-limits-form/state-limits';

/** The per-field problems of a refused score-table request (`INVALID_CLV_STATE_LIMITS`), by field. */
export function limitProblemsOf(error: unknown): Partial<Record<LimitField, string>> {
  if (!(error instanceof HttpErrorResponse) || error.status !== 400) return {};
  const details = (error.error as Partial<ApiErrorBody> | null)?.error?.details ?? [];
  const problems: Partial<Record<LimitField, string>> = {};
  for (const { field, message } of details) {
    if ((LIMIT_FIELDS as readonly string[]).includes(field)) problems[field as LimitField] ??= message;
  }
  return problems;
}
