/**
 * The numeric core of Marea's analyses on synthetic data, single-threaded, no database:
 * - persona k-means: customers × 30 attribute values, k = 6, 10 restarts (goal ≤ 30 s at 1M);
 * Times are CPU seconds of the process (wall time is printed too: on a busy machine it is longer).
 * - CLV: BG/NBD + Gamma-Gamma fits on customers drawn from the fitted CDNOW model (goal ≤ 10 s at 1M).
 *
 *   npm run bench:analyses -- [--customers 1000000] [--seed 1]
 */
import {
  compressHistories,
  fitBgNbd,
  fitGammaGamma,
  gammaSample,
  kMeans,
  seededRandom,
  simulateCohort,
  denseMatrix,
} from '@marea/domain/analyses';
import { cpus } from 'node:os';

const args = new Map<string, string>();
process.argv.slice(2).forEach((arg, i, all) => arg.startsWith('--') && args.set(arg.slice(2), all[i + 1]));
const CUSTOMERS = Number(args.get('customers') ?? 1_000_000);
const SEED = Number(args.get('seed') ?? 1);
const VALUES = 30;
const PERSONAS = 6;
const KMEANS_GOAL_MS = 30_000;
const CLV_GOAL_MS = 10_000;

/** Ticket counts per customer and attribute value from six personas, each with its own favourite values. */
function personaMatrix(customers: number, seed: number) {
  const random = seededRandom(seed);
  const profiles = Array.from({ length: PERSONAS }, () => Array.from({ length: VALUES }, () => (random() < 0.2 ? 3 + 5 * random() : 0.3 * random())));
  const matrix = denseMatrix(customers, VALUES);
  for (let i = 0; i < customers; i++) {
    const profile = profiles[Math.floor(random() * PERSONAS)];
    const activity = gammaSample(random, 2, 2); // some customers buy much more than others
    for (let j = 0; j < VALUES; j++) matrix.values[i * VALUES + j] = Math.round(profile[j] * activity * (0.5 + random()));
  }
  return matrix;
}

/** CPU milliseconds of this single-threaded process: wall time lies on a shared machine (both are printed). */
function time<T>(run: () => T): [T, number] {
  const start = process.cpuUsage();
  const wallStart = performance.now();
  const result = run();
  const used = process.cpuUsage(start);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(`    (${(cpuMs / 1000).toFixed(2)} s CPU, ${((performance.now() - wallStart) / 1000).toFixed(2)} s wall)`);
  return [result, cpuMs];
}

function main(): void {
  console.log(`${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}\nanalyses benchmark: ${CUSTOMERS.toLocaleString('en')} customers, seed ${SEED}\n`);

  const [matrix, buildMs] = time(() => personaMatrix(CUSTOMERS, SEED));
  const [clustering, kMeansMs] = time(() => kMeans(matrix, { k: PERSONAS, seed: SEED, restarts: 10 }));
  console.log(`k-means ${CUSTOMERS.toLocaleString('en')} × ${VALUES}, k = ${PERSONAS}, 10 restarts: ${(kMeansMs / 1000).toFixed(2)} s (goal ≤ ${KMEANS_GOAL_MS / 1000} s; matrix built in ${(buildMs / 1000).toFixed(2)} s)`);
  console.log(`  inertia ${clustering.inertia.toExponential(4)}, sizes ${Array.from(clustering.sizes).join(' / ')}, iterations of the best restart ${clustering.iterations}`);
  console.log(`  restart inertias ${clustering.restartInertias.map((v) => v.toExponential(4)).join(', ')}`);

  // The CDNOW fits (weeks), see docs/analyses.md.
  const [cohort, simulateMs] = time(() =>
    simulateCohort({
      customers: CUSTOMERS,
      seed: SEED,
      cohortDays: 84,
      windowDays: 273,
      purchases: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 },
      spend: { p: 6.2488, q: 3.7446, gamma: 15.4477 },
    }),
  );
  const [compressed, compressMs] = time(() => compressHistories(cohort));
  const [purchases, bgNbdMs] = time(() => fitBgNbd(compressed));
  const [spend, gammaGammaMs] = time(() => fitGammaGamma(cohort));
  const clvMs = compressMs + bgNbdMs + gammaGammaMs;
  const p = purchases.parameters;
  console.log(`\nBG/NBD + Gamma-Gamma fit on ${CUSTOMERS.toLocaleString('en')} customers: ${(clvMs / 1000).toFixed(2)} s (goal ≤ ${CLV_GOAL_MS / 1000} s; cohort drawn in ${(simulateMs / 1000).toFixed(2)} s)`);
  console.log(`  compression ${(compressMs / 1000).toFixed(2)} s: ${compressed.repeatPurchases.length.toLocaleString('en')} distinct histories`);
  console.log(`  BG/NBD ${(bgNbdMs / 1000).toFixed(2)} s, ${purchases.evaluations} evaluations: r ${p.r.toFixed(3)}, α ${p.alpha.toFixed(3)}, a ${p.a.toFixed(3)}, b ${p.b.toFixed(3)} (drawn from 0.243, 4.414, 0.793, 2.426)`);
  const s = spend.parameters;
  console.log(`  Gamma-Gamma ${(gammaGammaMs / 1000).toFixed(2)} s, ${spend.evaluations} evaluations on ${spend.customers.toLocaleString('en')} repeat customers: p ${s.p.toFixed(2)}, q ${s.q.toFixed(2)}, γ ${s.gamma.toFixed(2)} (drawn from 6.25, 3.74, 15.45)`);
  const failed = kMeansMs > KMEANS_GOAL_MS || clvMs > CLV_GOAL_MS;
  if (CUSTOMERS >= 1_000_000 && failed) process.exitCode = 1;
}

main();
