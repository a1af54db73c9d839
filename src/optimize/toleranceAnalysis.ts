import { seededRandom } from "../catalogue/receiverFit/startingPoints.js";
import { logFrequencies } from "../core/frequencyGrid.js";
import type { Issue } from "../core/issues.js";
import type { Design } from "../design/design.js";
import type { ParameterChange } from "../simulate/compiledDesign.js";
import type { SimulationResult } from "../simulate/result.js";
import { compileDesign } from "../simulate/simulate.js";
import { pathError, validDesign } from "./parameterPaths.js";
import {
  pairMatching,
  quantilesByFrequency,
  varianceShares,
  withinLimits,
} from "./toleranceStatistics.js";
import {
  type AppliedTolerance,
  type ToleranceOverride,
  parseToleranceOverride,
  resolveTolerances,
  toleranceFactor,
} from "./toleranceSpec.js";

export interface ToleranceOptions {
  /** Frequencies in Hz (default 200 log-spaced from 20 Hz to 20 kHz). */
  readonly frequencies?: readonly number[];
  /** Units built (default 500). */
  readonly runs?: number;
  /** Seed of the draws (default 1): the same seed gives the same units. */
  readonly seed?: number;
  /** Overrides of the catalogue's tolerances, in order: `<id>.<quantity>=<amount>` or `*=0`. */
  readonly tolerances?: readonly (string | ToleranceOverride)[];
  /** Yield: the share of units within ±withinDb of the nominal response over the band. */
  readonly spec?: { readonly withinDb: number; readonly bandHz?: readonly [number, number] };
  /** Pair matching: ±withinDb over the band (default ±1 dB, 20 Hz–10 kHz). */
  readonly pairing?: { readonly withinDb: number; readonly bandHz: readonly [number, number] };
  /** Called every few units with how many are done. */
  readonly onProgress?: (done: number, runs: number) => void;
}

/**
 * Defaults of toleranceAnalysis: 200 log points over 20 Hz–20 kHz, 500 units, seed 1, the yield
 * over 20 Hz–10 kHz and pairs matched within ±1 dB over 20 Hz–10 kHz (the issue's figure).
 */
export const TOLERANCE_DEFAULTS = {
  points: 200,
  runs: 500,
  seed: 1,
  specBandHz: [20, 10_000],
  pairing: { withinDb: 1, bandHz: [20, 10_000] },
} as const;

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
  readonly yield?: {
    readonly withinDb: number;
    readonly fromHz: number;
    readonly toHz: number;
    /** Share of units within the spec, 0–1. */
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

/** The seed of unit k's own stream: units do not depend on how many were drawn before or where. */
function unitSeed(seed: number, unit: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) + Math.imul(unit + 1, 0x9e3779b1)) >>> 0;
}

/**
 * Monte Carlo of part tolerances: `runs` units of `design`, each tolerance drawn uniformly within
 * its limits (a maker's tolerance is a guaranteed limit, and without the maker's distribution the
 * uniform is the least informed choice), simulated through one compiled design. Returns percentile
 * bands per probe, the yield against a spec, pair matching and a variance-based ranking of the parts.
 * Deterministic for a seed; unit k always gets the same draws. Throws a TympanError for an invalid
 * design or tolerance.
 */
