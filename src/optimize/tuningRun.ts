import { designCurve } from "../analysis/designCurve.js";
import { TympanError } from "../core/issues.js";
import type { CompiledDesign } from "../simulate/compiledDesign.js";
import { nelderMead } from "./nelderMead.js";
import type { FreeParameter } from "./parameterPaths.js";
import { purchasableNeighbours, purchasableSteps } from "./purchasable.js";
import type { TuningFigures, TuningScore } from "./tuningScore.js";

/** How far a tuning run has come, for a progress line. */
export interface OptimizeProgress {
  readonly stage: "global" | "local" | "snap";
  readonly evaluations: number;
  /** The best cost so far (−rating, or RMS error in dB, plus any constraint penalty). */
  readonly bestCost: number;
}

/** The state of one optimisation: the compiled design, the free parameters, the evaluation count. */
export class TuningRun {
  evaluations = 0;
  stage: OptimizeProgress["stage"] = "global";
  private best = Infinity;

  constructor(
    private readonly compiled: CompiledDesign,
    private readonly free: readonly FreeParameter[],
    private readonly score: TuningScore,
    private readonly onProgress: ((progress: OptimizeProgress) => void) | undefined,
  ) {}

  figures(values: readonly number[]): TuningFigures {
    const result = this.compiled.evaluate(
      this.free.map((p, i) => ({
        elementId: p.elementId,
        parameter: p.parameter,
        value: values[i],
      })),
    );
    return this.score.figures(result);
  }

  /** The level at the probe the rating reads, at `values`. */
  levels(values: readonly number[]): { probeId: string; values: number[] } {
    const result = this.compiled.evaluate(
      this.free.map((p, i) => ({
        elementId: p.elementId,
        parameter: p.parameter,
        value: values[i],
      })),
    );
    const { curve, probeId } = designCurve(result, "design");
    return { probeId, values: [...curve.values] };
  }

  /** The cost at `values`; a network with no solution there is infinitely bad, not an error. */
  cost(values: readonly number[]): number {
    this.evaluations++;
    let cost: number;
    try {
      cost = this.figures(values).cost;
    } catch (error) {
      if (!(error instanceof TympanError)) throw error;
      cost = Infinity;
    }
    if (cost < this.best) this.best = cost;
    if (this.evaluations % 25 === 0)
      this.onProgress?.({ stage: this.stage, evaluations: this.evaluations, bestCost: this.best });
    return cost;
  }

  toUnit(values: readonly number[]): number[] {
    return this.free.map((p, i) => Math.log(values[i]! / p.lower) / Math.log(p.upper / p.lower));
  }

  fromUnit(unit: readonly number[]): number[] {
    return this.free.map((p, i) => p.lower * (p.upper / p.lower) ** unit[i]!);
  }

  /** Nelder–Mead over the parameters `indices` (log-scaled), the others held, from `values`. */
  refine(values: readonly number[], indices: readonly number[], evaluations: number): number[] {
    if (indices.length === 0 || evaluations < indices.length + 2) return [...values];
    const start = this.toUnit(values);
    const place = (u: readonly number[]) => {
      const full = [...start];
      indices.forEach((index, k) => (full[index] = u[k]!));
      return this.fromUnit(full).map((value, i) => (indices.includes(i) ? value : values[i]!));
    };
    const result = nelderMead(
      (u) => this.cost(place(u)),
      indices.map((i) => start[i]!),
      {
        lower: indices.map(() => 0),
        upper: indices.map(() => 1),
        step: indices.map((i) => (start[i]! > 0.9 ? -0.05 : 0.05)),
        maxEvaluations: evaluations,
        tolerance: 1e-6,
      },
    );
    return place(result.x);
  }

  /**
   * Fixes each orderable parameter in turn at the better of its orderable neighbours, the parameters
   * not yet fixed re-optimised for each candidate, then polishes the fixed ones a step at a time.
   */
  snap(values: readonly number[]): number[] {
    const orderable = this.free.flatMap((p, i) => (p.kind === "continuous" ? [] : [i]));
    const continuous = this.free.flatMap((p, i) => (p.kind === "continuous" ? [i] : []));
    let current = [...values];
    const fixed = new Set<number>();
    for (const index of orderable) {
      fixed.add(index);
      const rest = this.free.flatMap((_, i) => (fixed.has(i) ? [] : [i]));
      let bestValues = current;
      let bestCost = Infinity;
      for (const candidate of this.candidates(index, current[index]!)) {
        const trial = [...current];
        trial[index] = candidate;
        const refined = this.refine(trial, rest, 25 * (rest.length + 1));
        const cost = this.cost(refined);
        if (cost < bestCost) [bestValues, bestCost] = [refined, cost];
      }
      current = bestValues;
    }
    // Polish: one series step at a time, the continuous parameters re-optimised briefly.
    let currentCost = this.cost(current);
    for (let pass = 0; pass < 3; pass++) {
      let improved = false;
      for (const index of orderable) {
        for (const step of purchasableSteps(this.free[index]!.kind, current[index]!)) {
          if (!this.inBounds(index, step)) continue;
          const trial = [...current];
          trial[index] = step;
          const refined = this.refine(trial, continuous, 15 * (continuous.length + 1));
          const cost = this.cost(refined);
          if (cost < currentCost - 1e-9) [current, currentCost, improved] = [refined, cost, true];
        }
      }
      if (!improved) break;
    }
    return current;
  }

  /** Orderable neighbours of `value` within the parameter's bounds (the nearest one if none is). */
  private candidates(index: number, value: number): number[] {
    const all = purchasableNeighbours(this.free[index]!.kind, value);
    const inside = all.filter((candidate) => this.inBounds(index, candidate));
    return inside.length > 0 ? inside : all.slice(0, 1);
  }

  private inBounds(index: number, value: number): boolean {
    const p = this.free[index]!;
    return value >= p.lower * (1 - 1e-9) && value <= p.upper * (1 + 1e-9);
  }
}
