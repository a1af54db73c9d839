/**
 * The fewest halvings h (0 ≤ h < maxHalvings) of a step after which a cost is within `limit`, as
 * halving one step at a time from h = 0 would find it, in a few evaluations instead of h + 1.
 * `costAt(h)` is the cost after h halvings; `baseCost` the cost at step zero (the centre), below the
 * limit. The search keeps the largest h known to exceed the limit and the smallest known within it,
 * and guesses between them from a power law of the excess, cost − baseCost ∝ stepᵖ: p = 2 (a
 * quadratic valley) until two evaluations measure it, then h = log₂(excess/allowed)/p past the
 * largest h over the limit. A guess that does not halve the bracket is followed by a bisection, so
 * the search never takes more than about twice log₂(maxHalvings) evaluations. Where the cost grows
 * monotonically along the step (a valley's wall), the answer is the one-at-a-time halving's; the
 * search assumes it. Returns undefined when no h < maxHalvings is within the limit.
 */
export function fewestHalvingsWithin(
  costAt: (halvings: number) => number,
  baseCost: number,
  limit: number,
  maxHalvings: number,
): number | undefined {
  const allowed = limit - baseCost;
  const first = costAt(0);
  if (first <= limit) return 0;
  let over = 0;
  let overExcess = first - baseCost;
  let inside = maxHalvings;
  let power = 2;
  // The last evaluation with a positive, finite excess, to measure the power law with the next.
  let measured =
    Number.isFinite(overExcess) && overExcess > 0 ? { h: 0, excess: overExcess } : undefined;
  let bisectNext = false;
  while (inside - over > 1) {
    const width = inside - over;
    const modelled =
      Number.isFinite(overExcess) && overExcess > 0 && allowed > 0
        ? over + Math.ceil(Math.log2(overExcess / allowed) / power)
        : Number.NaN;
    const guess = bisectNext || Number.isNaN(modelled) ? Math.floor((over + inside) / 2) : modelled;
    const h = Math.min(inside - 1, Math.max(over + 1, guess));
    const excess = costAt(h) - baseCost;
    if (excess <= allowed) inside = h;
    else [over, overExcess] = [h, excess];
    if (Number.isFinite(excess) && excess > 0) {
      if (measured !== undefined && measured.h !== h && measured.excess !== excess)
        power = Math.min(8, Math.max(0.5, Math.log2(measured.excess / excess) / (h - measured.h)));
      measured = { h, excess };
    }
    bisectNext = !bisectNext && 2 * (inside - over) > width;
  }
  return inside < maxHalvings ? inside : undefined;
}
