import { type Air, STANDARD_AIR } from "../core/air.js";
import { type Issue, TympanError } from "../core/issues.js";
import { probeResult } from "../simulate/resultShape.js";
import { linearNote, notConvergedWarning, validDesign } from "./distortion.js";
import { solvePeriod } from "./harmonicBalance.js";
import { PeriodTransform, samplesFor } from "./harmonics.js";
import { LinearPorts } from "./linearPorts.js";
import { DC_PROXY_HZ, PeriodResponse } from "./periodResponse.js";

export interface IntermodulationOptions {
  /** RMS volts of the low tone at the design's first voltage source. */
  readonly voltageRms: number;
  /** The low tone, Hz (default 60, SMPTE RP120's). */
  readonly lowHz?: number;
  /**
   * The high tone, Hz, a whole multiple of the low one (default 7020 = 117 × 60: SMPTE's 7 kHz
   * moved by 20 Hz so that the two tones share one period, as harmonic balance needs).
   */
  readonly highHz?: number;
  /** Low tone ÷ high tone in amplitude (default 4, SMPTE's 4:1, 12 dB). */
  readonly amplitudeRatio?: number;
  readonly air?: Air;
  /** Every acoustic volume as an adiabatic gas spring, as for `distortion` (default false). */
  readonly adiabaticCavities?: boolean;
}

/** One probe's two-tone figures. */
export interface ProbeIntermodulation {
  /** √(Σ sidebands²)/|high tone| × 100, the sidebands at f₂ ± f₁ and f₂ ± 2f₁. */
  readonly imdPercent: number;
  readonly lowDb: number;
  readonly highDb: number;
  /** "f2-f1", "f2+f1", "f2-2f1", "f2+2f1" → level (dB, as `simulate` gives levels). */
  readonly sidebandsDb: Record<string, number>;
}

export interface IntermodulationResult {
  readonly convention: string;
  readonly lowHz: number;
  readonly highHz: number;
  readonly amplitudeRatio: number;
  readonly voltageRms: number;
  readonly probes: Record<string, ProbeIntermodulation>;
  readonly warnings?: Issue[];
}

/** The harmonic-balance harmonics of the low tone carried beyond the last sideband. */
const EXTRA_HARMONICS = 3;
/** The most harmonics of the low tone solved for (the tones' ratio sets how many are needed). */
const MAX_HARMONICS = 200;

/**
 * Two-tone intermodulation distortion, SMPTE RP120 style: a low tone f₁ and a high tone f₂ = n·f₁
 * (4:1 in amplitude by default) drive the design together; the nonlinear elements modulate the high
 * tone by the low one (a moving coil's Bl(x) and Le(x) as the low tone moves it), putting sidebands
 * at f₂ ± f₁ (second order) and f₂ ± 2f₁ (third order). IMD = √(Σ sidebands²)/|f₂| at each probe.
 * Harmonic balance solves the periodic steady state over the common period 1/f₁, carrying the
 * harmonics of f₁ up to the last sideband and three more (so n·f₁ + 2f₁ + 3f₁); with so many
 * unknowns it uses fixed-point iteration only, which converges wherever the distortion is weak
 * (a warning says where it does not).
 *
 * Throws a TympanError for an invalid design, bad options or a design without a voltage source.
 */
