import type { z } from 'zod';
import { parseItem } from '@marea/domain/ingestion';
import { AutomationRefusal, type AutomationRefusalCode } from './automation-refusal';

/** A body or query read against its contract; every problem named with its field path. */
export function parseAutomationRequest<T>(schema: z.ZodType<T>, raw: unknown, code: AutomationRefusalCode, what: string): T {
  const parsed = parseItem(schema, raw ?? {});
  if (parsed.ok) return parsed.value;
  throw invalid(code, what, parsed.errors);
}

export function invalid(code: AutomationRefusalCode, what: string, details: { field: string; message: string }[]): AutomationRefusal {
  const summary = details.map((detail) => (detail.field ? `${detail.field}: ${detail.message}` : detail.message)).join('; ');
  return new AutomationRefusal(code, `The ${what} is not valid: ${summary}.`, details);
}

export function automationIdOf(id: string): string {
  if (/^[1-9]\d{0,17}$/.test(id)) return id;
  throw new AutomationRefusal('INVALID_AUTOMATION_ID', `The automation id "${id}" is not a positive whole number.`, [
    { field: 'id', message: 'is not a positive whole number' },
  ]);
}

export function automationNotFound(id: string): AutomationRefusal {
  return new AutomationRefusal('AUTOMATION_NOT_FOUND', `There is no automation with id ${id}.`);
}
