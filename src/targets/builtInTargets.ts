import type { RatedTarget } from "../analysis/scoreCurve.js";
import { type AdjustableTargetOptions, adjustableTarget } from "./adjustableTarget.js";
import { harmanInEar2019v2 } from "./harmanInEar2019v2.js";
import { harmanInEar2019v2WithoutBass } from "./harmanInEar2019v2WithoutBass.js";

/**
 * The built-in targets by name, each with the id the preference model knows it by. The model was
 * fitted with the full Harman in-ear target, so a rating against the one without bass is "other"
 * (informative).
 */
export const BUILT_IN_TARGETS: Readonly<Record<string, RatedTarget>> = Object.freeze({
  "harman-in-ear-2019v2": { curve: harmanInEar2019v2, id: "harman-in-ear-2019v2" },
  "harman-in-ear-2019v2-without-bass": { curve: harmanInEar2019v2WithoutBass, id: "other" },
});

/** The target rating commands use when none is given. */
export const DEFAULT_TARGET_NAME = "harman-in-ear-2019v2";

/** A built-in target by name (BUILT_IN_TARGETS), or undefined. */
export function builtInTarget(name: string): RatedTarget | undefined {
  return Object.hasOwn(BUILT_IN_TARGETS, name) ? BUILT_IN_TARGETS[name] : undefined;
}

/** The graph tools' tone controls on a target, in dB (see adjustableTarget). */
export type ToneControls = Omit<AdjustableTargetOptions, "base">;

/**
 * A target with tone controls applied (adjustableTarget: bass shelf, ear gain, treble shelf, tilt).
 * With every control at 0 (or none given) the target is returned as it is; an adjusted target is
 * rated as "other", since the preference model knows only the unadjusted Harman target.
 */
export function adjustTarget(target: RatedTarget, controls: ToneControls = {}): RatedTarget {
  const adjusted = Object.values(controls).some((value) => value !== undefined && value !== 0);
  if (!adjusted) return target;
  return { curve: adjustableTarget({ ...controls, base: target.curve }), id: "other" };
}
