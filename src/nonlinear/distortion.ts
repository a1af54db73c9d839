import { type Air, STANDARD_AIR } from "../core/air.js";
import { type Issue, TympanError } from "../core/issues.js";
import { type Design, validateDesign } from "../design/design.js";
import { probeResult } from "../simulate/resultShape.js";
import { solvePeriod } from "./harmonicBalance.js";
import { type Harmonics, PeriodTransform, samplesFor } from "./harmonics.js";
import { LinearPorts } from "./linearPorts.js";
import { DC_PROXY_HZ, PeriodResponse } from "./periodResponse.js";
import { volterraSources } from "./volterra.js";

/** How the harmonics are computed (see harmonicBalance.ts and volterra.ts). */
export type DistortionMethod = "harmonic-balance" | "volterra";

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

/** Harmonics harmonic balance carries beyond those reported, so the reported ones are accurate. */
const EXTRA_HARMONICS = 3;

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
  const ports = new LinearPorts(design, options.air ?? STANDARD_AIR);
  const warnings: Issue[] = [];
  if (ports.coils.length === 0) {
    warnings.push({
      code: "no-large-signal-parameters",
      severity: "note",
      path: ["elements"],
      message:
        "no driver in the design has large-signal parameters (bl1…, kms1…, le1…): it is linear and makes no distortion",
      hint: "give a dynamicDriver Klippel's Bl(x), Kms(x) or Le(x) coefficients, or use a catalogue driver that has them",
    });
  }
  const solved = method === "volterra" ? 3 : harmonics + EXTRA_HARMONICS;
  // Columns: the DC proxy, then harmonics 1…K of each fundamental.
  const grid = [DC_PROXY_HZ];
  for (const f of options.frequencies) for (let k = 1; k <= solved; k++) grid.push(k * f);
  const transfers = ports.transfers(grid);
  const curves = ports.coils.map((coil) => coil.curves);
  const degree =
    1 + Math.max(0, ...curves.map((c) => Math.max(c.bl.length, c.kms.length, c.le.length)));
  const transform = new PeriodTransform(solved, samplesFor(solved, degree));
  const drivePeak = Math.SQRT2 * options.voltageRms;
  const count = options.frequencies.length;
  // Per probe, per harmonic 1…N: rms phasors over the frequencies.
  const phasors = ports.probes.map(() =>
    Array.from({ length: harmonics + 1 }, () => ({
      re: new Float64Array(count),
      im: new Float64Array(count),
    })),
  );
  const notConverged: number[] = [];
  const out = new Float64Array(2);
  options.frequencies.forEach((f, j) => {
    const response = new PeriodResponse(transfers, f, solved, (k) =>
      k === 0 ? 0 : 1 + j * solved + (k - 1),
    );
    let sources: readonly (Harmonics | undefined)[] = [];
    if (curves.length > 0) {
      if (method === "volterra") sources = volterraSources(response, curves, drivePeak);
      else {
        const solution = solvePeriod(response, curves, drivePeak, transform);
        if (!solution.converged) notConverged.push(f);
        sources = solution.sources;
      }
    }
    ports.probes.forEach((_, p) => {
      for (let k = 1; k <= Math.min(harmonics, solved); k++) {
        response.respond(
          k,
          ports.probeOutput(p),
          drivePeak,
          k === 1 && method === "volterra" ? [] : sources,
          out,
        );
        phasors[p]![k]!.re[j] = out[0]! / Math.SQRT2;
        phasors[p]![k]!.im[j] = out[1]! / Math.SQRT2;
      }
    });
  });
  if (notConverged.length > 0) {
    warnings.push({
      code: "harmonic-balance-not-converged",
      severity: "warning",
      path: [],
      message: `harmonic balance did not converge at ${notConverged.map((f) => `${f} Hz`).join(", ")}: the drive is beyond what the large-signal curves describe there (displacement past the polynomials' range); lower the level`,
    });
  }
  const probes: Record<string, ProbeDistortion> = {};
  ports.probes.forEach(({ id, domain }, p) => {
    const levels = phasors[p]!.map(({ re, im }) => probeResult(re, im, 1, domain).db);
    const reported = method === "volterra" ? Math.min(harmonics, 3) : harmonics;
    const harmonicsDb: Record<string, number[]> = {};
    for (let k = 2; k <= reported; k++) harmonicsDb[String(k)] = levels[k]!;
    const thdPercent = options.frequencies.map((_, j) => {
      const magnitude = (k: number) => Math.hypot(phasors[p]![k]!.re[j]!, phasors[p]![k]!.im[j]!);
      let sum = 0;
      for (let k = 2; k <= reported; k++) sum += magnitude(k) ** 2;
      const fundamental = magnitude(1);
      return fundamental > 0 ? (100 * Math.sqrt(sum)) / fundamental : 0;
    });
    probes[id] = { fundamentalDb: levels[1]!, harmonicsDb, thdPercent };
  });
  return {
    frequencyHz: [...options.frequencies],
    voltageRms: options.voltageRms,
    method,
    probes,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
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
