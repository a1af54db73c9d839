import type { ComplexSeries } from "../core/complexValue.js";
import type { Curve } from "../core/curve.js";
import { type Issue, TympanError } from "../core/issues.js";
import { complexSeriesOnGrid } from "../elements/drivers/measuredReceiver.js";
import {
  KNOWN_LOAD_SYNTAX,
  type KnownLoad,
  knownLoadImpedance,
  parseKnownLoad,
} from "./knownLoads.js";
import { type IdentifiedReceiver, identifyThreeLoad } from "./threeLoadIdentification.js";

/** Three of a kind: one per load, A, B and C. */
export type Three<T> = readonly [T, T, T];

function inputError(message: string, path: (string | number)[] = []): TympanError {
  const issue: Issue = { severity: "error", code: "usage", path, message };
  return new TympanError([issue]);
}

/**
 * The three known loads of a comma-separated list ("0.4cc,2cc,711"; also "711damped" and
 * "tube:<mm>:<radius mm>[:<volume>cc]"), one per impedance file. Errors name the --loads flag.
 */
export function parseKnownLoads(text: string): Three<KnownLoad> {
  const parts = text.split(",").map((part) => part.trim());
  if (parts.length !== 3 || parts.some((part) => part === "")) {
    throw inputError(
      `${text}: give exactly three loads, one per file, separated by commas (e.g. 0.4cc,2cc,711)`,
      ["--loads"],
    );
  }
  return parts.map((part) => {
    try {
      return parseKnownLoad(part);
    } catch (error) {
      if (error instanceof TympanError) {
        throw inputError(`"${part}" is not a known load; write ${KNOWN_LOAD_SYNTAX}`, ["--loads"]);
      }
      throw error;
    }
  }) as unknown as Three<KnownLoad>;
}

/**
 * Checks that a measured curve can be used as a complex impedance: it has a phase column and a
 * positive magnitude everywhere. `source` names the file in the message.
 */
export function checkComplexImpedance(curve: Curve, source: string): void {
  if (curve.phaseDeg === undefined) {
    throw new TympanError(
      [
        {
          severity: "error",
          code: "not-an-impedance",
          path: [],
          message:
            "the file has no phase column; three-load identification needs the complex impedance, so export magnitude and phase (a .zma file or REW's impedance text export has both)",
        },
      ],
      source,
    );
  }
  const zero = curve.values.findIndex((value) => !(value > 0));
  if (zero >= 0) {
    throw new TympanError(
      [
        {
          severity: "error",
          code: "non-positive-impedance",
          path: [],
          message: `the impedance magnitude is ${curve.values[zero]} Ω at ${curve.frequencyHz[zero]} Hz; a receiver's impedance is positive — is this an impedance file?`,
        },
      ],
      source,
    );
  }
}

/**
 * The frequencies of all the curves inside the band they all cover (points closer than one part in
 * 1e9 merged), so that files measured on the same grid are used without interpolation. `names` label
 * the curves when they share no band.
 */
export function commonImpedanceGrid(curves: readonly Curve[], names: readonly string[]): number[] {
  const lowHz = Math.max(...curves.map((curve) => curve.frequencyHz[0]!));
  const highHz = Math.min(...curves.map((curve) => curve.frequencyHz.at(-1)!));
  if (!(lowHz < highHz)) {
    const ranges = curves.map(
      (curve, k) => `${names[k]} ${curve.frequencyHz[0]}–${curve.frequencyHz.at(-1)} Hz`,
    );
    throw inputError(
      `the three measurements share no frequency band (${ranges.join("; ")}); measure all three loads over the same band`,
    );
  }
  const all = curves
    .flatMap((curve) => curve.frequencyHz)
    .filter((f) => f >= lowHz && f <= highHz)
    .sort((a, b) => a - b);
  const grid: number[] = [];
  for (const f of all) {
    const previous = grid[grid.length - 1];
    if (previous === undefined || f > previous * (1 + 1e-9)) grid.push(f);
  }
  return grid;
}

/** A measured impedance (magnitude Ω, phase °) as a complex series on `gridHz` (complexSeriesOnGrid). */
export function complexImpedanceOnGrid(curve: Curve, gridHz: readonly number[]): ComplexSeries {
  const phaseDeg = curve.phaseDeg!;
  const series = {
    re: curve.values.map((m, k) => m * Math.cos((phaseDeg[k]! * Math.PI) / 180)),
    im: curve.values.map((m, k) => m * Math.sin((phaseDeg[k]! * Math.PI) / 180)),
  };
  return complexSeriesOnGrid(curve.frequencyHz, series, gridHz);
}

/**
 * A receiver's Hunt two-port and Thevenin source (identifyThreeLoad) from its impedance measured in
 * three known loads: each curve checked (checkComplexImpedance), all put on their common grid
 * (commonImpedanceGrid) with the measuredReceiver's interpolation, the loads' impedances computed
 * there. `names` label the curves (file names) in messages.
 */
export function identifyFromImpedances(
  curves: Three<Curve>,
  loads: Three<KnownLoad>,
  names: Three<string>,
): IdentifiedReceiver {
  curves.forEach((curve, k) => checkComplexImpedance(curve, names[k]!));
  const frequencyHz = commonImpedanceGrid(curves, names);
  const onGrid = (curve: Curve) => complexImpedanceOnGrid(curve, frequencyHz);
  const load = (known: KnownLoad) => knownLoadImpedance(known, frequencyHz);
  return identifyThreeLoad({
    frequencyHz,
    inputImpedance: [onGrid(curves[0]), onGrid(curves[1]), onGrid(curves[2])],
    loadImpedance: [load(loads[0]), load(loads[1]), load(loads[2])],
  });
}
