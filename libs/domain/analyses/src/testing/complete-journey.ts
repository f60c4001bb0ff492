import { denseMatrix, type DenseMatrix } from '../personas/dense-matrix';
import { readCsvRows } from './published-data';

/**
 * The persona matrix of the Complete Journey sample: for each household, the number of tickets
 * (baskets) containing at least one product of each department — Marea's "purchase frequency" unit.
 */
export function departmentTicketsPerHousehold(): { matrix: DenseMatrix; departments: string[]; households: string[] } {
  const departmentOf = new Map(readCsvRows('completejourney/products.csv').map(([productId, , department]) => [productId, department]));
  const ticketsByHousehold = new Map<string, Map<string, Set<string>>>();
  for (const [household, , basket, product] of readCsvRows('completejourney/transactions_sample.csv')) {
    const department = departmentOf.get(product);
    if (!department) continue;
    const byDepartment = ticketsByHousehold.get(household) ?? new Map<string, Set<string>>();
    byDepartment.set(department, (byDepartment.get(department) ?? new Set()).add(basket));
    ticketsByHousehold.set(household, byDepartment);
  }
  const departments = [...new Set([...ticketsByHousehold.values()].flatMap((byDepartment) => [...byDepartment.keys()]))].sort();
  const households = [...ticketsByHousehold.keys()].sort((a, b) => Number(a) - Number(b));
  const matrix = denseMatrix(households.length, departments.length);
  households.forEach((household, i) => {
    for (const [department, baskets] of ticketsByHousehold.get(household) ?? []) matrix.values[i * departments.length + departments.indexOf(department)] = baskets.size;
  });
  return { matrix, departments, households };
}
