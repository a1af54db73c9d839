import { seededRandom } from "../catalogue/receiverFit/startingPoints.js";

export interface DifferentialEvolutionOptions {
  /** Seed of the population and the moves: the same seed gives the same search. */
  readonly seed: number;
  /** Evaluations to spend, the starting point's included. */
  readonly evaluations: number;
  /** Members of the population (default max(8, 5·dimension), at most a third of the budget). */
  readonly population?: number;
  /** Points to put in the first population as they are (e.g. the design as it is). */
  readonly include?: readonly (readonly number[])[];
  /** Called after each generation. */
  readonly onGeneration?: (evaluations: number, best: number) => void;
}

export interface SearchResult {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
}

/**
 * Global minimisation over the unit cube [0, 1]^n by differential evolution (Storn & Price, J. Global
 * Optimization 11:341, 1997), strategy DE/rand/1/bin with F = 0.6 and CR = 0.9; the first population
 * is a Latin hypercube (plus `include`), a trial that leaves the cube is brought back halfway
 * between its base and the wall it crossed. Non-finite values count as infinitely bad.
 * Deterministic for a seed.
 */
export function differentialEvolution(
  objective: (x: readonly number[]) => number,
  dimension: number,
  options: DifferentialEvolutionOptions,
): SearchResult {
  const random = seededRandom(options.seed);
  const budget = Math.max(1, Math.floor(options.evaluations));
  const size = Math.max(
    4,
    Math.min(options.population ?? Math.max(8, 5 * dimension), Math.floor(budget / 3)),
  );
  let evaluations = 0;
  const evaluate = (x: readonly number[]) => {
    evaluations++;
    const value = objective(x);
    return Number.isFinite(value) ? value : Infinity;
  };
  const population = latinHypercube(size, dimension, random);
  (options.include ?? []).slice(0, size).forEach((point, k) => (population[k] = [...point]));
  const values = population.map(evaluate);
  const F = 0.6;
  const CR = 0.9;
  while (evaluations + size <= budget) {
    for (let i = 0; i < size && evaluations < budget; i++) {
      const [a, b, c] = threeOthers(i, size, random);
      const forced = Math.floor(random() * dimension);
      const trial = population[i]!.map((own, j) => {
        if (j !== forced && random() >= CR) return own;
        const base = population[a]![j]!;
        const moved = base + F * (population[b]![j]! - population[c]![j]!);
        if (moved < 0) return base / 2;
        if (moved > 1) return (base + 1) / 2;
        return moved;
      });
      const value = evaluate(trial);
      if (value <= values[i]!) [population[i], values[i]] = [trial, value];
    }
    options.onGeneration?.(evaluations, Math.min(...values));
  }
  let best = 0;
  for (let i = 1; i < size; i++) if (values[i]! < values[best]!) best = i;
  return { x: population[best]!, value: values[best]!, evaluations };
}

/** `count` points in [0, 1]^dimension, one in each of `count` slices of every coordinate. */
function latinHypercube(count: number, dimension: number, random: () => number): number[][] {
  const points = Array.from({ length: count }, () => new Array<number>(dimension).fill(0));
  for (let j = 0; j < dimension; j++) {
    const slots = Array.from({ length: count }, (_, k) => k);
    for (let k = count - 1; k > 0; k--) {
      const swap = Math.floor(random() * (k + 1));
      [slots[k], slots[swap]] = [slots[swap]!, slots[k]!];
    }
    for (let k = 0; k < count; k++) points[k]![j] = (slots[k]! + random()) / count;
  }
  return points;
}

/** Three distinct members other than `i`. */
function threeOthers(i: number, size: number, random: () => number): [number, number, number] {
  const chosen: number[] = [];
  while (chosen.length < 3) {
    const k = Math.floor(random() * size);
    if (k !== i && !chosen.includes(k)) chosen.push(k);
  }
  return chosen as [number, number, number];
}
