import { type Issue, TympanError } from "../core/issues.js";
import {
  pairMatching,
  quantilesByFrequency,
  varianceShares,
  withinLimits,
} from "./toleranceStatistics.js";
import type { AppliedTolerance } from "./toleranceSpec.js";
import {
  TOLERANCE_DEFAULTS,
  TolerancePlan,
  type ToleranceUnitOptions,
  type ToleranceUnits,
} from "./toleranceUnits.js";

export interface ToleranceOptions extends ToleranceUnitOptions {
  /** Yield: the share of units within ±withinDb of the nominal response over the band. */
  readonly spec?: { readonly withinDb: number; readonly bandHz?: readonly [number, number] };
  /** Pair matching: ±withinDb over the band (default ±1 dB, 20 Hz–10 kHz). */
  readonly pairing?: { readonly withinDb: number; readonly bandHz: readonly [number, number] };
  /** Called every few units with how many are done. */
  readonly onProgress?: (done: number, runs: number) => void;
}

/** The 5th, 50th and 95th percentile of a probe's level (dB) at each frequency, and its nominal. */
export interface ProbeBands {
  readonly nominal: number[];
  readonly p5: number[];
  readonly p50: number[];
  readonly p95: number[];
}

export interface ToleranceAnalysis {
  readonly frequencyHz: number[];
  readonly runs: number;
  readonly seed: number;
  /** The tolerances drawn, with their sources. */
  readonly tolerances: readonly AppliedTolerance[];
  readonly probes: Readonly<Record<string, ProbeBands>>;
  /** The probe yield, pair matching and ranking read ("drum", else the first acoustic probe). */
  readonly probeId: string;
  /**
   * Units that could not be built as drawn (see UnbuiltUnit): they count as failing the yield; the
   * bands, pair matching and ranking are of the units built. Absent when every unit was built.
   */
  readonly unbuilt?: {
    readonly units: number;
    /** The lowest such unit, and why. */
    readonly firstUnit: number;
    readonly reason: string;
  };
  readonly yield?: {
    readonly withinDb: number;
    readonly fromHz: number;
    readonly toHz: number;
    /** Share of units within the spec, 0–1 (of every unit drawn: unbuilt ones fail it). */
    readonly share: number;
    readonly passing: number;
  };
  readonly pairMatching?: {
    readonly withinDb: number;
    readonly fromHz: number;
    readonly toHz: number;
    /** Share of random left/right pairs within ±withinDb over the band. */
    readonly randomPairs: number;
    /** Share of pairs within it when units are sorted by their level at 1 kHz and paired in order. */
    readonly binnedPairs: number;
    /**
     * Random pairs compared: every distinct pair of units (`allPairs`), or where there are more
     * than MAX_COMPARED_PAIRS, SAMPLED_PAIRS drawn at random with the analysis's seed.
     */
    readonly comparedPairs: number;
    readonly allPairs: boolean;
  };
  /** Which tolerances drive the spread over the pairing band, largest share first. */
  readonly ranking?: {
    readonly parts: readonly {
      readonly elementId: string;
      readonly quantity: string;
      readonly share: number;
    }[];
    readonly unexplained: number;
  };
  readonly warnings: readonly Issue[];
}

/**
 * Monte Carlo of part tolerances: `runs` units of `design`, each tolerance drawn uniformly within
 * its limits (a maker's tolerance is a guaranteed limit, and without the maker's distribution the
 * uniform is the least informed choice), simulated through one compiled design. Returns percentile
 * bands per probe, the yield against a spec, pair matching and a variance-based ranking of the parts.
 * Deterministic for a seed; unit k always gets the same draws. Throws a TympanError for an invalid
 * design or tolerance. One thread; the command line spreads the units over worker threads
 * (TolerancePlan, mergeToleranceUnits, summariseTolerance) with the same result.
 */
export function toleranceAnalysis(raw: unknown, options: ToleranceOptions = {}): ToleranceAnalysis {
  const plan = new TolerancePlan(raw, options);
  const { runs } = plan;
  const units = plan.units(0, runs, (done) => {
    if (done % 10 === 0 || done === runs) options.onProgress?.(done, runs);
  });
  return summariseTolerance(plan, units, options);
}

/** What summariseTolerance reads of a plan (plain data: a plan, or one rebuilt elsewhere). */
export type ToleranceSummaryInput = Pick<
  TolerancePlan,
  "frequencyHz" | "runs" | "seed" | "tolerances" | "probeIds" | "nominalDb" | "probeId"
>;

/**
 * The summary of all `units` of a plan (units 0 … runs − 1, e.g. mergeToleranceUnits of its
 * ranges): percentile bands per probe, the yield against options.spec, pair matching and the
 * variance ranking over options.pairing's band (a warning when the grid misses a band).
 */
