import { type Issue, TympanError } from "../core/issues.js";
import type { Design } from "../design/design.js";
import { type DistortionOptions, distortion, validDesign } from "./distortion.js";

export interface DriveForLevelOptions {
  /** The wanted level of the fundamental at the probe, dB (re 20 µPa on an acoustic probe). */
  readonly levelDb: number;
  /** Where the level is set (Hz); reviewers use 1 kHz. */
  readonly frequencyHz: number;
  /** The probe id; default "drum" when the design has one, else its first probe. */
  readonly probe?: string;
  readonly harmonics?: number;
  readonly air?: DistortionOptions["air"];
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
  let voltageRms = 1;
  for (let step = 0; step < 8; step++) {
    const result = distortion(design, {
      frequencies: [frequencyHz],
      voltageRms,
      ...(options.harmonics === undefined ? {} : { harmonics: options.harmonics }),
      ...(options.air === undefined ? {} : { air: options.air }),
    });
    if (result.warnings?.some((w) => w.code === "harmonic-balance-not-converged")) break;
    const missingDb = levelDb - result.probes[probe]!.fundamentalDb[0]!;
    if (Math.abs(missingDb) < 1e-3) return voltageRms;
    voltageRms *= 10 ** (missingDb / 20);
    if (!Number.isFinite(voltageRms) || voltageRms <= 0) break;
  }
  return fail(
    "invalid-level",
    `no drive puts probe "${probe}" at ${levelDb} dB at ${frequencyHz} Hz: the driver's large-signal curves run out before it gets there; ask for a lower level`,
  );
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
