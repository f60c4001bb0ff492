export interface NelderMeadOptions {
  /** Stop when the simplex's values and vertices agree within these absolute tolerances. */
  functionTolerance?: number;
  pointTolerance?: number;
  maxEvaluations?: number;
  /** Side of the first simplex around the start point. */
  initialStep?: number;
}

export interface Minimum {
  point: number[];
  value: number;
  evaluations: number;
}

/**
 * Minimises `f` by the Nelder–Mead simplex method (standard coefficients 1, 2, ½, ½), restarted
 * from its own answer until a restart no longer improves it: the classic guard against a simplex
 * that collapsed before reaching the minimum. Derivative-free, so a likelihood only needs to be
 * evaluated; the CLV fits run it on log-parameters, which keeps every parameter positive.
 * Non-finite values count as +∞, so the search steps back from where a likelihood is undefined.
 */
export function nelderMead(f: (point: number[]) => number, start: readonly number[], options: NelderMeadOptions = {}): Minimum {
  const functionTolerance = options.functionTolerance ?? 1e-10;
  const pointTolerance = options.pointTolerance ?? 1e-10;
  const maxEvaluations = options.maxEvaluations ?? 20_000;
  let evaluations = 0;
  const value = (point: number[]): number => {
    evaluations++;
    const v = f(point);
    return Number.isFinite(v) ? v : Infinity;
  };

  let best: Minimum = { point: [...start], value: value([...start]), evaluations: 0 };
  for (let round = 0; round < 10 && evaluations < maxEvaluations; round++) {
    const next = simplexSearch(value, best.point, options.initialStep ?? 0.5, functionTolerance, pointTolerance, () => evaluations < maxEvaluations);
    const improved = best.value - next.value > functionTolerance;
    if (next.value <= best.value) best = { ...next, evaluations: 0 };
    if (!improved && round > 0) break;
  }
  return { ...best, evaluations };
}

function simplexSearch(
  value: (point: number[]) => number,
  start: number[],
  step: number,
  functionTolerance: number,
  pointTolerance: number,
  mayContinue: () => boolean,
): { point: number[]; value: number } {
  const n = start.length;
  const vertices: number[][] = [start];
  for (let i = 0; i < n; i++) {
    const vertex = [...start];
    vertex[i] += step;
    vertices.push(vertex);
  }
  const values = vertices.map(value);
  const order = vertices.map((_, i) => i);

  while (mayContinue()) {
    order.sort((i, j) => values[i] - values[j]);
    const bestIndex = order[0];
    const worstIndex = order[n];
    const secondWorstIndex = order[n - 1];
    if (hasConverged(vertices, values, bestIndex, functionTolerance, pointTolerance)) break;

    const centroid = new Array<number>(n).fill(0);
    for (const i of order.slice(0, n)) for (let d = 0; d < n; d++) centroid[d] += vertices[i][d] / n;
    const along = (t: number) => centroid.map((c, d) => c + t * (vertices[worstIndex][d] - c));

    const reflected = along(-1);
    const reflectedValue = value(reflected);
    if (reflectedValue < values[bestIndex]) {
      const expanded = along(-2);
      const expandedValue = value(expanded);
      const [point, v] = expandedValue < reflectedValue ? [expanded, expandedValue] : [reflected, reflectedValue];
      vertices[worstIndex] = point;
      values[worstIndex] = v;
    } else if (reflectedValue < values[secondWorstIndex]) {
      vertices[worstIndex] = reflected;
      values[worstIndex] = reflectedValue;
    } else {
      const outside = reflectedValue < values[worstIndex];
      const contracted = along(outside ? -0.5 : 0.5);
      const contractedValue = value(contracted);
      if (contractedValue < (outside ? reflectedValue : values[worstIndex])) {
        vertices[worstIndex] = contracted;
        values[worstIndex] = contractedValue;
      } else {
        for (const i of order.slice(1)) {
          vertices[i] = vertices[i].map((x, d) => vertices[bestIndex][d] + 0.5 * (x - vertices[bestIndex][d]));
          values[i] = value(vertices[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[best]) best = i;
  return { point: vertices[best], value: values[best] };
}

function hasConverged(vertices: number[][], values: number[], bestIndex: number, functionTolerance: number, pointTolerance: number): boolean {
  let valueSpread = 0;
  let pointSpread = 0;
  for (let i = 0; i < vertices.length; i++) {
    valueSpread = Math.max(valueSpread, Math.abs(values[i] - values[bestIndex]));
    for (let d = 0; d < vertices[i].length; d++) pointSpread = Math.max(pointSpread, Math.abs(vertices[i][d] - vertices[bestIndex][d]));
  }
  return valueSpread <= functionTolerance && pointSpread <= pointTolerance;
}
