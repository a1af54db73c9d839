// The targets the app offers, by id, and the tone controls applied to them (the library's
// adjustableTarget, the same as the command line's --bass, --ear-gain, --treble and --tilt).
import {
  type Curve,
  adjustableTarget,
  harmanInEar2019v2,
  harmanInEar2019v2WithoutBass,
} from "../../index.js";
import type { TargetSpec } from "./protocol.js";

/** The built-in targets, under the ids `tympan --target` takes. */
export const TARGETS: Readonly<Record<string, Curve>> = {
  "harman-in-ear-2019v2": harmanInEar2019v2,
  "harman-in-ear-2019v2-without-bass": harmanInEar2019v2WithoutBass,
};

export const DEFAULT_TARGET: TargetSpec = {
  base: "harman-in-ear-2019v2",
  bassDb: 0,
  earGainDb: 0,
  trebleDb: 0,
  tiltDbPerOctave: 0,
};

/** The target curve a spec describes; unknown ids fall back to nothing but an error. */
export function targetCurve(spec: TargetSpec): Curve {
  const base = TARGETS[spec.base];
  if (base === undefined) {
    throw new Error(
      `no built-in target "${spec.base}"; choose one of ${Object.keys(TARGETS).join(", ")}`,
    );
  }
  const { bassDb, earGainDb, trebleDb, tiltDbPerOctave } = spec;
  return adjustableTarget({ base, bassDb, earGainDb, trebleDb, tiltDbPerOctave });
}
