import type { ReferencePersonaAnalysis } from '@marea/domain/segments';
import * as fc from 'fast-check';

const LEVELS = ['high', 'medium', 'low', 'zero'] as const;
/** Attribute values analyses are made of; "Baño" is in none (a propensity towards it matches nobody). */
export const PERSONA_VALUES = ['Plantas', 'Huerto', 'Cocina', 'Hogar'];
export const PERSONA_CLUSTER_NAMES = ['Huerto', 'Cocina', 'Jardín', 'Huerto + Plantas'];

/**
 * A persona analysis over the shop's customers 1…customers: done (most of the time), failed or
 * running; finished on one of two days, so analyses sharing a value tie on the day and the id
 * decides which is newest; a random cluster or none per customer.
 */
export const aPersonaAnalysis = (id: number, code: string, customers: number): fc.Arbitrary<ReferencePersonaAnalysis> =>
  fc
    .record({
      status: fc.constantFrom('done' as const, 'done' as const, 'done' as const, 'failed' as const, 'running' as const),
      finishedAt: fc.constantFrom('2025-03-01T10:00:00Z', '2025-06-01T10:00:00Z'),
      values: fc.subarray(PERSONA_VALUES, { minLength: 1 }),
      names: fc.subarray(PERSONA_CLUSTER_NAMES, { minLength: 2 }),
    })
    .chain(({ status, finishedAt, values, names }) =>
      fc
        .record({
          levels: fc.tuple(...names.map(() => fc.array(fc.constantFrom(...LEVELS), { minLength: values.length, maxLength: values.length }))),
          clusterOf: fc.array(fc.option(fc.integer({ min: 0, max: names.length - 1 }), { nil: null, freq: 4 }), {
            minLength: customers,
            maxLength: customers,
          }),
        })
        .map(({ levels, clusterOf }) => ({
          id,
          code,
          status,
          finishedAt: status === 'running' ? null : finishedAt,
          values,
          clusters: names.map((name, cluster) => ({ cluster, name, propensity: levels[cluster] })),
          assignments: clusterOf.flatMap((cluster, i) => (cluster === null ? [] : [{ customerId: i + 1, cluster }])),
        })),
    );

/** Three analyses: two under codes rules name, a third sharing values with them (which one is newest varies). */
export const somePersonaAnalyses = (customers: number) =>
  fc.tuple(aPersonaAnalysis(1, 'gardeners', customers), aPersonaAnalysis(2, 'kitchen', customers), aPersonaAnalysis(3, 'gardeners-2', customers));
