/**
 * How busy each month is (January = 0). December (gifts, Reyes in early January) and the
 * spring garden season are the peaks; August is the summer low.
 */
const SHOP_BY_MONTH = [0.95, 0.85, 1.0, 1.15, 1.2, 1.0, 0.85, 0.75, 0.95, 1.0, 1.2, 1.6] as const;

export const PEAK_SHOP_FACTOR = Math.max(...SHOP_BY_MONTH);

/** Demand of each department by month, in DEPARTMENTS order. */
const DEPARTMENT_BY_MONTH: readonly (readonly number[])[] = [
  /* Bebé y niño */ [1.2, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 1.3, 1.9],
  /* Hogar */ [1.1, 0.9, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 1.0, 1.1, 1.3, 1.4],
  /* Huerto ECO */ [0.7, 1.2, 1.8, 2.0, 1.6, 1.1, 0.8, 0.8, 1.2, 1.0, 0.5, 0.5],
  /* Jardín y exterior */ [0.4, 0.5, 1.5, 2.0, 2.2, 1.8, 1.3, 0.9, 0.8, 0.5, 0.4, 0.6],
  /* Plantas */ [0.8, 0.9, 1.4, 1.7, 1.6, 1.2, 0.8, 0.7, 0.9, 0.9, 1.0, 1.5],
  /* Supermercado ECO */ [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.95, 0.9, 1.0, 1.0, 1.05, 1.3],
];

export function shopFactor(month: number): number {
  return SHOP_BY_MONTH[month];
}

export function departmentFactor(departmentIndex: number, month: number): number {
  return DEPARTMENT_BY_MONTH[departmentIndex][month];
}

/** Late November (Black Friday) and January sales bring more discounts. */
export function discountSeasonBoost(month: number, dayOfMonth: number): number {
  if (month === 10 && dayOfMonth >= 20) return 2.5;
  if (month === 0 && dayOfMonth >= 7) return 1.8;
  if (month === 6) return 1.4;
  return 1;
}