export function intermodulation(
  input: unknown,
  options: IntermodulationOptions,
): IntermodulationResult {
  const design = validDesign(input);
  const lowHz = options.lowHz ?? 60;
  const highHz = options.highHz ?? 7020;
  const ratio = options.amplitudeRatio ?? 4;
  const multiple = Math.round(highHz / lowHz);
  checkOptions(options, lowHz, highHz, ratio, multiple);
  const harmonics = multiple + 2 + EXTRA_HARMONICS;
  const ports = new LinearPorts(design, options.air ?? STANDARD_AIR, {
    adiabaticCavities: options.adiabaticCavities ?? false,
  });
  const grid = [DC_PROXY_HZ, ...Array.from({ length: harmonics }, (_, k) => (k + 1) * lowHz)];
  const response = new PeriodResponse(ports.transfers(grid), lowHz, harmonics, (k) => k);
  const lowPeak = Math.SQRT2 * options.voltageRms;
  const drive = new Map([
    [1, lowPeak],
    [multiple, lowPeak / ratio],
  ]);
  const warnings: Issue[] = [];
  let sources: Parameters<PeriodResponse["respond"]>[3] = [];
  if (ports.elements.length === 0) warnings.push(linearNote());
  else {
    const degree = Math.max(2, ...ports.elements.map((element) => element.degree));
    const transform = new PeriodTransform(harmonics, samplesFor(harmonics, degree));
    const solution = solvePeriod(response, ports.elements, drive, transform, undefined, 0);
    if (!solution.converged) warnings.push(notConvergedWarning([lowHz, highHz]));
    sources = solution.sources;
  }
  const sidebands = {
    "f2-f1": multiple - 1,
    "f2+f1": multiple + 1,
    "f2-2f1": multiple - 2,
    "f2+2f1": multiple + 2,
  };
  const probes: Record<string, ProbeIntermodulation> = {};
  const out = new Float64Array(2);
  ports.probes.forEach(({ id, domain }, p) => {
    const at = (k: number) => {
      response.respond(k, ports.probeOutput(p), drive, sources, out);
      return { re: out[0]! / Math.SQRT2, im: out[1]! / Math.SQRT2 };
    };
    const levelDb = ({ re, im }: { re: number; im: number }) =>
      probeResult(Float64Array.of(re), Float64Array.of(im), 1, domain).db[0]!;
    const high = at(multiple);
    const sidebandsDb: Record<string, number> = {};
    let sum = 0;
    for (const [name, k] of Object.entries(sidebands)) {
      const value = at(k);
      sidebandsDb[name] = levelDb(value);
      sum += value.re ** 2 + value.im ** 2;
    }
    const highMagnitude = Math.hypot(high.re, high.im);
    probes[id] = {
      imdPercent: highMagnitude > 0 ? (100 * Math.sqrt(sum)) / highMagnitude : 0,
      lowDb: levelDb(at(1)),
      highDb: levelDb(high),
      sidebandsDb,
    };
  });
  return {
    convention: `SMPTE RP120-style: ${lowHz} Hz + ${highHz} Hz, ${ratio}:1 in amplitude; IMD = √(Σ sidebands at f2 ± f1, f2 ± 2f1)²/|f2|`,
    lowHz,
    highHz,
    amplitudeRatio: ratio,
    voltageRms: options.voltageRms,
    probes,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

function checkOptions(
  options: IntermodulationOptions,
  lowHz: number,
  highHz: number,
  ratio: number,
  multiple: number,
) {
  const issues: Issue[] = [];
  const bad = (path: string, message: string) =>
    issues.push({ code: "invalid-value", severity: "error", path: [path], message });
  if (!(Number.isFinite(options.voltageRms) && options.voltageRms > 0))
    bad(
      "voltageRms",
      `the drive must be a positive number of volts rms (got ${options.voltageRms})`,
    );
  if (!(Number.isFinite(lowHz) && lowHz > 0))
    bad("lowHz", `the low tone must be a positive number of Hz (got ${lowHz})`);
  if (!(Number.isFinite(ratio) && ratio > 0))
    bad("amplitudeRatio", `the amplitude ratio must be a positive number (got ${ratio})`);
  if (
    !(Number.isFinite(highHz) && highHz > 0) ||
    Math.abs(highHz / lowHz - multiple) > 1e-9 * multiple ||
    multiple < 3
  )
    bad(
      "highHz",
      `the high tone (${highHz} Hz) must be a whole multiple, at least 3, of the low tone (${lowHz} Hz), so the two share one period; e.g. 7020 Hz with 60 Hz`,
    );
  else if (multiple + 2 + EXTRA_HARMONICS > MAX_HARMONICS)
    bad(
      "highHz",
      `the high tone is ${multiple} × the low one: at most ${MAX_HARMONICS - 2 - EXTRA_HARMONICS} × can be solved; raise the low tone or lower the high one`,
    );
  if (issues.length > 0) throw new TympanError(issues as [Issue, ...Issue[]]);
}
