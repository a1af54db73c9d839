// Reading the user's files and preparing the graph tool's curves: the library's reader, normalisation,
// smoothing and rating, as `tympan compare` uses them.
import {
  type Comparison,
  type Curve,
  type Design,
  type Normalization,
  TympanError,
  averageChannels,
  channelImbalance,
  compareCurves,
  parseDesignText,
  parseMeasurement,
  phoneBookFiles,
  validateDesign,
} from "../../index.js";
import type {
  CurveData,
  FileText,
  GraphCurveInput,
  GraphOptions,
  ChannelAverage,
  GraphView,
  PhoneBookView,
} from "./protocol.js";
import { targetCurve } from "./targets.js";

/** A squig.link phone_book.json: the phones it lists and their file stems (library's phoneBookFiles). */
export function readPhoneBook({ fileName, text }: FileText): PhoneBookView {
  let book: unknown;
  try {
    book = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TympanError(
      [
        {
          code: "syntax-error",
          severity: "error",
          path: [],
          message: `JSON syntax error: ${reason}`,
        },
      ],
      fileName,
    );
  }
  const { files, skipped } = phoneBookFiles(book, fileName);
  return { files, skipped: skipped.map((entry) => `${entry.source}: ${entry.reason}`) };
}

export function readMeasurement({ fileName, text, name }: FileText): CurveData {
  const curve = parseMeasurement(text, {
    source: fileName,
    ...(name !== undefined ? { name } : {}),
  });
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

/**
 * The graph: the library's compareCurves (the same overlay, normalisation, smoothing, baseline and
 * ratings as `tympan compare`). A curve it cannot take (an impedance, a curve that misses the
 * normalisation frequency) is left out with the library's reason, and the rest are compared: one
 * bad file must not empty the graph.
 */
export function graphCurves(curves: GraphCurveInput[], options: GraphOptions): GraphView {
  const target = targetCurve(options.target);
  const excluded = new Map<string, string>();
  for (const { id, curve } of curves) {
    if (curve.kind !== "response") {
      excluded.set(id, "an impedance curve (Ω): not drawn on this dB graph, and not rated");
    }
  }
  for (;;) {
    const included = curves.filter(({ id }) => !excluded.has(id));
    const baselineIndex = included.findIndex(({ id }) => id === options.baseline);
    try {
      const comparison = compareCurves(
        included.map(({ id, curve }) => ({ label: id, curve: toCurve(curve) })),
        {
          target,
          normalization: normalization(options.normalize),
          ...(options.smoothingOctaveFraction > 0
            ? { smoothingFraction: 1 / options.smoothingOctaveFraction }
            : {}),
          ...(baselineIndex >= 0 ? { baseline: baselineIndex } : {}),
        },
      );
      return graphView(curves, comparison, excluded, options.baseline === "target");
    } catch (error) {
      const label = error instanceof TympanError ? error.source : undefined;
      if (label === undefined || !included.some(({ id }) => id === label)) throw error;
      excluded.set(label, (error as TympanError).issues[0].message);
    }
  }
}

function graphView(
  inputs: GraphCurveInput[],
  comparison: Comparison,
  excluded: ReadonlyMap<string, string>,
  relativeToTarget: boolean,
): GraphView {
  const compared = new Map(comparison.curves.map((curve) => [curve.label, curve]));
  const empty = comparison.grid.map(() => null);
  return {
    frequencyHz: [...comparison.grid],
    curves: inputs.map(({ id, curve }) => {
      const result = compared.get(id);
      if (result === undefined)
        return { id, name: curve.name, db: empty, issue: excluded.get(id) ?? "" };
      return {
        id,
        name: result.name,
        // "Baseline: the target" shows each curve's deviation from it (the target is then 0 dB).
        db: [...(relativeToTarget ? result.deviationDb : result.levelDb)],
        ...(result.rating !== undefined
          ? { rating: result.rating }
          : { issue: "not rated: the in-ear model needs 20 Hz–10 kHz" }),
      };
    }),
    target: {
      name: comparison.target.name,
      db: relativeToTarget ? comparison.grid.map(() => 0) : [...comparison.target.levelDb],
    },
  };
}

function normalization(text: string): Normalization {
  if (text === "midband" || text === "loudness") return text;
  const hz = Number(text);
  if (!Number.isFinite(hz) || hz <= 0)
    throw new Error(`normalise at "${text}": give a frequency in Hz`);
  // squig.link puts 60 dB at its reference frequency; the same here, so levels look familiar.
  return { at: hz, level: 60 };
}

function toCurve(data: CurveData): Curve {
  return { kind: data.kind, frequencyHz: data.frequencyHz, values: data.values, name: data.name };
}

/** L and R averaged (the library's averageChannels) with the imbalance (channelImbalance, 2 dB). */
export function averageLeftRight(request: {
  left: CurveData;
  right: CurveData;
  name: string;
}): ChannelAverage {
  const left = toCurve(request.left);
  const right = toCurve(request.right);
  const average = averageChannels(left, right);
  const imbalance = channelImbalance(left, right);
  const kHz = (hz: number) =>
    hz >= 1000 ? `${(hz / 1000).toFixed(1)} kHz` : `${Math.round(hz)} Hz`;
  const sign = imbalance.maxDifferenceDb >= 0 ? "+" : "";
  const worst = `L − R up to ${sign}${imbalance.maxDifferenceDb.toFixed(1)} dB at ${kHz(imbalance.atHz)}`;
  const bands = imbalance.bands.map((band) => `${kHz(band.fromHz)}–${kHz(band.toHz)}`);
  return {
    curve: {
      name: request.name,
      kind: "response",
      frequencyHz: [...average.frequencyHz],
      values: [...average.values],
    },
    bands: imbalance.bands.map(({ fromHz, toHz, maxDb }) => ({ fromHz, toHz, maxDb })),
    imbalance:
      bands.length === 0
        ? `${worst}; within 2 dB over 100 Hz–10 kHz`
        : `${worst}; |L − R| > 2 dB over ${bands.join(", ")}`,
  };
}
