// The targets the app offers are the library's built-in targets (the ids `tympan --target` takes),
// with the tone controls applied by the library's adjustTarget, as `--bass/--ear-gain/--treble/--tilt`.
import {
  BUILT_IN_TARGETS,
  type Curve,
  DEFAULT_TARGET_NAME,
  adjustTarget,
  builtInTarget,
} from "../../index.js";
import type { TargetSpec } from "./protocol.js";

export const DEFAULT_TARGET: TargetSpec = {
  base: DEFAULT_TARGET_NAME,
  bassDb: 0,
  earGainDb: 0,
  trebleDb: 0,
  tiltDbPerOctave: 0,
};

/** Built-in target ids and their display names. */
export function targetList(): { id: string; name: string }[] {
  return Object.entries(BUILT_IN_TARGETS).map(([id, target]) => ({
    id,
    name: target.curve.name ?? id,
  }));
}

/** The target curve a spec describes. */
export function targetCurve(spec: TargetSpec): Curve {
  const base = builtInTarget(spec.base);
  if (base === undefined) {
    throw new Error(
      `no built-in target "${spec.base}"; choose one of ${Object.keys(BUILT_IN_TARGETS).join(", ")}`,
    );
  }
  const { bassDb, earGainDb, trebleDb, tiltDbPerOctave } = spec;
  return adjustTarget(base, { bassDb, earGainDb, trebleDb, tiltDbPerOctave }).curve;
}
