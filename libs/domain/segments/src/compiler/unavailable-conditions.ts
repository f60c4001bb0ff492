import type { SegmentCondition } from '@marea/contracts';

/**
 * Conditions the model and the builder already know but whose data Marea does not hold yet:
 * they validate, and compiling them answers this instead of SQL. Each entry goes away when
 * its table lands (messages with the automation engine).
 */
export function unavailableReason(condition: SegmentCondition): string | undefined {
  switch (condition.kind) {
    case 'message':
      return 'messages are not available until Marea sends messages (automations)';
    default:
      return undefined;
  }
}