export function summariseTolerance(
  plan: ToleranceSummaryInput,
  units: ToleranceUnits,
  options: Pick<ToleranceOptions, "spec" | "pairing"> = {},
): ToleranceAnalysis {
  const { runs, seed, tolerances, probeIds, probeId } = plan;
  if (units.fromUnit !== 0 || units.count !== runs)
    throw new RangeError(`summarise all ${runs} units, not ${units.fromUnit}…${units.count - 1}`);
  const frequencyHz = [...plan.frequencyHz];
  const F = frequencyHz.length;
  const warnings: Issue[] = [];
  const { levels, draws, built, unbuilt } = builtUnits(plan, units, warnings);
  const probes = Object.fromEntries(
    probeIds.map((id) => {
      const [p5, p50, p95] = quantilesByFrequency(levels[id]!, built, F, [0.05, 0.5, 0.95]);
      return [id, { nominal: [...plan.nominalDb[id]!], p5: p5!, p50: p50!, p95: p95! }];
    }),
  );
  const read = levels[probeId]!;
  const reference = plan.nominalDb[probeId]!;
  const bandOf = (bandHz: readonly [number, number], what: string) => {
    const band = frequencyHz.flatMap((f, i) => (f >= bandHz[0] && f <= bandHz[1] ? [i] : []));
    if (band.length === 0)
      warnings.push({
        severity: "warning",
        code: "band-not-covered",
        path: [],
        message: `no frequency of the analysis lies in ${bandHz[0]}–${bandHz[1]} Hz, so there is no ${what}`,
      });
    return band;
  };

  let yieldResult: ToleranceAnalysis["yield"];
  if (options.spec !== undefined) {
    const bandHz = options.spec.bandHz ?? TOLERANCE_DEFAULTS.specBandHz;
    const band = bandOf(bandHz, "yield");
    if (band.length > 0) {
      const passing = withinLimits(read, built, F, reference, band, options.spec.withinDb).filter(
        Boolean,
      ).length;
      yieldResult = {
        withinDb: options.spec.withinDb,
        fromHz: bandHz[0],
        toHz: bandHz[1],
        share: passing / runs,
        passing,
      };
    }
  }
  const pairing = options.pairing ?? TOLERANCE_DEFAULTS.pairing;
  const pairBand = bandOf(pairing.bandHz, "pair matching or ranking");
  let pairResult: ToleranceAnalysis["pairMatching"];
  let ranking: ToleranceAnalysis["ranking"];
  if (pairBand.length > 0 && built >= 2) {
    const key = Array.from({ length: built }, (_, r) =>
      levelAt(frequencyHz, read.subarray(r * F, (r + 1) * F), 1000),
    );
    const matched = pairMatching(read, built, F, pairBand, pairing.withinDb, key, seed);
    pairResult = {
      withinDb: pairing.withinDb,
      fromHz: pairing.bandHz[0],
      toHz: pairing.bandHz[1],
      ...matched,
    };
    const shares = varianceShares(draws, tolerances.length, read, built, F, pairBand);
    if (shares !== undefined) {
      ranking = {
        parts: tolerances
          .map((item, i) => ({
            elementId: item.elementId,
            quantity: item.quantity,
            share: shares.shares[i]!,
          }))
          .sort((a, b) => b.share - a.share),
        unexplained: shares.unexplained,
      };
    }
  }
  return {
    frequencyHz,
    runs,
    seed,
    tolerances,
    probes,
    probeId,
    ...(unbuilt ? { unbuilt } : {}),
    ...(yieldResult ? { yield: yieldResult } : {}),
    ...(pairResult ? { pairMatching: pairResult } : {}),
    ...(ranking ? { ranking } : {}),
    warnings,
  };
}

/**
 * The units that were built, their levels and draws packed (unit-major, in unit order), and what
 * to say of the others: a warning, and the result's `unbuilt`. Throws the lowest unit's TympanError
 * when no unit could be built: there is nothing to summarise.
 */
function builtUnits(plan: ToleranceSummaryInput, units: ToleranceUnits, warnings: Issue[]) {
  const { runs, probeIds } = plan;
  const F = plan.frequencyHz.length;
  const inputs = plan.tolerances.length;
  const kept: number[] = [];
  units.unbuilt.forEach((flag, unit) => flag === 0 && kept.push(unit));
  const first = units.firstUnbuilt;
  if (kept.length === runs || first === undefined)
    return { levels: units.levels, draws: units.draws, built: runs, unbuilt: undefined };
  if (kept.length === 0) throw new TympanError(first.issues as [Issue, ...Issue[]]);
  const pack = (from: Float64Array, width: number) => {
    const packed = new Float64Array(kept.length * width);
    kept.forEach((unit, r) =>
      packed.set(from.subarray(unit * width, (unit + 1) * width), r * width),
    );
    return packed;
  };
  const missing = runs - kept.length;
  const reason = first.issues[0]?.message ?? "refused";
  warnings.push({
    severity: "warning",
    code: "units-not-built",
    path: [],
    message: `${missing} of ${runs} units (${((100 * missing) / runs).toFixed(1)} %) could not be built as drawn; they fail the yield, and the bands, pair matching and ranking are of the ${kept.length} built (unit ${first.unit}: ${reason})`,
  });
  return {
    levels: Object.fromEntries(probeIds.map((id) => [id, pack(units.levels[id]!, F)])),
    draws: pack(units.draws, inputs),
    built: kept.length,
    unbuilt: { units: missing, firstUnit: first.unit, reason },
  };
}

/** The level at `atHz`, linear in log f between the grid's neighbours (the nearest end outside it). */
function levelAt(frequencyHz: readonly number[], levels: ArrayLike<number>, atHz: number): number {
  let k = 0;
  while (k + 1 < frequencyHz.length - 1 && frequencyHz[k + 1]! < atHz) k++;
  if (frequencyHz.length === 1) return levels[0]!;
  const t = Math.log(atHz / frequencyHz[k]!) / Math.log(frequencyHz[k + 1]! / frequencyHz[k]!);
  const clamped = Math.min(1, Math.max(0, t));
  return levels[k]! + clamped * (levels[k + 1]! - levels[k]!);
}
