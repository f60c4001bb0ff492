import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody, SegmentRuleProblem } from '@marea/contracts';

/** A refused save, split the way the editor shows it: each field's messages, the rule's problems by path. */
export interface ServerProblems {
  fields: Record<string, string[]>;
  rule: SegmentRuleProblem[];
}

const NONE: ServerProblems = { fields: {}, rule: [] };

/**
 * The problems of a refused save by where they belong: `rule.conditions[0].test.value` goes to
 * the builder (as `conditions[0].test.value`), `code` or `name` to that field of the form.
 */
export function serverProblems(error: unknown): ServerProblems {
  if (!(error instanceof HttpErrorResponse)) return NONE;
  const details = (error.error as Partial<ApiErrorBody> | null)?.error?.details;
  if (!Array.isArray(details)) return NONE;
  const problems: ServerProblems = { fields: {}, rule: [] };
  for (const { field, message } of details) {
    if (field === 'rule' || field.startsWith('rule.') || field.startsWith('rule[')) {
      problems.rule.push({ path: field.replace(/^rule\.?/, ''), code: 'invalid', message });
    } else {
      (problems.fields[field] ??= []).push(message);
    }
  }
  return problems;
}
