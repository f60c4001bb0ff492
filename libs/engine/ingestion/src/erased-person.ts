import type { FieldError } from '@marea/domain/ingestion';

/**
 * The refusal of data naming a person who was erased at their request: importing them again
 * would bring back what they asked to be forgotten, so it takes a deliberate new sign-up under a
 * new identity, not a replayed feed.
 */
export function erasedPersonError(field: string, erasedAt: Date): FieldError {
  return {
    field,
    message: `names a person erased on ${erasedAt.toISOString().slice(0, 10)} at their request (right to be forgotten); their data may not be added again`,
  };
}