export function toleranceAnalysis(raw: unknown, options: ToleranceOptions = {}): ToleranceAnalysis {
  const design = validDesign(raw);
  const runs = options.runs ?? TOLERANCE_DEFAULTS.runs;
  if (!Number.isInteger(runs) || runs < 1 || runs > 100_000)
    throw pathError("--runs", `${runs}: give a whole number from 1 to 100000`, "invalid-value");
  const seed = options.seed ?? TOLERANCE_DEFAULTS.seed;
  const frequencyHz = [
    ...(options.frequencies ??
      logFrequencies({ fromHz: 20, toHz: 20_000, points: TOLERANCE_DEFAULTS.points })),
  ];
  const lean: Design = { ...design, probes: design.probes.map(({ id, node }) => ({ id, node })) };
  const compiled = compileDesign(lean, { frequencies: frequencyHz });
  const overrides = (options.tolerances ?? []).map((entry) =>
    typeof entry === "string" ? parseToleranceOverride(entry) : entry,
  );
  const tolerances = resolveTolerances(compiled.design, overrides);
  const nominalResult = compiled.evaluate();
  const probeIds = lean.probes.map((probe) => probe.id);
  const F = frequencyHz.length;
  const levels = new Map(probeIds.map((id) => [id, new Float64Array(runs * F)]));
  const draws = new Float64Array(runs * tolerances.length);
  const nominal = nominalValues(compiled.design, tolerances);
  for (let unit = 0; unit < runs; unit++) {
    const random = seededRandom(unitSeed(seed, unit));
    const factors = new Map<string, number>();
    tolerances.forEach((item, i) => {
      const u = 2 * random() - 1;
      draws[unit * tolerances.length + i] = u;
      const key = `${item.elementId}\u0000${item.parameter}`;
      factors.set(key, (factors.get(key) ?? 1) * toleranceFactor(item, u));
    });
    const changes: ParameterChange[] = [...factors].map(([key, factor]) => {
      const [elementId, parameter] = key.split("\u0000") as [string, string];
      return { elementId, parameter, value: nominal.get(key)! * factor };
    });
    const result = compiled.evaluate(changes);
    for (const id of probeIds) levels.get(id)!.set(result.probes[id]!.db, unit * F);
    if ((unit + 1) % 10 === 0 || unit + 1 === runs) options.onProgress?.(unit + 1, runs);
  }

  const probes = Object.fromEntries(
    probeIds.map((id) => {
      const [p5, p50, p95] = quantilesByFrequency(levels.get(id)!, runs, F, [0.05, 0.5, 0.95]);
      return [id, { nominal: [...nominalResult.probes[id]!.db], p5: p5!, p50: p50!, p95: p95! }];
    }),
  );
  const probeId = readProbe(nominalResult, probeIds);
  const read = levels.get(probeId)!;
  const reference = nominalResult.probes[probeId]!.db;
  const warnings: Issue[] = [];
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
      const passing = withinLimits(read, runs, F, reference, band, options.spec.withinDb).filter(
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
  if (pairBand.length > 0 && runs >= 2) {
    const key = Array.from({ length: runs }, (_, r) =>
      levelAt(frequencyHz, read.subarray(r * F, (r + 1) * F), 1000),
    );
    const matched = pairMatching(read, runs, F, pairBand, pairing.withinDb, key);
    pairResult = {
      withinDb: pairing.withinDb,
      fromHz: pairing.bandHz[0],
      toHz: pairing.bandHz[1],
      ...matched,
    };
    const shares = varianceShares(draws, tolerances.length, read, runs, F, pairBand);
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
    ...(yieldResult ? { yield: yieldResult } : {}),
    ...(pairResult ? { pairMatching: pairResult } : {}),
    ...(ranking ? { ranking } : {}),
    warnings,
  };
}

function nominalValues(
  design: Design,
  tolerances: readonly AppliedTolerance[],
): Map<string, number> {
  const values = new Map<string, number>();
  for (const item of tolerances) {
    const element = design.elements.find((candidate) => candidate.id === item.elementId)!;
    const value = (element as unknown as Record<string, unknown>)[item.parameter];
    if (typeof value !== "number") {
      throw pathError(
        "--tolerance",
        `${item.elementId}.${item.quantity}: ${item.elementId} has no ${item.parameter} set to a number to vary`,
        "invalid-parameter",
      );
    }
    values.set(`${item.elementId}\u0000${item.parameter}`, value);
  }
  return values;
}

/** "drum", else the first acoustic probe, else the first probe. */
function readProbe(result: SimulationResult, probeIds: readonly string[]): string {
  if (probeIds.length === 0)
    throw pathError(
      "probes",
      'the design has no probes to analyse; add one, e.g. { "id": "drum", "node": "drum" }',
      "no-probe",
    );
  if (probeIds.includes("drum")) return "drum";
  return probeIds.find((id) => result.probes[id]!.domain === "acoustic") ?? probeIds[0]!;
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
