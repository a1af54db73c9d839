// The targets the app offers are the library's built-in targets (the ids `tympan --target` takes),
// with the tone controls applied by the library's adjustTarget, as `--bass/--ear-gain/--treble/--tilt`.
import {
  BUILT_IN_TARGETS,
  type Curve,
  DEFAULT_TARGET_NAME,
  adjustTarget,
  builtInTarget,
  parseMeasurement,
} from "../../index.js";
import {
  type CurveData,
  type FileText,
  type TargetSpec,
  UPLOADED_TARGET_PREFIX,
} from "./protocol.js";
/** The column read from a multi-column target file, as `tympan --target <file>` reads it. */
const TARGET_COLUMN = "target";

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
  const base = spec.curve
    ? // A user's target is unknown to the preference model: ratings against it are informative.
      { curve: { ...spec.curve }, id: "other" as const }
    : builtInTarget(spec.base);
  if (base === undefined) {
    if (spec.base.startsWith(UPLOADED_TARGET_PREFIX)) {
      throw new Error(
        `the target "${spec.base.slice(UPLOADED_TARGET_PREFIX.length)}" is a file that is not loaded here; add the file again or choose a built-in target`,
      );
    }
    throw new Error(
      `no built-in target "${spec.base}"; choose one of ${Object.keys(BUILT_IN_TARGETS).join(", ")}`,
    );
  }
  const { bassDb, earGainDb, trebleDb, tiltDbPerOctave } = spec;
  return adjustTarget(base, { bassDb, earGainDb, trebleDb, tiltDbPerOctave }).curve;
}

/**
 * A target file the user gave: read by the library's reader, its "target" column when it has one
 * (an AutoEq result holds the target beside the headphone's raw curve), as a response in dB.
 */
export function readTarget({ fileName, text }: FileText): CurveData {
  const curve = parseMeasurement(text, {
    source: fileName,
    kind: "response",
    preferColumn: TARGET_COLUMN,
  });
  return {
    name: curve.name ?? fileName,
    kind: "response",
    frequencyHz: [...curve.frequencyHz],
    values: [...curve.values],
  };
}
