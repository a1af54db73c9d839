import { seededRandom } from "../catalogue/receiverFit/startingPoints.js";
import { logFrequencies } from "../core/frequencyGrid.js";
import { type Issue, TympanError } from "../core/issues.js";
import type { Design } from "../design/design.js";
import type { CompiledDesign } from "../simulate/compiledDesign.js";
import type { SimulationResult } from "../simulate/result.js";
import { compileDesign } from "../simulate/simulate.js";
import { pathError, validDesign } from "./parameterPaths.js";
import {
  type AppliedTolerance,
  type ToleranceOverride,
  parseToleranceOverride,
  resolveTolerances,
  toleranceFactor,
} from "./toleranceSpec.js";

/*
 * The units of a Monte Carlo of part tolerances, built in contiguous ranges: unit k's draws come
 * from its own seeded stream, so a range gives the same numbers wherever and in whatever order it is
 * computed, and ranges merged in order are the single-thread run. What the worker threads of the
 * command line compute; toleranceAnalysis summarises the merged units.
 */

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

/** What fixes the units: the grid, how many, the seed and the tolerances (plain data: it can be posted). */
export interface ToleranceUnitOptions {
  /** Frequencies in Hz (default 200 log-spaced from 20 Hz to 20 kHz). */
  readonly frequencies?: readonly number[];
  /** Units built (default 500). */
  readonly runs?: number;
  /** Seed of the draws (default 1): the same seed gives the same units. */
  readonly seed?: number;
  /** Overrides of the catalogue's tolerances, in order: `<id>.<quantity>=<amount>` or `*=0`. */
  readonly tolerances?: readonly (string | ToleranceOverride)[];
}

/**
 * Units `fromUnit` … `fromUnit + count − 1` of a Monte Carlo. `levels[probeId]` holds count ×
 * frequencies levels in dB, unit-major (unit fromUnit + r at frequency f is levels[r·F + f]);
 * `draws` holds count × tolerances uniform draws u in [−1, 1), unit-major, in the order of the
 * plan's tolerances. Each array owns its whole buffer, so it can be transferred between threads.
 * `unbuilt[r]` is 1 where unit fromUnit + r could not be built as drawn (its levels are 0 and mean
 * nothing), with the lowest such unit's issues in `firstUnbuilt`.
 */
export interface ToleranceUnits {
  readonly fromUnit: number;
  readonly count: number;
  readonly levels: Readonly<Record<string, Float64Array>>;
  readonly draws: Float64Array;
  readonly unbuilt: Uint8Array;
  readonly firstUnbuilt?: UnbuiltUnit;
}

/**
 * A unit the element models or the solver refuse as drawn — an electrostatic tweeter whose film
 * would collapse onto its stator, say: the part combination does not make a working unit.
 */
export interface UnbuiltUnit {
  readonly unit: number;
  readonly issues: readonly Issue[];
}

/** The seed of unit k's own stream: units do not depend on how many were drawn before or where. */
function unitSeed(seed: number, unit: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) + Math.imul(unit + 1, 0x9e3779b1)) >>> 0;
}

/**
 * A Monte Carlo of part tolerances prepared once: the design validated and compiled for the grid
 * (one compilation serves every unit), the tolerances resolved, the nominal response simulated.
 * `units(from, to)` builds any contiguous range of units. Unit k's result depends only on the seed
 * and k: each unit's values are applied to the nominal design (see backToNominal), and the compiled
 * design keeps no other state between evaluations but its pivot order, which the tests check leaves
 * the levels bit for bit unchanged (a unit computed after any other, or first, gives the same bytes).
 */
