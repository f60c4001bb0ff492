/**
 * The condition "the customer is currently in the segment with this code", for any customer
 * listing: `WHERE ${inSegment('c.id', '$3')}` with the code as parameter $3. It is served by the
 * membership key (segment_id, customer_id) WHERE exited_at IS NULL.
 */
export function inSegment(customerIdColumn: string, codePlaceholder: string): string {
  return `EXISTS (SELECT 1 FROM segment_memberships sm JOIN segments sg ON sg.id = sm.segment_id
    WHERE sg.code = ${codePlaceholder} AND sm.customer_id = ${customerIdColumn} AND sm.exited_at IS NULL)`;
}
