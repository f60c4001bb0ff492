import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody, AutomationProblem } from '@marea/contracts';

/**
 * The flow's problems in a refused save, for the nodes they are about: the server reports
 * `definition.steps.mail.action.template.html` for what only it can check (template syntax,
 * a segment that does not exist), and the editor shows it on the `mail` node.
 */
export function refusedProblems(error: unknown): AutomationProblem[] {
  if (!(error instanceof HttpErrorResponse)) return [];
  const details = (error.error as Partial<ApiErrorBody> | null)?.error?.details;
  if (!Array.isArray(details)) return [];
  return details.filter(({ field }) => field.startsWith('definition.')).map(({ field, message }) => ({ path: field.slice('definition.'.length), message }));
}