export class TolerancePlan {
  readonly frequencyHz: readonly number[];
  readonly runs: number;
  readonly seed: number;
  /** The tolerances drawn, with their sources, in the order of each unit's draws. */
  readonly tolerances: readonly AppliedTolerance[];
  readonly probeIds: readonly string[];
  /** Each probe's nominal level in dB at each frequency. */
  readonly nominalDb: Readonly<Record<string, readonly number[]>>;
  /** The probe the yield, pair matching and ranking read ("drum", else the first acoustic probe). */
  readonly probeId: string;
  private readonly compiled: CompiledDesign;
  /** Nominal value of each toleranced parameter, by `${elementId}\0${parameter}`. */
  private readonly nominalValues: Map<string, number>;
  /** Elements with more than one toleranced parameter (see `units`). */
  private readonly jointlyChecked: Set<string>;
  /** Changes in force on such elements, in the order they were made since the nominal design. */
  private inForce: { elementId: string; parameter: string }[] = [];

  /** Throws a TympanError for an invalid design, --runs or tolerance. */
  constructor(raw: unknown, options: ToleranceUnitOptions = {}) {
    const design = validDesign(raw);
    const runs = options.runs ?? TOLERANCE_DEFAULTS.runs;
    if (!Number.isInteger(runs) || runs < 1 || runs > 100_000)
      throw pathError("--runs", `${runs}: give a whole number from 1 to 100000`, "invalid-value");
    this.runs = runs;
    this.seed = options.seed ?? TOLERANCE_DEFAULTS.seed;
    this.frequencyHz = [
      ...(options.frequencies ??
        logFrequencies({ fromHz: 20, toHz: 20_000, points: TOLERANCE_DEFAULTS.points })),
    ];
    const lean: Design = { ...design, probes: design.probes.map(({ id, node }) => ({ id, node })) };
    this.compiled = compileDesign(lean, { frequencies: this.frequencyHz });
    const overrides = (options.tolerances ?? []).map((entry) =>
      typeof entry === "string" ? parseToleranceOverride(entry) : entry,
    );
    this.tolerances = resolveTolerances(this.compiled.design, overrides);
    const nominal = this.compiled.evaluate();
    this.probeIds = lean.probes.map((probe) => probe.id);
    this.nominalDb = Object.fromEntries(
      this.probeIds.map((id) => [id, [...nominal.probes[id]!.db]]),
    );
    this.nominalValues = nominalValues(this.compiled.design, this.tolerances);
    const parametersOf = new Map<string, Set<string>>();
    for (const { elementId, parameter } of this.tolerances)
      parametersOf.set(elementId, (parametersOf.get(elementId) ?? new Set()).add(parameter));
    this.jointlyChecked = new Set(
      [...parametersOf].flatMap(([id, parameters]) => (parameters.size > 1 ? [id] : [])),
    );
    this.probeId = readProbe(nominal, this.probeIds);
  }

  /**
   * Builds units fromUnit … toUnit − 1 (0 ≤ fromUnit < toUnit ≤ runs). `onUnit` is called after
   * each unit with how many of the range are done. A unit the element models or the solver refuse
   * (a drawn value the element's model does not allow) is marked unbuilt, not thrown: such units
   * are part of what a batch yields.
   */
  units(fromUnit: number, toUnit: number, onUnit?: (done: number) => void): ToleranceUnits {
    if (!(Number.isInteger(fromUnit) && Number.isInteger(toUnit)))
      throw new RangeError(`units ${fromUnit}…${toUnit}: give whole unit numbers`);
    if (!(fromUnit >= 0 && fromUnit < toUnit && toUnit <= this.runs))
      throw new RangeError(`units ${fromUnit}…${toUnit}: outside 0…${this.runs}`);
    const count = toUnit - fromUnit;
    const F = this.frequencyHz.length;
    const inputs = this.tolerances.length;
    const levels = Object.fromEntries(this.probeIds.map((id) => [id, new Float64Array(count * F)]));
    const draws = new Float64Array(count * inputs);
    const unbuilt = new Uint8Array(count);
    let firstUnbuilt: UnbuiltUnit | undefined;
    for (let r = 0; r < count; r++) {
      const random = seededRandom(unitSeed(this.seed, fromUnit + r));
      const factors = new Map<string, number>();
      this.tolerances.forEach((item, i) => {
        const u = 2 * random() - 1;
        draws[r * inputs + i] = u;
        const key = `${item.elementId}\u0000${item.parameter}`;
        factors.set(key, (factors.get(key) ?? 1) * toleranceFactor(item, u));
      });
      this.backToNominal();
      try {
        for (const [key, factor] of factors) {
          const [elementId, parameter] = key.split("\u0000") as [string, string];
          this.compiled.setParameter(elementId, parameter, this.nominalValues.get(key)! * factor);
          if (this.jointlyChecked.has(elementId)) this.inForce.push({ elementId, parameter });
        }
        const result = this.compiled.evaluate();
        for (const id of this.probeIds) levels[id]!.set(result.probes[id]!.db, r * F);
      } catch (error) {
        if (!(error instanceof TympanError)) throw error;
        unbuilt[r] = 1;
        firstUnbuilt ??= { unit: fromUnit + r, issues: error.issues };
      }
      onUnit?.(r + 1);
    }
    return { fromUnit, count, levels, draws, unbuilt, ...(firstUnbuilt ? { firstUnbuilt } : {}) };
  }

