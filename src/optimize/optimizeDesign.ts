import { interpolateLogFrequency } from "../analysis/interpolate.js";
import type { RatedTarget } from "../analysis/scoreCurve.js";
import type { Issue } from "../core/issues.js";
import type { Design } from "../design/design.js";
import { compileDesign } from "../simulate/simulate.js";
import { BUILT_IN_TARGETS, DEFAULT_TARGET_NAME } from "../targets/builtInTargets.js";
import { differentialEvolution } from "./differentialEvolution.js";
import { PURCHASABLE_NAME, type ParameterKind } from "./parameterKinds.js";
import {
  type FreeParameter,
  type FreeParameterRequest,
  parseFreeParameter,
  pathError,
  resolveFreeParameters,
  validDesign,
} from "./parameterPaths.js";
import { type OptimizeProgress, TuningRun } from "./tuningRun.js";
import {
  TUNING_GRID_HZ,
  type TuningFigures,
  type TuningGoal,
  type TuningObjective,
  TuningScore,
} from "./tuningScore.js";

export type { OptimizeProgress };

export interface OptimizeOptions {
  /** The parameters to tune: `<id>.<parameter>[=min:max]` or parsed requests. */
  readonly free: readonly (string | FreeParameterRequest)[];
  /** Default Harman in-ear 2019 v2. */
  readonly target?: RatedTarget;
  /** Default "rating": the in-ear preference rating at the drum probe. */
  readonly objective?: TuningObjective;
  /** Band of the RMS error, Hz; default 20 Hz–10 kHz (the rating's band). */
  readonly bandHz?: readonly [number, number];
  readonly minImpedanceOhm?: number;
  readonly minSensitivityDbPerMw?: number;
  /** Snap to orderable values and re-optimise the rest (default true). */
  readonly snap?: boolean;
  /** Seed of the global search (default 1). */
  readonly seed?: number;
  /** Evaluations for the global and local searches together (default 120 + 180 per parameter). */
  readonly evaluations?: number;
  readonly onProgress?: (progress: OptimizeProgress) => void;
}

/** One tuned parameter: where it started, the continuous optimum and the value chosen. */
export interface TunedValue {
  readonly elementId: string;
  readonly parameter: string;
  readonly kind: ParameterKind;
  readonly unit: string;
  readonly before: number;
  /** The optimum before snapping. */
  readonly continuous: number;
  /** The value in the tuned design (orderable when snapped). */
  readonly after: number;
  /** What the value was snapped to ("E24", "stock damper ratings", … or "continuous"). */
  readonly snappedTo: string;
  readonly lower: number;
  readonly upper: number;
}

export interface OptimizeResult {
  /** The design with the chosen values. */
  readonly design: Design;
  readonly values: readonly TunedValue[];
  readonly before: TuningFigures;
  /** At the continuous optimum, before snapping. */
  readonly continuous: TuningFigures;
  /** The tuned design's figures. */
  readonly after: TuningFigures;
  readonly objective: TuningObjective;
  readonly bandHz: readonly [number, number];
  readonly snapped: boolean;
  readonly evaluations: {
    readonly global: number;
    readonly local: number;
    readonly snap: number;
    readonly total: number;
  };
  /** The drum levels before and after on the tuning grid, and the target there (dB). */
  readonly responses: {
    readonly frequencyHz: readonly number[];
    readonly probeId: string;
    readonly before: readonly number[];
    readonly after: readonly number[];
    readonly target: readonly number[];
  };
  readonly warnings: readonly Issue[];
}

/** Defaults of optimizeDesign: the rating objective, its 20 Hz–10 kHz band, snapping on, seed 1. */
export const OPTIMIZE_DEFAULTS = {
  objective: "rating",
  bandHz: [20, 10_000],
  snap: true,
  seed: 1,
} as const satisfies Partial<OptimizeOptions>;

/** Evaluations of global + local search when none are given, for n free parameters. */
export function defaultEvaluations(count: number): number {
  return 120 + 180 * count;
}

/**
 * Tunes the free parameters of `design` towards a target: a global search (differential evolution
 * over the parameters' log-scaled bounds, the design as it is in the first population), a local one
 * (Nelder–Mead from the best), then — unless `snap` is false — each orderable parameter in turn is
 * set to the orderable value below or above its optimum, whichever is better once the parameters not
 * yet fixed are re-optimised, and the fixed values are polished one step at a time on their series.
 * Evaluations run on the preference model's 121-point grid through one compiled design.
 * Deterministic for a seed. Throws a TympanError for an invalid design or a bad request.
 */
