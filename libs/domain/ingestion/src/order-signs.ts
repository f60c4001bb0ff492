import type { OrderItem } from '@marea/contracts';
import type { FieldError } from './field-path';

/**
 * A sale moves goods and money towards the customer, a return moves them back: quantities, tax,
 * cost and totals are positive in a sale and negative in a return. A wrong sign is almost always
 * a return sent as a sale (or the reverse), so the message says how to send it.
 */
export function checkOrderSigns(order: OrderItem): FieldError[] {
  const sale = order.kind === 'sale';
  const errors: FieldError[] = [];
  const wrong = (value: number | undefined) => value !== undefined && (sale ? value < 0 : value > 0);
  const signed = sale ? 'must not be negative in a sale' : 'must be negative or 0 in a return';

  order.lines.forEach((line, i) => {
    if (sale && line.quantity < 0) {
      errors.push({
        field: `lines[${i}].quantity`,
        message: 'must be positive in a sale; send a return as an order of kind "return" with negative quantities',
      });
    }
    if (!sale && line.quantity > 0) {
      errors.push({ field: `lines[${i}].quantity`, message: 'must be negative in a return (the units given back)' });
    }
    for (const name of ['tax', 'total', 'cost'] as const) {
      if (wrong(line[name])) errors.push({ field: `lines[${i}].${name}`, message: signed });
    }
  });
  for (const name of ['tax', 'total', 'cost'] as const) {
    if (wrong(order[name])) errors.push({ field: name, message: signed });
  }
  if (sale && order.returnedOrderExternalId !== undefined) {
    errors.push({ field: 'returnedOrderExternalId', message: 'only an order of kind "return" refers to a returned order' });
  }
  return errors;
}
