import type { DataSource, EntityManager } from 'typeorm';
import type { AttributeOperation, AttributeValue } from '@marea/contracts';
import { CustomerActionRejected, planAttributeEdit, type CustomerAttributeUpdates } from '@marea/engine/customer-actions';
import { customFieldTypes, editCustomerWithin } from '../customers/edit-customer';

async function claimEffect(db: EntityManager, effectKey: string, customerId: string, operations: readonly AttributeOperation[], changedBy: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `INSERT INTO customer_attribute_updates (effect_key, customer_id, operations, changed_by)
     SELECT $1, id, $3::jsonb, $4 FROM customers WHERE id = $2
     ON CONFLICT (effect_key) DO NOTHING
     RETURNING 1`,
    [effectKey, customerId, JSON.stringify(operations), changedBy],
  );
  return rows.length > 0;
}

/**
 * The automations' attribute action. The operations become one profile edit, checked and recorded
 * in `customer_changes` as the profile page's are (so the timeline shows them, named after the
 * automation), and the customers table's triggers mark the customer for the real-time segments.
 * The effect key is claimed in the same transaction: a retry after a commit finds it and changes
 * nothing; a rejected update rolls the claim back with everything else.
 */
export class PgCustomerAttributeUpdates implements CustomerAttributeUpdates {
  constructor(
    private readonly dataSource: DataSource,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

  apply(
    effectKey: string,
    customerId: string,
    operations: readonly AttributeOperation[],
    source?: { readonly automationId: string; readonly automationName: string },
  ): Promise<{ readonly applied: boolean }> {
    const changedBy = source ? `automation ${source.automationName}` : 'automation';
    return this.dataSource.transaction(async (db) => {
      if (!(await claimEffect(db, effectKey, customerId, operations, changedBy))) {
        const [known]: unknown[] = await db.query(`SELECT 1 FROM customer_attribute_updates WHERE effect_key = $1`, [effectKey]);
        if (known) return { applied: false };
        throw new CustomerActionRejected(`There is no customer with id ${customerId} to update`);
      }
      const [current]: { tags: string[]; attributes: Record<string, AttributeValue> }[] = await db.query(
        `SELECT tags, attributes FROM customers WHERE id = $1 FOR UPDATE`,
        [customerId],
      );
      const today = this.today();
      const plan = planAttributeEdit(operations, current, await customFieldTypes(db), today);
      if (!plan.ok) throw new CustomerActionRejected(`The update of customer ${customerId} is not valid`, plan.problems);
      const outcome = await editCustomerWithin(db, customerId, plan.edit, { changedBy, today });
      if (outcome.kind === 'rejected') throw new CustomerActionRejected(`The update of customer ${customerId} is not valid`, outcome.errors);
      return { applied: true };
    });
  }
}
