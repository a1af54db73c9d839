import { SPL_REFERENCE_PA } from "../core/air.js";
import type { SourceModel } from "./sourceModel.js";
import { type SourceLoad, dividerGain, impedanceMagnitude, indexOf1kHz } from "./sourceLoad.js";

/** Peak level the drive requirement is computed for by default: 110 dB SPL at the drum. */
export const DEFAULT_PEAK_LEVEL_DB_SPL = 110;

export interface DriveRequirement {
  /** The level asked for: dB SPL at the drum, as the rms level of a 1 kHz sine. */
  readonly levelDbSpl: number;
  /** Across the IEM's terminals at 1 kHz: voltage (V rms), current (A rms), real power (W). */
  readonly voltageVrms: number;
  readonly currentArms: number;
  readonly powerW: number;
  /** The open-circuit voltage the source must produce behind its output impedance (V rms). */
  readonly sourceVoltageVrms: number;
  /**
   * The largest current that open-circuit voltage drives at any frequency (A rms): at the minimum of
   * |Z + Zout|, where music at the same level would draw the most.
   */
  readonly worstCurrentArms: number;
  readonly worstCurrentAtHz: number;
  /** 20·log10(limit / need) for the source's voltage and current (dB; negative: it cannot). */
  readonly voltageHeadroomDb: number;
  /** Undefined when the source gives no current limit. */
  readonly currentHeadroomDb: number | undefined;
  /** Which limit comes first: "voltage" or "current". */
  readonly binding: "voltage" | "current";
  readonly headroomDb: number;
  /** The loudest clean level at 1 kHz: levelDbSpl + headroomDb. */
  readonly maximumLevelDbSpl: number;
}

/**
 * What it takes to play `levelDbSpl` at the drum from `source`, from the 1 kHz sensitivity (the
 * spec-sheet convention: a 1 kHz sine at that level). The terminal voltage is
 * V = 20 µPa·10^(L/20) / |p(1 kHz) per volt|; the source must make V_oc = V·|Z + Zout|/|Z|; the
 * current at 1 kHz is V/|Z| and the power V²·cos φ/|Z|. The current limit is checked at the frequency
 * that draws the most current for that V_oc (the minimum of |Z + Zout|).
 */
export function driveRequirement(
  load: SourceLoad,
  source: SourceModel,
  levelDbSpl = DEFAULT_PEAK_LEVEL_DB_SPL,
): DriveRequirement {
  const k = indexOf1kHz(load);
  const magnitude = impedanceMagnitude(load);
  const voltageVrms = (SPL_REFERENCE_PA * 10 ** (levelDbSpl / 20)) / load.drumPaPerVolt[k]!;
  const currentArms = voltageVrms / magnitude[k]!;
  const powerW = voltageVrms * currentArms * (load.impedanceRe[k]! / magnitude[k]!);
  const divider = dividerGain(load, source.outputImpedanceOhm);
  const sourceVoltageVrms = voltageVrms / divider[k]!;
  let worst = 0;
  let worstCurrentArms = 0;
  load.impedanceRe.forEach((re, i) => {
    const current =
      sourceVoltageVrms / Math.hypot(re + source.outputImpedanceOhm, load.impedanceIm[i]!);
    if (current > worstCurrentArms) {
      worstCurrentArms = current;
      worst = i;
    }
  });
  const voltageHeadroomDb = 20 * Math.log10(source.maxVoltageVrms / sourceVoltageVrms);
  const currentHeadroomDb =
    source.maxCurrentArms === undefined
      ? undefined
      : 20 * Math.log10(source.maxCurrentArms / worstCurrentArms);
  const binding =
    currentHeadroomDb !== undefined && currentHeadroomDb < voltageHeadroomDb
      ? "current"
      : "voltage";
  const headroomDb = binding === "current" ? currentHeadroomDb! : voltageHeadroomDb;
  return {
    levelDbSpl,
    voltageVrms,
    currentArms,
    powerW,
    sourceVoltageVrms,
    worstCurrentArms,
    worstCurrentAtHz: load.frequencyHz[worst]!,
    voltageHeadroomDb,
    currentHeadroomDb,
    binding,
    headroomDb,
    maximumLevelDbSpl: levelDbSpl + headroomDb,
  };
}
