import { type Air, STANDARD_AIR } from "../core/air.js";
import { type Issue, TympanError } from "../core/issues.js";
import { type Design, validateDesign } from "../design/design.js";
import { probeResult } from "../simulate/resultShape.js";
import { type DistortionMethod, DistortionModel, thdPercentOf } from "./distortionModel.js";

export type { DistortionMethod };

export interface DistortionOptions {
  /** Fundamental frequencies (Hz, > 0). */
  readonly frequencies: readonly number[];
  /** RMS volts of the design's first voltage source (its open-circuit voltage). */
  readonly voltageRms: number;
  /** Highest harmonic reported, ≥ 2 (default 5; the Volterra path gives 2 and 3 only). */
  readonly harmonics?: number;
  /** Default "harmonic-balance". */
  readonly method?: DistortionMethod;
  readonly air?: Air;
  /**
   * Treat the air in every acousticVolume (the design's cavities, a receiver's front and rear
   * volumes) as adiabatic compression p₀[(V₀/(V₀−ΔV))^γ − 1] instead of a linear spring (default
   * false: it matters only above ≈130 dB inside the cavity, and adds unknowns).
   */
  readonly adiabaticCavities?: boolean;
}

/** A probe's fundamental and harmonics per frequency, levels as `simulate` gives them (dB). */
export interface ProbeDistortion {
  readonly fundamentalDb: number[];
  /** Harmonic number ("2", "3", …) → level per frequency. */
  readonly harmonicsDb: Record<string, number[]>;
  /** √(Σₖ≥₂ |Hₖ|²)/|H₁| × 100 over the harmonics reported. */
  readonly thdPercent: number[];
}

/** What `distortion` returns and `tympan distortion --json` prints. */
export interface DistortionResult {
  readonly frequencyHz: number[];
  readonly voltageRms: number;
  readonly method: DistortionMethod;
  readonly probes: Record<string, ProbeDistortion>;
  readonly warnings?: Issue[];
}

/**
 * Harmonic distortion of a design driven by a sine of `voltageRms` at each frequency: the level
 * of the fundamental and of harmonics 2…N at every probe, and the THD. The drive's moving coils
 * with large-signal curves (dynamicDriver bl1…, kms1…, le1…, Klippel's convention) are nonlinear;
 * everything else is the linear network `simulate` solves. Harmonic balance (the default) finds
 * the periodic steady state at any level; "volterra" gives the leading terms of H2 and H3 in one
 * pass, for low levels. A design without large-signal curves is linear: its harmonics are zero
 * (reported at the level floor, −∞ clamped) and a note says so.
 *
 * Throws a TympanError for an invalid design, bad options or a design without a voltage source.
 */
export function distortion(input: unknown, options: DistortionOptions): DistortionResult {
  const design = validDesign(input);
  const harmonics = options.harmonics ?? 5;
  const method = options.method ?? "harmonic-balance";
  checkOptions(options, harmonics, method);
  const model = new DistortionModel(design, options.air ?? STANDARD_AIR, {
    frequencies: options.frequencies,
    harmonics,
    method,
    ...(options.adiabaticCavities ? { adiabaticCavities: true } : {}),
  });
  const warnings: Issue[] = [];
  if (!model.nonlinear) warnings.push(linearNote());
  const solutions = options.frequencies.map((_, j) => model.solve(j, options.voltageRms));
  const notConverged = options.frequencies.filter((_, j) => !solutions[j]!.converged);
  if (notConverged.length > 0) warnings.push(notConvergedWarning(notConverged));
  return {
    frequencyHz: [...options.frequencies],
    voltageRms: options.voltageRms,
    method,
    probes: probeTables(model, solutions),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** The note a design without nonlinear elements gets. */
export function linearNote(): Issue {
  return {
    code: "no-large-signal-parameters",
    severity: "note",
    path: ["elements"],
    message:
      "no driver in the design has large-signal parameters (bl1…, kms1…, le1…, transduction1…, an electret): it is linear and makes no distortion",
    hint: "give a dynamicDriver Klippel's Bl(x), Kms(x) or Le(x) coefficients, or use a catalogue driver that has them",
  };
}

/** The warning for fundamentals where harmonic balance did not converge. */
export function notConvergedWarning(frequencies: readonly number[]): Issue {
  return {
    code: "harmonic-balance-not-converged",
    severity: "warning",
    path: [],
    message: `harmonic balance did not converge at ${frequencies.map((f) => `${f} Hz`).join(", ")}: the drive is beyond what the large-signal curves describe there (displacement past the polynomials' range); lower the level`,
  };
}

/** Per probe: levels of the fundamental and harmonics, THD, over the fundamentals solved. */
function probeTables(
  model: DistortionModel,
  solutions: readonly { probes: readonly { re: Float64Array; im: Float64Array }[] }[],
): Record<string, ProbeDistortion> {
  const probes: Record<string, ProbeDistortion> = {};
  const count = solutions.length;
  model.ports.probes.forEach(({ id, domain }, p) => {
    const level = (k: number) => {
      const re = new Float64Array(count);
      const im = new Float64Array(count);
      solutions.forEach((solution, j) => {
        re[j] = solution.probes[p]!.re[k]!;
        im[j] = solution.probes[p]!.im[k]!;
      });
      return probeResult(re, im, 1, domain).db;
    };
    const harmonicsDb: Record<string, number[]> = {};
    for (let k = 2; k <= model.reported; k++) harmonicsDb[String(k)] = level(k);
    probes[id] = {
      fundamentalDb: level(1),
      harmonicsDb,
      thdPercent: solutions.map((solution) => thdPercentOf(solution.probes[p]!, model.reported)),
    };
  });
  return probes;
}

/** The design, validated (as `simulate` does), or a TympanError with every issue. */
export function validDesign(input: unknown): Design {
  const validated = validateDesign(input);
  if (!validated.ok) throw new TympanError(validated.issues as [Issue, ...Issue[]]);
  return validated.value;
}

function checkOptions(options: DistortionOptions, harmonics: number, method: DistortionMethod) {
  const issues: Issue[] = [];
  const bad = (path: string, message: string, code: Issue["code"] = "invalid-value") =>
    issues.push({ code, severity: "error", path: [path], message });
  if (!(Number.isFinite(options.voltageRms) && options.voltageRms > 0))
    bad(
      "voltageRms",
      `the drive must be a positive number of volts rms (got ${options.voltageRms})`,
      "invalid-level",
    );
  if (!(Number.isInteger(harmonics) && harmonics >= 2 && harmonics <= 20))
    bad("harmonics", `the highest harmonic must be a whole number from 2 to 20 (got ${harmonics})`);
  if (method !== "harmonic-balance" && method !== "volterra")
    bad("method", `method must be "harmonic-balance" or "volterra" (got ${String(method)})`);
  if (options.frequencies.length === 0)
    bad("frequencies", "give at least one frequency", "no-frequencies");
  for (const f of options.frequencies)
    if (!(Number.isFinite(f) && f > 0))
      bad(
        "frequencies",
        `frequencies must be positive numbers of Hz (got ${f})`,
        "invalid-frequency",
      );
  if (issues.length > 0) throw new TympanError(issues as [Issue, ...Issue[]]);
}
