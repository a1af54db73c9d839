import { STANDARD_AIR } from "../core/air.js";
import { type Issue, TympanError } from "../core/issues.js";
import type { Design } from "../design/design.js";
import { type DistortionOptions, validDesign } from "./distortion.js";
import { probeResult } from "../simulate/resultShape.js";
import { DistortionModel } from "./distortionModel.js";

export interface DriveForLevelOptions {
  /** The wanted level of the fundamental at the probe, dB (re 20 µPa on an acoustic probe). */
  readonly levelDb: number;
  /** Where the level is set (Hz); reviewers use 1 kHz. */
  readonly frequencyHz: number;
  /** The probe id; default "drum" when the design has one, else its first probe. */
  readonly probe?: string;
  readonly harmonics?: number;
  readonly air?: DistortionOptions["air"];
  readonly adiabaticCavities?: boolean;
}

/**
 * The drive (V rms at the design's first voltage source) that puts the fundamental at `levelDb` at
 * the probe and frequency, as reviewers set "THD at 94 dB SPL": the linear estimate, corrected by
 * harmonic balance (a loud driver compresses its fundamental) until within 0.001 dB. Throws a
 * TympanError naming the probe when there is none, or when no drive reaches the level.
 */
export function driveForLevel(input: unknown, options: DriveForLevelOptions): number {
  const design = validDesign(input);
  const probe = chooseProbe(design, options.probe);
  const { levelDb, frequencyHz } = options;
  if (!Number.isFinite(levelDb))
    fail("invalid-level", `the level must be a number of dB (got ${levelDb})`);
  const model = new DistortionModel(design, options.air ?? STANDARD_AIR, {
    frequencies: [frequencyHz],
    harmonics: options.harmonics ?? 5,
    method: "harmonic-balance",
    ...(options.adiabaticCavities ? { adiabaticCavities: true } : {}),
  });
  const probeIndex = model.ports.probes.findIndex((p) => p.id === probe);
  const voltageRms = levelDrive(model, probeIndex, levelDb);
  if (voltageRms !== undefined) return voltageRms;
  return fail(
    "invalid-level",
    `no drive puts probe "${probe}" at ${levelDb} dB at ${frequencyHz} Hz: the driver's large-signal curves run out before it gets there; ask for a lower level`,
  );
}

/**
 * The drive (V rms) putting the fundamental of `model`'s first frequency at `levelDb` at probe
 * `probeIndex`, or undefined when no drive does. It starts from a millivolt, where every driver is
 * linear, and corrects the drive by the level still missing (the fundamental is nearly linear in
 * the drive), Newton starting from the last solution; where harmonic balance fails (the curves run
 * out), it steps back halfway in dB towards the last level solved. The network is solved once.
 */
export function levelDrive(
  model: DistortionModel,
  probeIndex: number,
  levelDb: number,
): number | undefined {
  const domain = model.ports.probes[probeIndex]!.domain;
  let voltageRms = 1e-3;
  let lastSolved: number | undefined;
  let start: ReturnType<DistortionModel["solve"]>["sources"] | undefined;
  for (let step = 0; step < 30; step++) {
    const solution = model.solve(0, voltageRms, start);
    if (!solution.converged) {
      if (lastSolved === undefined || voltageRms / lastSolved < 1 + 1e-4) return undefined;
      voltageRms = Math.sqrt(voltageRms * lastSolved);
      continue;
    }
    lastSolved = voltageRms;
    start = solution.sources;
    const fundamental = solution.probes[probeIndex]!;
    if (!(Math.hypot(fundamental.re[1]!, fundamental.im[1]!) > 0)) return undefined;
    const at = probeResult(fundamental.re.subarray(1, 2), fundamental.im.subarray(1, 2), 1, domain);
    const missingDb = levelDb - at.db[0]!;
    if (Math.abs(missingDb) < 1e-3) return voltageRms;
    voltageRms *= 10 ** (missingDb / 20);
    if (!Number.isFinite(voltageRms) || voltageRms <= 0) return undefined;
  }
  return undefined;
}

/** The probe a level refers to: the one named, else "drum", else the first (of a valid design). */
export function chooseProbe(input: unknown, wanted: string | undefined): string {
  const design: Design = validDesign(input);
  const ids = design.probes.map((probe) => probe.id);
  if (wanted !== undefined && !ids.includes(wanted))
    fail(
      "unknown-probe",
      `the design has no probe "${wanted}" (probes: ${ids.join(", ") || "none"})`,
    );
  const chosen = wanted ?? (ids.includes("drum") ? "drum" : ids[0]);
  if (chosen === undefined)
    fail("no-probe", "the design has no probes, so no level can be set: add one at the eardrum");
  return chosen!;
}

function fail(code: Issue["code"], message: string): never {
  throw new TympanError([{ code, severity: "error", path: [], message }]);
}
