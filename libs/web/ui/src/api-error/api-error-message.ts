import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@marea/contracts';

// The contract's type, checked by hand: importing the zod schema would put all of zod and every
// contract into the first bundle the browser loads.
function isApiErrorBody(body: unknown): body is ApiErrorBody {
  const error = (body as Partial<ApiErrorBody> | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/**
 * What to tell the user when a request failed: the server's own message when it answered with
 * the API's error shape, otherwise a sentence that says what kind of failure it was.
 */
export function apiErrorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    if (isApiErrorBody(error.error)) return error.error.error.message;
    if (error.status === 0) {
      return $localize`:@@ui.error.unreachable:The Marea server cannot be reached. Check that it is running, then try again.`;
    }
    return $localize`:@@ui.error.status:The server answered with status ${error.status}:status: (${error.statusText}:statusText:).`;
  }
  if (error instanceof Error && error.message) return error.message;
  return $localize`:@@ui.error.unknown:Something went wrong.`;
}
