/**
 * Exact decimal numbers for the reference evaluator: a bigint of units of 10^-24. Wide enough
 * for money × rate (2 + 10 decimals) and any value a marketer types, so the reference never
 * rounds where PostgreSQL's numeric does not.
 */
export type Exact = bigint;

const SCALE = 24;
const ONE = 10n ** BigInt(SCALE);

export function exact(value: string | number): Exact {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  const digits = BigInt((whole + fraction) || '0');
  const shift = SCALE - fraction.length + Number(exponent);
  const magnitude = shift >= 0 ? digits * 10n ** BigInt(shift) : digits / 10n ** BigInt(-shift);
  return sign === '-' ? -magnitude : magnitude;
}

export const ZERO: Exact = 0n;

export function times(a: Exact, b: Exact): Exact {
  return (a * b) / ONE;
}

export function timesInteger(a: Exact, n: number): Exact {
  return a * BigInt(n);
}

/** Rounds to `decimals` places, halves away from zero (as PostgreSQL's round(numeric, n)). */
export function round(a: Exact, decimals: number): Exact {
  const unit = 10n ** BigInt(SCALE - decimals);
  const magnitude = a < 0n ? -a : a;
  const rounded = ((magnitude + unit / 2n) / unit) * unit;
  return a < 0n ? -rounded : rounded;
}
