// Reading the user's files and preparing the graph tool's curves: the library's reader, normalisation,
// smoothing and rating, as `tympan compare` uses them.
import {
  type Curve,
  type Design,
  type Normalization,
  TympanError,
  interpolateLogFrequency,
  normalize,
  parseDesignText,
  parseMeasurement,
  preferenceRating,
  smoothFractionalOctave,
  validateDesign,
} from "../../index.js";
import type { CurveData, FileText, GraphCurveInput, GraphOptions, GraphView } from "./protocol.js";
import { targetCurve } from "./targets.js";

/** The graph's frequency axis: 1/48 octave from 20 Hz to 20 kHz (squig.link draws on about the same). */
export const GRAPH_GRID_HZ: readonly number[] = Array.from(
  { length: Math.floor(48 * Math.log2(1000)) + 1 },
  (_, i) => 20 * 2 ** (i / 48),
);

export function readMeasurement({ fileName, text }: FileText): CurveData {
  const curve = parseMeasurement(text, { source: fileName });
  return {
    name: curve.name ?? fileName,
    kind: curve.kind,
    frequencyHz: [...curve.frequencyHz],
    values: [...curve.values],
  };
}

/** A design file's text (JSON; YAML for .yaml/.yml), parsed by the library and validated. */
export function readDesign({ fileName, text }: FileText): Design {
  const format = /\.ya?ml$/i.test(fileName) ? "yaml" : "json";
  const validated = validateDesign(parseDesignText(text, format, fileName));
  if (!validated.ok) throw new TympanError(validated.issues, fileName);
  return validated.value;
}

export function graphCurves(curves: GraphCurveInput[], options: GraphOptions): GraphView {
  const target = targetCurve(options.target);
  const prepared = curves.map(({ id, curve }) => ({
    id,
    ...prepareOrExplain(toCurve(curve), options),
  }));
  const baseline =
    options.baseline === "target"
      ? onGrid(normalizeFor(target, options))
      : prepared.find((curve) => curve.id === options.baseline)?.db;
  const minus = (db: (number | null)[]) =>
    baseline
      ? db.map((v, i) => (v === null || baseline[i] === null ? null : v - baseline[i]!))
      : db;
  return {
    frequencyHz: [...GRAPH_GRID_HZ],
    curves: prepared.map((curve) => ({ ...curve, db: minus(curve.db) })),
    target: {
      name: target.name ?? options.target.base,
      db: minus(onGrid(normalizeFor(target, options))),
    },
  };
}

/** One curve that cannot be prepared (normalised outside its range…) is drawn empty and says why. */
function prepareOrExplain(curve: Curve, options: GraphOptions): PreparedCurve {
  try {
    return prepareCurve(curve, options);
  } catch (error) {
    const issue = error instanceof TympanError ? error.issues[0].message : String(error);
    return { name: curve.name ?? "", db: GRAPH_GRID_HZ.map(() => null), issue };
  }
}

interface PreparedCurve {
  readonly name: string;
  readonly db: (number | null)[];
  readonly rating?: number;
  readonly issue?: string;
}

function prepareCurve(curve: Curve, options: GraphOptions): PreparedCurve {
  const name = curve.name ?? "";
  if (curve.kind !== "response") {
    return {
      name,
      db: GRAPH_GRID_HZ.map(() => null),
      issue: "an impedance curve (Ω): not drawn on this dB graph, and not rated",
    };
  }
  let rating: number | undefined;
  let issue: string | undefined;
  try {
    rating = preferenceRating(curve, targetCurve(options.target)).ppr;
  } catch (error) {
    issue = error instanceof TympanError ? error.issues[0].message : String(error);
  }
  let shown = normalizeFor(curve, options);
  if (options.smoothingOctaveFraction > 0) {
    shown = smoothFractionalOctave(shown, 1 / options.smoothingOctaveFraction);
  }
  return {
    name,
    db: onGrid(shown),
    ...(rating !== undefined ? { rating } : {}),
    ...(issue ? { issue } : {}),
  };
}

function normalizeFor(curve: Curve, options: GraphOptions): Curve {
  const method = normalization(options.normalize);
  return method === undefined ? curve : normalize(curve, method);
}

function normalization(text: string): Normalization | undefined {
  if (text === "none" || text === "") return undefined;
  if (text === "midband" || text === "loudness") return text;
  const hz = Number(text);
  if (!Number.isFinite(hz) || hz <= 0)
    throw new Error(`normalise at "${text}": give a frequency in Hz`);
  // squig.link puts 60 dB at its reference frequency; the same here, so levels look familiar.
  return { at: hz, level: 60 };
}

/** The curve on the graph grid; null outside its measured range (a gap, nothing invented). */
function onGrid(curve: Curve): (number | null)[] {
  const first = curve.frequencyHz[0]!;
  const last = curve.frequencyHz[curve.frequencyHz.length - 1]!;
  const inside = GRAPH_GRID_HZ.filter((f) => f >= first && f <= last);
  const values = inside.length > 0 ? interpolateLogFrequency(curve, inside) : [];
  let next = 0;
  return GRAPH_GRID_HZ.map((f) => (f >= first && f <= last ? values[next++]! : null));
}

function toCurve(data: CurveData): Curve {
  return { kind: data.kind, frequencyHz: data.frequencyHz, values: data.values, name: data.name };
}
