import { type Air, STANDARD_AIR } from "../core/air.js";
import { type Issue, type Result, TympanError, isNonEmpty } from "../core/issues.js";
import { validateDesign } from "../design/design.js";
import { CompiledDesign } from "./compiledDesign.js";
import type { SimulationResult } from "./result.js";

export interface SimulateOptions {
  /** Frequencies in Hz (> 0, finite), in any order. */
  readonly frequencies: ArrayLike<number>;
  /** Air properties; defaults to STANDARD_AIR (docs/physics.md §1). */
  readonly air?: Air;
}

/**
 * Frequencies simulate accepts. Far outside audio the lumped models mean nothing and the equations'
 * scales drift apart until double precision cannot hold them (a microphone-sized network at 1 mHz).
 */
export const FREQUENCY_RANGE_HZ = { from: 0.01, to: 10e6 } as const;

/**
 * Simulates a design (a parsed JSON/YAML object) at the given frequencies: the complex potential of
 * every probe and the impedance seen by the first voltage source. Throws a TympanError carrying every
 * issue when the design is invalid or ill-posed: the errors, then the design's warnings (a length
 * typed in millimetres into metres can make the network ill-conditioned; its warning says so).
 */
export function simulate(design: unknown, options: SimulateOptions): SimulationResult {
  const outcome = trySimulate(design, options);
  if (!outcome.ok) throw new TympanError(outcome.issues);
  return outcome.value;
}

/** Like `simulate`, but returns the issues instead of throwing. */
export function trySimulate(design: unknown, options: SimulateOptions): Result<SimulationResult> {
  const frequencyIssues = [...checkFrequencies(options.frequencies), ...checkAir(options.air)];
  const validated = validateDesign(design);
  if (!validated.ok)
    return { ok: false, issues: errorsFirst([...validated.issues, ...frequencyIssues]) };
  if (isNonEmpty(frequencyIssues)) return { ok: false, issues: frequencyIssues };
  try {
    // The design's own warnings (implausible sizes) come first in the result, then the simulation's.
    const air = options.air ?? STANDARD_AIR;
    const compiled = new CompiledDesign(
      validated.value,
      options.frequencies,
      air,
      validated.warnings,
    );
    return { ok: true, value: compiled.evaluate(), warnings: [] };
  } catch (error) {
    if (error instanceof TympanError)
      return { ok: false, issues: [...error.issues, ...validated.warnings] };
    throw error;
  }
}

/**
 * Compiles a design (a parsed JSON/YAML object) for evaluating again and again at `frequencies`
 * with changed parameters — an interactive editor's redraw, an optimiser's evaluations:
 * `compileDesign(design, { frequencies }).evaluate([{ elementId: "Rmid", parameter: "resistance",
 * value: 47 }])` gives what `simulate` of the edited design gives, in a fraction of the time (see
 * CompiledDesign). Throws a TympanError carrying every issue when the design is invalid or
 * ill-posed, as `simulate` does.
 */
export function compileDesign(design: unknown, options: SimulateOptions): CompiledDesign {
  const frequencyIssues = [...checkFrequencies(options.frequencies), ...checkAir(options.air)];
  const validated = validateDesign(design);
  if (!validated.ok) throw new TympanError(errorsFirst([...validated.issues, ...frequencyIssues]));
  if (isNonEmpty(frequencyIssues)) throw new TympanError(frequencyIssues);
  try {
    const air = options.air ?? STANDARD_AIR;
    return new CompiledDesign(validated.value, options.frequencies, air, validated.warnings);
  } catch (error) {
    // The design's warnings (a size typed in the wrong unit) often explain why it cannot be solved.
    if (error instanceof TympanError)
      throw new TympanError([...error.issues, ...validated.warnings], error.source);
    throw error;
  }
}

/** The errors, then the warnings and notes that came with them (each group in its order). */
function errorsFirst(issues: readonly [Issue, ...Issue[]]): [Issue, ...Issue[]] {
  const errors = issues.filter((issue) => issue.severity === "error");
  const others = issues.filter((issue) => issue.severity !== "error");
  return [...errors, ...others] as [Issue, ...Issue[]];
}

function checkFrequencies(frequencies: ArrayLike<number> | undefined): Issue[] {
  if (
    frequencies === undefined ||
    typeof frequencies.length !== "number" ||
    frequencies.length === 0
  ) {
    return [
      {
        severity: "error",
        code: "no-frequencies",
        path: [],
        message: "give at least one frequency in Hz, e.g. { frequencies: [100, 1000] }",
      },
    ];
  }
  for (let f = 0; f < frequencies.length; f++) {
    const value = frequencies[f];
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      return [
        {
          severity: "error",
          code: "invalid-frequency",
          path: ["frequencies", f],
          message: `frequencies must be finite numbers > 0 Hz (got ${String(value)} at position ${f})`,
        },
      ];
    }
    if (value < FREQUENCY_RANGE_HZ.from || value > FREQUENCY_RANGE_HZ.to) {
      return [
        {
          severity: "error",
          code: "frequency-out-of-range",
          path: ["frequencies", f],
          message: `${value} Hz (position ${f}) is outside ${FREQUENCY_RANGE_HZ.from} Hz–${FREQUENCY_RANGE_HZ.to / 1e6} MHz, the range the lumped and tube models are meant for and tested in`,
        },
      ];
    }
  }
  return [];
}

/** Air properties must be finite and positive (γ above 1): anything else makes every element wrong. */
function checkAir(air: Air | undefined): Issue[] {
  if (air === undefined) return [];
  const issues: Issue[] = [];
  for (const [name, value] of Object.entries(air) as [keyof Air, unknown][]) {
    const floor = name === "heatCapacityRatio" ? 1 : 0;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= floor) {
      issues.push({
        severity: "error",
        code: "invalid-air",
        path: ["air", name],
        message: `air.${name} must be a finite number above ${floor} (got ${String(value)}); STANDARD_AIR holds the usual values`,
      });
    }
  }
  return issues;
}
