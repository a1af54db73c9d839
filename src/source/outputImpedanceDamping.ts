import { type SourceLoad, dividerGain, indexOf1kHz } from "./sourceLoad.js";

export interface Damping {
  readonly outputImpedanceOhm: number;
  readonly frequencyHz: readonly number[];
  /** Change of the drum level caused by the output impedance: 20·log10|Z/(Z + Zout)| (dB, ≤ 0). */
  readonly changeDb: readonly number[];
  /** The level change at 1 kHz (dB): a volume change only. */
  readonly changeAt1kHzDb: number;
  /**
   * The change of the response's shape: the largest minus the smallest change over the analysed range
   * (dB), with where the loss is least and most. Turning the volume up cannot undo this part.
   */
  readonly spreadDb: number;
  readonly leastLossAtHz: number;
  readonly mostLossAtHz: number;
  /** The largest change relative to the 1 kHz change (dB, signed) and where: the response tilt. */
  readonly worstRelativeTo1kHzDb: number;
  readonly worstRelativeAtHz: number;
}

/**
 * How the source's output impedance reshapes the response (the "damping" or "output impedance"
 * problem of multi-BA IEMs). The IEM is a single-input linear network, so the drum pressure scales
 * with the terminal voltage, which a source of output impedance Zout divides by Z/(Z + Zout): the
 * response changes by exactly 20·log10|Z/(Z + Zout)| at each frequency. An impedance that swings (a
 * BA's rises from tens to hundreds of Ω) turns that into a frequency-dependent change; a flat one (a
 * planar's) into a volume change only.
 */
export function outputImpedanceDamping(load: SourceLoad, outputImpedanceOhm: number): Damping {
  const changeDb = dividerGain(load, outputImpedanceOhm).map((g) => 20 * Math.log10(g));
  const k = indexOf1kHz(load);
  let most = 0;
  let least = 0;
  let worst = 0;
  changeDb.forEach((value, i) => {
    if (value < changeDb[most]!) most = i;
    if (value > changeDb[least]!) least = i;
    if (Math.abs(value - changeDb[k]!) > Math.abs(changeDb[worst]! - changeDb[k]!)) worst = i;
  });
  return {
    outputImpedanceOhm,
    frequencyHz: load.frequencyHz,
    changeDb,
    changeAt1kHzDb: changeDb[k]!,
    spreadDb: changeDb[least]! - changeDb[most]!,
    leastLossAtHz: load.frequencyHz[least]!,
    mostLossAtHz: load.frequencyHz[most]!,
    worstRelativeTo1kHzDb: changeDb[worst]! - changeDb[k]!,
    worstRelativeAtHz: load.frequencyHz[worst]!,
  };
}
