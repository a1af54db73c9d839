import { formatHz, signedDb } from "../core/format.js";
import type { DriveRequirement } from "./driveRequirement.js";
import type { SourceLoad } from "./sourceLoad.js";
import type { SourceMatch } from "./sourceMatch.js";
import { specSheet } from "./specSheet.js";

/** "1.23 V" from 1 up, "12.3 mV" below: three significant digits. */
function milli(value: number, unit: string): string {
  return value >= 1
    ? `${value.toPrecision(3)} ${unit}`
    : `${(value * 1000).toPrecision(3)} m${unit}`;
}

function headroomText(drive: DriveRequirement): string {
  const current =
    drive.currentHeadroomDb === undefined
      ? "current not limited (no --max-current)"
      : `${signedDb(drive.currentHeadroomDb)} dB current`;
  const verdict =
    drive.headroomDb >= 0
      ? `${drive.binding} limits first`
      : `short by ${Math.abs(drive.headroomDb).toFixed(1)} dB (${drive.binding})`;
  return `${signedDb(drive.voltageHeadroomDb)} dB voltage, ${current}: ${verdict}; loudest clean level ${drive.maximumLevelDbSpl.toFixed(1)} dB SPL`;
}

/**
 * One source driving one IEM, as `tympan source --source <preset>` prints it: the source's figures,
 * the drive for the peak level (at the IEM and from the source, with headroom), the hiss at the drum
 * against the threshold of hearing and its assumptions, and the response change from the output
 * impedance. The load's notes are not included: they are Issues for the caller to show.
 */
export function formatSourceMatch(load: SourceLoad, match: SourceMatch): string {
  const { source, drive, hiss, damping } = match;
  const spec = specSheet(load);
  const worst = hiss.bands.find((band) => band.nominalHz === hiss.worstBandHz)!;
  const lines = [
    `${load.name} driven by ${source.name}: ${source.description}`,
    `  source: ${source.outputImpedanceOhm} Ω, ${source.maxVoltageVrms} V rms max, ${source.maxCurrentArms === undefined ? "no current limit given" : `${(source.maxCurrentArms * 1000).toPrecision(3)} mA max`}, noise ${source.noiseMicrovoltsA} µV(A) [${source.provenance}]`,
    `Drive for ${drive.levelDbSpl} dB SPL at the eardrum (a 1 kHz sine, from the 1 kHz sensitivity ${spec.sensitivityDbSplPerVolt.toFixed(1)} dB SPL/V):`,
    `  at the IEM     ${milli(drive.voltageVrms, "V")} rms, ${milli(drive.currentArms, "A")} rms, ${milli(drive.powerW, "W")}`,
    `  from source    ${milli(drive.sourceVoltageVrms, "V")} open-circuit behind ${source.outputImpedanceOhm} Ω; draws up to ${milli(drive.worstCurrentArms, "A")} (at ${formatHz(drive.worstCurrentAtHz)})`,
    `  headroom       ${headroomText(drive)}`,
    `Hiss (${source.noiseMicrovoltsA} µV(A), ${hiss.noiseDensityNanovoltsPerRootHz.toFixed(0)} nV/√Hz white, through the IEM to the eardrum):`,
    `  ${hiss.aWeightedDbSpl.toFixed(1)} dB(A) SPL; loudest band against the threshold: ${formatHz(worst.nominalHz)}, ${worst.levelDbSpl.toFixed(1)} dB SPL vs ${worst.thresholdDbSpl.toFixed(1)} dB`,
    `  verdict: ${hiss.verdict}`,
    `  with this IEM, hiss becomes audible above ${hiss.audibleAboveMicrovoltsA.toFixed(1)} µV(A)`,
    `Output impedance (${source.outputImpedanceOhm} Ω) and the response:`,
    `  level ${signedDb(damping.changeAt1kHzDb, 2)} dB at 1 kHz; the shape changes by ${damping.spreadDb.toFixed(2)} dB (most loss at ${formatHz(damping.mostLossAtHz)}, least at ${formatHz(damping.leastLossAtHz)}); largest change re 1 kHz ${signedDb(damping.worstRelativeTo1kHzDb, 2)} dB at ${formatHz(damping.worstRelativeAtHz)}`,
    ...hiss.assumptions.map((assumption) => `  note: ${assumption}`),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * Every source beside the others on one IEM, as `tympan source` without a source prints it: what the
 * peak level `levelDbSpl` needs at the IEM, then a row per source with its output impedance, maximum
 * voltage, noise, headroom, hiss, hiss against the threshold and the response's shape change.
 */
export function formatSourceComparison(
  load: SourceLoad,
  matches: readonly SourceMatch[],
  levelDbSpl: number,
): string {
  const spec = specSheet(load);
  const drive = matches[0]!.drive;
  const lines = [
    `${load.name} (${spec.sensitivityDbSplPerMilliwatt.toFixed(1)} dB SPL/mW, ${spec.sensitivityDbSplPerVolt.toFixed(1)} dB SPL/V, ${spec.impedanceAt1kHzOhm.toFixed(1)} Ω at 1 kHz) on each source preset:`,
    `${levelDbSpl} dB SPL at 1 kHz needs ${milli(drive.voltageVrms, "V")}, ${milli(drive.currentArms, "A")}, ${milli(drive.powerW, "W")} at the IEM.`,
    "",
    `  ${"source".padEnd(18)} ${"Zout".padStart(6)} ${"max V".padStart(6)} ${"noise".padStart(9)}  ${"headroom".padStart(18)}  ${"hiss".padStart(10)}  ${"vs threshold".padStart(12)}  ${"shape change".padStart(12)}`,
    ...matches.map(({ source, drive: need, hiss, damping }) =>
      [
        `  ${source.name.padEnd(18)}`,
        `${`${source.outputImpedanceOhm} Ω`.padStart(6)}`,
        `${`${source.maxVoltageVrms} V`.padStart(6)}`,
        `${`${source.noiseMicrovoltsA} µV(A)`.padStart(9)} `,
        `${`${signedDb(need.headroomDb)} dB (${need.binding})`.padStart(18)} `,
        `${`${hiss.aWeightedDbSpl.toFixed(1)} dB(A)`.padStart(10)} `,
        `${`${signedDb(hiss.marginDb)} dB`.padStart(12)} `,
        `${`${damping.spreadDb.toFixed(2)} dB`.padStart(12)}`,
      ].join(" "),
    ),
    "",
    "Hiss: the loudest one-third-octave band at the eardrum against the threshold of hearing (> 0: audible in quiet passages).",
    "Shape change: how much the source's output impedance reshapes the response (largest minus smallest level change, 20 Hz–20 kHz).",
    "The presets are illustrative (tympan source <design> --source <preset> shows one in detail, with where its figures come from).",
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * The JSON `tympan source --json` prints: the IEM's name and spec sheet, the level, the load's notes
 * (Issues) and per source its figures, drive, hiss and damping (without the per-frequency arrays).
 */
export function sourceMatchJson(
  load: SourceLoad,
  matches: readonly SourceMatch[],
  levelDbSpl: number,
): object {
  return {
    iem: load.name,
    spec: specSheet(load),
    levelDbSpl,
    notes: load.notes,
    sources: matches.map(({ source, drive, hiss, damping }) => ({
      source,
      drive,
      hiss,
      damping: { ...damping, frequencyHz: undefined, changeDb: undefined },
    })),
  };
}
