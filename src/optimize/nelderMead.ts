/**
 * Derivative-free minimisation by the Nelder–Mead simplex (Nelder & Mead, Computer Journal 7:308,
 * 1965) with the usual coefficients (reflection 1, expansion 2, contraction ½, shrink ½).
 * Deterministic: the same start gives the same result. Bounds are enforced by clamping every trial
 * point into the box, which keeps the simplex inside without changing the method elsewhere.
 */
export interface NelderMeadOptions {
  /** Lower and upper bound per coordinate (default unbounded). */
  readonly lower?: readonly number[];
  readonly upper?: readonly number[];
  /** Initial simplex edge per coordinate (default 10 % of |x₀|, or 0.1 for zeros). */
  readonly step?: readonly number[];
  readonly maxEvaluations?: number;
  /** Stop when the simplex's values differ by less than this. */
  readonly tolerance?: number;
}

export interface NelderMeadResult {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
}

/**
 * Minimises `objective` over a box by the Nelder–Mead simplex (reflection, expansion, contraction,
 * shrink), with each trial point clamped to the bounds; deterministic for a given start.
 */
export function nelderMead(
  objective: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = start.length;
  const clamp = (x: number[]) =>
    x.map((value, i) =>
      Math.min(options.upper?.[i] ?? Infinity, Math.max(options.lower?.[i] ?? -Infinity, value)),
    );
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const tolerance = options.tolerance ?? 1e-10;
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    const value = objective(x);
    return Number.isFinite(value) ? value : Infinity;
  };
  let simplex = [clamp([...start])];
  for (let i = 0; i < n; i++) {
    const vertex = [...start];
    vertex[i] =
      vertex[i]! + (options.step?.[i] ?? (vertex[i] === 0 ? 0.1 : 0.1 * Math.abs(vertex[i]!)));
    simplex.push(clamp(vertex));
  }
  let values = simplex.map(evaluate);
  const along = (from: number[], to: number[], t: number) =>
    clamp(from.map((value, i) => value + t * (to[i]! - value)));
  while (evaluations < maxEvaluations) {
    const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    if (Math.abs(values[n]! - values[0]!) <= tolerance) break;
    const centroid = Array.from(
      { length: n },
      (_, i) => simplex.slice(0, n).reduce((sum, vertex) => sum + vertex[i]!, 0) / n,
    );
    const worst = simplex[n]!;
    const reflected = along(worst, centroid, 2);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < values[0]!) {
      const expanded = along(worst, centroid, 3);
      const expandedValue = evaluate(expanded);
      [simplex[n], values[n]] =
        expandedValue < reflectedValue ? [expanded, expandedValue] : [reflected, reflectedValue];
    } else if (reflectedValue < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, reflectedValue];
    } else {
      const outside = reflectedValue < values[n]!;
      const contracted = along(worst, centroid, outside ? 1.5 : 0.5);
      const contractedValue = evaluate(contracted);
      if (contractedValue < Math.min(reflectedValue, values[n]!)) {
        [simplex[n], values[n]] = [contracted, contractedValue];
      } else {
        for (let k = 1; k <= n; k++) {
          simplex[k] = along(simplex[0]!, simplex[k]!, 0.5);
          values[k] = evaluate(simplex[k]!);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best]!, value: values[best]!, evaluations };
}