export function optimizeDesign(raw: unknown, options: OptimizeOptions): OptimizeResult {
  const design = validDesign(raw);
  const goal = tuningGoal(options);
  const requests = options.free.map((entry) =>
    typeof entry === "string" ? parseFreeParameter(entry) : entry,
  );
  if (requests.length === 0)
    throw pathError("--free", "name at least one parameter to tune, e.g. --free Rmid.resistance");
  // Per-driver shares cost solves and the tuning reads only the whole response.
  const lean: Design = { ...design, probes: design.probes.map(({ id, node }) => ({ id, node })) };
  const compiled = compileDesign(lean, { frequencies: TUNING_GRID_HZ });
  const free = resolveFreeParameters(compiled.design, requests);
  const run = new TuningRun(
    compiled,
    free,
    new TuningScore(goal, compiled.design),
    options.onProgress,
  );
  const start = free.map((p) => p.value);
  const before = run.figures(start);
  const budget = Math.max(20, Math.floor(options.evaluations ?? defaultEvaluations(free.length)));
  const seed = options.seed ?? OPTIMIZE_DEFAULTS.seed;

  run.stage = "global";
  const global = differentialEvolution((u) => run.cost(run.fromUnit(u)), free.length, {
    seed,
    evaluations: Math.floor(budget * 0.45),
    include: [run.toUnit(start)],
  });
  const globalEvaluations = run.evaluations;
  run.stage = "local";
  let values = run.fromUnit(global.x);
  values = run.refine(
    values,
    free.map((_, i) => i),
    budget - run.evaluations,
  );
  const localEvaluations = run.evaluations - globalEvaluations;
  const continuousValues = values;
  const continuous = run.figures(values);

  const snap = options.snap ?? OPTIMIZE_DEFAULTS.snap;
  run.stage = "snap";
  if (snap) values = run.snap(values);
  const after = run.figures(values);
  const responses = {
    frequencyHz: TUNING_GRID_HZ,
    probeId: run.levels(values).probeId,
    before: run.levels(start).values,
    after: run.levels(values).values,
    target: interpolateLogFrequency(goal.target.curve, TUNING_GRID_HZ),
  };
  const warnings = [...boundWarnings(free, continuousValues), ...constraintWarnings(goal, after)];
  const tuned: Design = {
    ...design,
    elements: design.elements.map((element) => {
      const changes = free.flatMap((p, i) =>
        p.elementId === element.id ? [[p.parameter, values[i]!] as const] : [],
      );
      return changes.length === 0 ? element : { ...element, ...Object.fromEntries(changes) };
    }),
  };
  return {
    design: tuned,
    values: free.map((p, i) => ({
      elementId: p.elementId,
      parameter: p.parameter,
      kind: p.kind,
      unit: p.unit,
      before: p.value,
      continuous: continuousValues[i]!,
      after: values[i]!,
      snappedTo: snap ? PURCHASABLE_NAME[p.kind] : "continuous",
      lower: p.lower,
      upper: p.upper,
    })),
    before,
    continuous,
    after,
    objective: goal.objective,
    bandHz: goal.bandHz,
    snapped: snap,
    evaluations: {
      global: globalEvaluations,
      local: localEvaluations,
      snap: run.evaluations - globalEvaluations - localEvaluations,
      total: run.evaluations,
    },
    responses,
    warnings,
  };
}

function tuningGoal(options: OptimizeOptions): TuningGoal {
  const bandHz = options.bandHz ?? OPTIMIZE_DEFAULTS.bandHz;
  const [from, to] = bandHz;
  if (!(from >= 20) || !(to <= 20_000) || !(to > from * 1.5)) {
    throw pathError(
      "--band",
      `${from}:${to}: give a band within 20–20000 Hz at least half an octave wide, e.g. 20:10000`,
      "invalid-band",
    );
  }
  for (const [flag, value] of [
    ["--min-impedance", options.minImpedanceOhm],
    ["--sensitivity", options.minSensitivityDbPerMw],
  ] as const) {
    if (value !== undefined && !Number.isFinite(value))
      throw pathError(flag, `${value}: give a finite number`, "invalid-value");
  }
  return {
    target: options.target ?? BUILT_IN_TARGETS[DEFAULT_TARGET_NAME]!,
    objective: options.objective ?? OPTIMIZE_DEFAULTS.objective,
    bandHz: [from, to],
    ...(options.minImpedanceOhm === undefined ? {} : { minImpedanceOhm: options.minImpedanceOhm }),
    ...(options.minSensitivityDbPerMw === undefined
      ? {}
      : { minSensitivityDbPerMw: options.minSensitivityDbPerMw }),
  };
}

function boundWarnings(free: readonly FreeParameter[], values: readonly number[]): Issue[] {
  return free.flatMap((p, i): Issue[] => {
    const u = Math.log(values[i]! / p.lower) / Math.log(p.upper / p.lower);
    if (u > 0.005 && u < 0.995) return [];
    const side = u <= 0.005 ? "lower" : "upper";
    return [
      {
        severity: "warning",
        code: "parameter-at-bound",
        path: ["--free", `${p.elementId}.${p.parameter}`],
        elementIds: [p.elementId],
        message: `${p.elementId}.${p.parameter} ended at its ${side} bound (${p.lower}–${p.upper} ${p.unit}): the optimum may lie beyond it`,
        hint: `widen it: --free ${p.elementId}.${p.parameter}=min:max`,
      },
    ];
  });
}

function constraintWarnings(goal: TuningGoal, after: TuningFigures): Issue[] {
  if (after.violationDb <= 1e-6) return [];
  return [
    {
      severity: "warning",
      code: "constraint-missed",
      path: [],
      message: `the tuned design misses its constraints by ${after.violationDb.toFixed(2)} dB in all${goal.minImpedanceOhm === undefined ? "" : `; |Z| min ${after.minImpedanceOhm?.toFixed(1)} Ω against ${goal.minImpedanceOhm} Ω`}${goal.minSensitivityDbPerMw === undefined ? "" : `; sensitivity ${after.sensitivityDbPerMw?.toFixed(1)} dB/mW against ${goal.minSensitivityDbPerMw}`}`,
      hint: "free more parameters or relax --min-impedance / --sensitivity",
    },
  ];
}
