/**
 * The adjustable target of squig.link-lineage graph tools (docs/measurements.md §3): a base curve plus three
 * RBJ-cookbook filters and a tilt,
 *
 *   target(f) = base(f) + LS(f; 105 Hz, Q 0.707, bassDb) + PK(f; 2750 Hz, Q 1, earGainDb)
 *             + HS(f; 2500 Hz, Q 0.42, trebleDb) + tiltDbPerOctave · log2(f / 1 kHz)
 *
 * with the filters evaluated at 48 kHz (`biquadResponseDb`). The tilt pivots at 1 kHz, so it leaves
 * that frequency unchanged. The bass control is the one listener segments ask for (Olive 2022: 15 %
 * want +4–6 dB, 21 % about −2 dB relative to the Harman target).
 */
import type { Curve } from "../core/curve.js";
import { type Issue, TympanError, isNonEmpty } from "../core/issues.js";
import { type Biquad, biquadResponseDb } from "../eq/biquad.js";
import { harmanInEar2019v2 } from "./harmanInEar2019v2.js";

export interface AdjustableTargetOptions {
  /** Low shelf at 105 Hz, Q 0.707, dB. */
  readonly bassDb?: number;
  /** Peak at 2750 Hz, Q 1, dB. */
  readonly earGainDb?: number;
  /** High shelf at 2500 Hz, Q 0.42, dB. */
  readonly trebleDb?: number;
  /** Tilt in dB per octave, pivoting at 1 kHz. */
  readonly tiltDbPerOctave?: number;
  /** The curve to adjust; the Harman in-ear 2019 v2 target by default. */
  readonly base?: Curve;
}

/** Every control at 0 dB on the Harman in-ear 2019 v2 target: adjustableTarget() with these is the target itself. */
export const ADJUSTABLE_TARGET_DEFAULTS: Required<AdjustableTargetOptions> = {
  bassDb: 0,
  earGainDb: 0,
  trebleDb: 0,
  tiltDbPerOctave: 0,
  base: harmanInEar2019v2,
};

/** The filters behind the controls, as graph tools define them. */
export const ADJUSTABLE_TARGET_FILTERS = Object.freeze({
  bass: { type: "low-shelf", fcHz: 105, q: 0.707 },
  earGain: { type: "peaking", fcHz: 2750, q: 1 },
  treble: { type: "high-shelf", fcHz: 2500, q: 0.42 },
} as const);

/** The frequency the tilt pivots about, Hz. */
export const TILT_PIVOT_HZ = 1000;

/**
 * The base curve adjusted by the bass, ear-gain and treble filters and the tilt (see the module
 * comment), on the base curve's frequencies. Its name says what was adjusted, e.g.
 * "Harman in-ear 2019 v2, bass +6 dB, tilt −1 dB/oct"; with every control at 0 it is the base.
 *
 * @throws TympanError when the base is not a frequency response or a control is not a finite number.
 */
export function adjustableTarget(options: AdjustableTargetOptions = {}): Curve {
  const { bassDb, earGainDb, trebleDb, tiltDbPerOctave, base } = {
    ...ADJUSTABLE_TARGET_DEFAULTS,
    ...options,
  };
  const controls = { bassDb, earGainDb, trebleDb, tiltDbPerOctave };
  const issues: Issue[] = [];
  if (base.kind !== "response") {
    issues.push({
      severity: "error",
      code: "target-needs-response",
      path: ["base", "kind"],
      message: `the base "${base.name ?? "curve"}" is an impedance; an adjustable target needs a frequency response in dB`,
    });
  }
  for (const [key, value] of Object.entries(controls)) {
    if (Number.isFinite(value)) continue;
    issues.push({
      severity: "error",
      code: "invalid-target-control",
      path: [key],
      message: `${key} is ${String(value)}; give a finite number of dB (0 leaves the base as it is)`,
    });
  }
  if (isNonEmpty(issues)) throw new TympanError(issues);
  const frequencies = base.frequencyHz;
  const values = base.values.slice(0, frequencies.length);
  const filters: Biquad[] = [
    { ...ADJUSTABLE_TARGET_FILTERS.bass, gainDb: bassDb },
    { ...ADJUSTABLE_TARGET_FILTERS.earGain, gainDb: earGainDb },
    { ...ADJUSTABLE_TARGET_FILTERS.treble, gainDb: trebleDb },
  ];
  for (const filter of filters) {
    if (filter.gainDb === 0) continue;
    biquadResponseDb(filter, frequencies).forEach((db, i) => {
      values[i] = (values[i] as number) + db;
    });
  }
  if (tiltDbPerOctave !== 0) {
    frequencies.forEach((f, i) => {
      values[i] = (values[i] as number) + tiltDbPerOctave * Math.log2(f / TILT_PIVOT_HZ);
    });
  }
  const adjustments = [
    ["bass", bassDb, "dB"],
    ["ear gain", earGainDb, "dB"],
    ["treble", trebleDb, "dB"],
    ["tilt", tiltDbPerOctave, "dB/oct"],
  ] as const;
  const said = adjustments
    .filter(([, value]) => value !== 0)
    .map(([label, value, unit]) => `${label} ${value > 0 ? "+" : "−"}${Math.abs(value)} ${unit}`);
  const baseName = base.name ?? "target";
  return {
    kind: "response",
    frequencyHz: frequencies,
    values,
    name: said.length === 0 ? baseName : `${baseName}, ${said.join(", ")}`,
  };
}
