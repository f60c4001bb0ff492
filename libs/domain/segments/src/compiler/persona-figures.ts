/**
 * The customer's figures from persona analyses (docs/personas.md), as scalar subqueries over
 * `customers c`; NULL when the customer has none, which the value test reads as empty.
 */

/** The name of the customer's cluster in the done analysis with that code (codes are unique). */
export function personaClusterName(code: string): string {
  return (
    `(SELECT pcl.name FROM persona_analyses pan\n` +
    `      JOIN persona_assignments pas ON pas.analysis_id = pan.id AND pas.customer_id = c.id\n` +
    `      JOIN persona_clusters pcl ON pcl.analysis_id = pan.id AND pcl.cluster = pas.cluster\n` +
    `      WHERE pan.code = ${code} AND pan.status = 'done')`
  );
}

/**
 * The propensity level (high, medium, low, zero) of the customer's cluster towards the value, in
 * the newest done analysis whose values include it (latest finish, then highest id); NULL when
 * the customer is not in that analysis.
 */
export function propensityLevel(value: string): string {
  return (
    `(SELECT pcl.propensity[array_position(pan.value_names, ${value})]\n` +
    `      FROM (SELECT id, value_names FROM persona_analyses\n` +
    `            WHERE status = 'done' AND ${value} = ANY(value_names)\n` +
    `            ORDER BY finished_at DESC, id DESC LIMIT 1) pan\n` +
    `      JOIN persona_assignments pas ON pas.analysis_id = pan.id AND pas.customer_id = c.id\n` +
    `      JOIN persona_clusters pcl ON pcl.analysis_id = pan.id AND pcl.cluster = pas.cluster)`
  );
}