  /**
   * An element's model checks each edited value with the element's other values as they stand (an
   * electrostatic tweeter's cms against its polarizationVoltage, say), so a unit's values are
   * applied to the nominal element, never to the previous unit's: otherwise whether a unit is
   * accepted would depend on the unit computed before it. Undoing the last unit's changes in
   * reverse order passes through states that were accepted on the way there. An element with one
   * toleranced parameter needs no undoing: its new value replaces the only one that differs.
   */
  private backToNominal(): void {
    for (const { elementId, parameter } of this.inForce.reverse()) {
      const nominal = this.nominalValues.get(`${elementId}\u0000${parameter}`)!;
      this.compiled.setParameter(elementId, parameter, nominal);
    }
    this.inForce = [];
  }
}

/** The shape every range of a plan has: what mergeToleranceUnits checks the parts against. */
export type ToleranceUnitsShape = Pick<
  TolerancePlan,
  "runs" | "frequencyHz" | "tolerances" | "probeIds"
>;

/**
 * Ranges of units of one plan joined in unit order into one: the parts (in any order) must cover
 * units 0 … runs − 1 exactly once, each with the plan's probes and draws. The levels and draws are
 * copied bit for bit, so merging the ranges of any split gives the arrays of the single range.
 */
export function mergeToleranceUnits(
  plan: ToleranceUnitsShape,
  parts: readonly ToleranceUnits[],
): ToleranceUnits {
  const { runs, probeIds } = plan;
  const F = plan.frequencyHz.length;
  const inputs = plan.tolerances.length;
  const sorted = [...parts].sort((a, b) => a.fromUnit - b.fromUnit);
  let next = 0;
  for (const part of sorted) {
    const shaped =
      part.count >= 1 &&
      part.draws.length === part.count * inputs &&
      part.unbuilt?.length === part.count &&
      Object.keys(part.levels).length === probeIds.length &&
      probeIds.every((id) => part.levels[id]?.length === part.count * F);
    if (part.fromUnit !== next || !shaped)
      throw new RangeError(
        `units ${part.fromUnit}…${part.fromUnit + part.count - 1}: expected a range from unit ${next} with ${probeIds.length} probes × ${F} levels and ${inputs} draws per unit`,
      );
    next += part.count;
  }
  if (next !== runs) throw new RangeError(`the parts cover units 0…${next - 1}, not 0…${runs - 1}`);
  const levels = Object.fromEntries(probeIds.map((id) => [id, new Float64Array(runs * F)]));
  const draws = new Float64Array(runs * inputs);
  const unbuilt = new Uint8Array(runs);
  for (const part of sorted) {
    for (const id of probeIds) levels[id]!.set(part.levels[id]!, part.fromUnit * F);
    draws.set(part.draws, part.fromUnit * inputs);
    unbuilt.set(part.unbuilt, part.fromUnit);
  }
  const firstUnbuilt = sorted.find((part) => part.firstUnbuilt !== undefined)?.firstUnbuilt;
  return {
    fromUnit: 0,
    count: runs,
    levels,
    draws,
    unbuilt,
    ...(firstUnbuilt ? { firstUnbuilt } : {}),
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
