/**
 * Rounds half away from zero to `decimals` places, as PostgreSQL rounds `numeric`: computing a
 * total the same way the database stores it is what keeps a re-sent batch `unchanged`.
 * `toPrecision(15)` first removes binary noise (1.005 × 100 = 100.49999999999999).
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

export const roundMoney = (value: number): number => roundTo(value, 2);
