import type { ClusterPropensity } from './propensity-levels';

/**
 * A name for a cluster from the attribute values it leans to: its high-propensity values by
 * descending lift, at most `maxValues`, joined with " + " ("Huerto + Plantas"); a cluster with no
 * high value is named after its single strongest one. The name is made only of the shop's own
 * value names, so it needs no translation; the user can rename it.
 */
export function suggestClusterName(propensity: ClusterPropensity, valueNames: readonly string[], maxValues = 3): string {
  const byLift = propensity.lifts.map((lift, j) => ({ lift, j })).sort((a, b) => b.lift - a.lift || a.j - b.j);
  const high = byLift.filter(({ j }) => propensity.levels[j] === 'high').slice(0, maxValues);
  return (high.length > 0 ? high : byLift.slice(0, 1)).map(({ j }) => valueNames[j]).join(' + ');
}
