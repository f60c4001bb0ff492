import { compileSegmentRule, evaluateSegmentRule, parseSegmentRule } from '@marea/domain/segments';
import { useTestDatabase } from '@marea/testing';
import * as fc from 'fast-check';
import { anyRule, anyMoment } from './differential/arbitrary-rule';
import { anyShop } from './differential/arbitrary-shop';
import { insertReferenceShop } from './differential/insert-reference-shop';
import { readSegmentCatalogue } from './read-segment-catalogue';
import { selectSegmentMembers } from './select-segment-members';

/**
 * The differential test of the segment compiler (docs/segment-rules.md): random rules over
 * random shops must select exactly the customers the reference evaluator selects, with either
 * plan of the SQL (per-customer and whole-base). A shop is
 * inserted once and many rules are evaluated against it; each run draws new shops.
 *
 * CI size: 3,000 rules over 3 shops. Nightly size, started by hand:
 *   SEGMENT_DIFF_RUNS=50000 npx nx test infra-persistence --testFile=segment-sql-differential
 * A failure prints its seed; SEGMENT_DIFF_SEED=<seed> replays it.
 */
const runs = Number(process.env['SEGMENT_DIFF_RUNS'] ?? 3000);
const shops = Math.max(3, Math.ceil(runs / 2000));
const seed = Number(process.env['SEGMENT_DIFF_SEED'] ?? Date.now() % 2_147_483_647);
const CUSTOMERS_PER_SHOP = 40;

describe('compiled segment SQL agrees with the reference evaluator', () => {
  const db = useTestDatabase();

  it.each(Array.from({ length: shops }, (_, i) => [i + 1]))(
    'on random shop %i, for random rules at random moments',
    async (shopNumber) => {
      const [shop] = fc.sample(anyShop(CUSTOMERS_PER_SHOP), { numRuns: 1, seed: seed + shopNumber });
      await insertReferenceShop(db().dataSource, shop);
      const catalogue = await readSegmentCatalogue(db().dataSource);
      let selective = 0;
      const numRuns = Math.ceil(runs / shops);
      await fc.assert(
        fc.asyncProperty(anyRule, anyMoment, async (input, now) => {
          const parsed = parseSegmentRule(input);
          if ('problems' in parsed) throw new Error(`a valid rule was refused: ${JSON.stringify(parsed.problems)}`);
          const fromReference = evaluateSegmentRule(parsed.rule, shop, now).map(String);
          for (const plan of ['per-customer', 'whole-base'] as const) {
            const compiled = compileSegmentRule(input, { now, catalogue, plan });
            if (!compiled.ok) throw new Error(`a valid rule was refused: ${JSON.stringify(compiled.problems)}`);
            expect({ plan, members: await selectSegmentMembers(db().dataSource, compiled) }).toEqual({ plan, members: fromReference });
          }
          if (fromReference.length > 0 && fromReference.length < shop.customers.length) selective++;
        }),
        { numRuns, seed: seed + shopNumber },
      ).catch((error: Error) => {
        throw new Error(`shop ${shopNumber} of seed ${seed} (replay with SEGMENT_DIFF_SEED=${seed}):\n${error.message}`);
      });
      // Agreement on rules that select everyone or no one would prove little.
      expect(selective / numRuns).toBeGreaterThan(0.3);
    },
    Math.max(60_000, runs * 200),
  );
});
