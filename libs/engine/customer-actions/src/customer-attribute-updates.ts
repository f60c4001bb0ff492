import type { AttributeOperation } from '@marea/contracts';

export interface CustomerAttributeUpdates {
  /**
   * Applies the operations to the customer in one transaction, recorded like a profile edit.
   * Idempotent on `effectKey`: a second call with the same key changes nothing (`applied: false`).
   * A bad field or a value of the wrong type throws CustomerActionRejected naming the operation's path.
   */
  apply(
    effectKey: string,
    customerId: string,
    operations: readonly AttributeOperation[],
    /** The automation that asks, as the customer's change history names it; anonymous when left out. */
    source?: { readonly automationId: string; readonly automationName: string },
  ): Promise<{ readonly applied: boolean }>;
}
