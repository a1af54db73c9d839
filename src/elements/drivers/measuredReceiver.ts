import { z } from "zod";
import type { PrimitiveModel } from "../../network/elementModel.js";
import { elementSchema } from "../../network/parameters.js";
import { TympanError } from "../../core/issues.js";
import type { ComplexSeries } from "../../core/complexValue.js";
import type { TwoPortTable } from "./huntTwoPort.js";

/*
 * A receiver known only by measurement: its Hunt two-port per frequency (docs/physics.md §6), as identified
 * by `identifyThreeLoad` from input impedances at three known loads. With I the current into `plus`
 * and U the volume velocity leaving `out` (the gyrator convention of src/elements/couplings.ts):
 *
 *   V_plus − V_minus = Ze·I + T·U,     p_out = T·I − Za·U,
 *
 * i.e. Ze in series on the electrical side, an ideal gyrator of complex transduction T(f), and Za in
 * series at the acoustic port, whose pressure is referenced to ambient ("0").
 *
 * Between table frequencies each coefficient is interpolated linearly in ln f in ln|X| and unwrapped
 * phase. Impedances and transduction of transducers behave locally like powers of frequency (a mass
 * jωM, a cavity 1/(jωC), a semi-inductance K(jω)^n): for those magnitude/phase interpolation in log
 * frequency is exact, and it never dips in magnitude between two points whose phases differ, which
 * linear re/im interpolation does. Phases are unwrapped along the table, assuming they move by less
 * than 180° between neighbouring points (true on any 1/12-octave or finer measurement grid); a
 * magnitude of exactly zero has no logarithm and is rejected. At a table frequency the tabulated
 * value is used as is.
 *
 * No `motor` declaration: per-driver contributions replace a transducer's motor part by a force
 * source on its mechanical side, and a measured two-port has no mechanical node to drive.
 */

const TERMINALS = ["plus", "minus", "out"] as const;

const numberList = (unit: string) =>
  z.array(z.number({ error: `must be a list of finite numbers in ${unit}` }), {
    error: `must be a list of finite numbers in ${unit}`,
  });

const complexSeries = (unit: string) =>
  z.strictObject(
    { re: numberList(unit), im: numberList(unit) },
    {
      error: `must be { "re": [...], "im": [...] }: real and imaginary parts in ${unit}, one per frequency`,
    },
  );

const SERIES = ["ze", "transduction", "za"] as const;

const measuredReceiverSchema = elementSchema("measuredReceiver", TERMINALS, {
  frequencyHz: numberList("Hz"),
  ze: complexSeries("Ω"),
  transduction: complexSeries("Pa/A"),
  za: complexSeries("Pa·s/m³"),
}).superRefine((element, context) => {
  const frequencies = element.frequencyHz;
  const fix = "(write the table `tympan identify` produces, or one frequency per row)";
  if (frequencies.length < 2) {
    context.addIssue({
      code: "custom",
      path: ["frequencyHz"],
      message: `must list at least 2 frequencies in Hz to interpolate between ${fix}`,
    });
    return;
  }
  const bad = frequencies.findIndex((f, k) => !(f > 0) || (k > 0 && !(f > frequencies[k - 1]!)));
  if (bad >= 0) {
    context.addIssue({
      code: "custom",
      path: ["frequencyHz"],
      message: `must be positive and strictly ascending, but frequencyHz[${bad}] = ${frequencies[bad]} ${bad > 0 ? `follows ${frequencies[bad - 1]}` : "is not above 0"}; sort the rows and remove duplicates`,
    });
  }
  for (const name of SERIES) {
    const series = element[name];
    for (const part of ["re", "im"] as const) {
      if (series[part].length !== frequencies.length) {
        context.addIssue({
          code: "custom",
          path: [name],
          message: `${name}.${part} has ${series[part].length} values but frequencyHz has ${frequencies.length}; give one value per frequency`,
        });
      }
    }
    if (series.re.length !== frequencies.length || series.im.length !== frequencies.length)
      continue;
    const zero = series.re.findIndex((re, k) => re === 0 && series.im[k] === 0);
    if (zero >= 0) {
      context.addIssue({
        code: "custom",
        path: [name],
        message: `is exactly 0 at ${frequencies[zero]} Hz; the two-port's coefficients must be nonzero (they are interpolated in log magnitude)`,
      });
    }
  }
});
export type MeasuredReceiver = z.infer<typeof measuredReceiverSchema>;

/** Relative slack at the table's ends and for recognising a table frequency (ω/2π round-off). */
const FREQUENCY_SLACK = 1e-9;

/**
 * A table of one complex coefficient prepared for interpolation in log frequency: ln f, ln|X| and
 * unwrapped phase per point.
 */
interface LogPolarTable {
  readonly re: readonly number[];
  readonly im: readonly number[];
  readonly logMagnitude: Float64Array;
  readonly phase: Float64Array;
}

function logPolar(series: ComplexSeries): LogPolarTable {
  const count = series.re.length;
  const logMagnitude = new Float64Array(count);
  const phase = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const re = series.re[k]!;
    const im = series.im[k]!;
    logMagnitude[k] = Math.log(Math.hypot(re, im));
    let angle = Math.atan2(im, re);
    if (k > 0) {
      const previous = phase[k - 1]!;
      angle += 2 * Math.PI * Math.round((previous - angle) / (2 * Math.PI));
    }
    phase[k] = angle;
  }
  return { re: series.re, im: series.im, logMagnitude, phase };
}

/**
 * Writes the coefficient at position (k, fraction) of the table: the tabulated value when `fraction`
 * is 0, else log-magnitude and phase interpolated between points k and k + 1.
 */
function valueAt(
  table: LogPolarTable,
  k: number,
  fraction: number,
  out: Float64Array,
  offset: number,
) {
  if (fraction === 0) {
    out[offset] = table.re[k]!;
    out[offset + 1] = table.im[k]!;
    return;
  }
  const logMagnitude =
    table.logMagnitude[k]! + fraction * (table.logMagnitude[k + 1]! - table.logMagnitude[k]!);
  const phase = table.phase[k]! + fraction * (table.phase[k + 1]! - table.phase[k]!);
  const magnitude = Math.exp(logMagnitude);
  out[offset] = magnitude * Math.cos(phase);
  out[offset + 1] = magnitude * Math.sin(phase);
}

/**
 * Where frequency f falls in the table: index k and fraction in [0, 1) of the way (in ln f) to
 * point k + 1, or undefined outside the table (beyond a relative slack of 1e-9).
 */
function locate(
  frequencyHz: readonly number[],
  logFrequency: Float64Array,
  f: number,
): { k: number; fraction: number } | undefined {
  const last = frequencyHz.length - 1;
  if (
    f < frequencyHz[0]! * (1 - FREQUENCY_SLACK) ||
    f > frequencyHz[last]! * (1 + FREQUENCY_SLACK)
  ) {
    return undefined;
  }
  let low = 0;
  let high = last;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (frequencyHz[middle]! <= f) low = middle;
    else high = middle;
  }
  for (const k of [low, high]) {
    if (Math.abs(f - frequencyHz[k]!) <= FREQUENCY_SLACK * frequencyHz[k]!) {
      return { k, fraction: 0 };
    }
  }
  const fraction =
    (Math.log(f) - logFrequency[low]!) / (logFrequency[low + 1]! - logFrequency[low]!);
  return { k: low, fraction };
}

/** The two-port table of a measuredReceiver definition. */
export function tableOf(element: MeasuredReceiver): TwoPortTable {
  return {
    frequencyHz: element.frequencyHz,
    ze: element.ze,
    transduction: element.transduction,
    za: element.za,
  };
}

export const measuredReceiver: PrimitiveModel<MeasuredReceiver> = {
  kind: "primitive",
  type: "measuredReceiver",
  summary:
    "receiver from a measured Hunt two-port table (Ze, T, Za per frequency, e.g. from `tympan identify`); acoustic out vs ambient",
  terminals: TERMINALS,
  parameters: {
    frequencyHz: {
      unit: "Hz",
      description: "table frequencies, ascending (at least 2); simulate only within them",
    },
    ze: {
      unit: "Ω",
      description: 'blocked electrical impedance, { "re": [...], "im": [...] } per frequency',
    },
    transduction: {
      unit: "Pa/A",
      description:
        'transduction T (open-port pressure per ampere), { "re": [...], "im": [...] }; its sign is the polarity',
    },
    za: {
      unit: "Pa·s/m³",
      description:
        'acoustic impedance at the port with the coil open, { "re": [...], "im": [...] }',
    },
  },
  schema: measuredReceiverSchema,
  ports: [
    { terminals: [0, 1], domain: "electrical" },
    { terminals: [2], domain: "acoustic", grounded: true },
  ],
  realize(element, context) {
    const frequencyHz = element.frequencyHz;
    const logFrequency = Float64Array.from(frequencyHz, (f) => Math.log(f));
    const tables = [logPolar(element.ze), logPolar(element.transduction), logPolar(element.za)];
    const plus = context.node(0);
    const minus = context.node(1);
    const out = context.node(2);
    const current = context.branch(); // I, into plus
    const volumeVelocity = context.branch(); // U, out of `out`
    // Kirchhoff rows: I leaves plus into the element and returns at minus; U enters the network at out.
    context.addConstant(plus, current, 1);
    context.addConstant(minus, current, -1);
    context.addConstant(out, volumeVelocity, -1);
    // Electrical row: V_plus − V_minus − Ze·I − T·U = 0. Acoustic row: p_out − T·I + Za·U = 0.
    context.addConstant(current, plus, 1);
    context.addConstant(current, minus, -1);
    context.addConstant(volumeVelocity, out, 1);
    const slotZe = context.entry(current, current);
    const slotTu = context.entry(current, volumeVelocity);
    const slotTi = context.entry(volumeVelocity, current);
    const slotZa = context.entry(volumeVelocity, volumeVelocity);
    const values = new Float64Array(6);
    const range = `${frequencyHz[0]}–${frequencyHz[frequencyHz.length - 1]} Hz`;
    return {
      stamp(omega, matrixRe, matrixIm) {
        const f = omega / (2 * Math.PI);
        const place = locate(frequencyHz, logFrequency, f);
        if (place === undefined) {
          throw new TympanError([
            {
              severity: "error",
              code: "frequency-outside-table",
              path: [],
              elementIds: [element.id],
              message: `measuredReceiver "${element.id}" is known only over ${range}, but ${Number(f.toPrecision(6))} Hz was asked for; simulate within that range (e.g. --from/--to) or identify the receiver over a wider band`,
            },
          ]);
        }
        for (let q = 0; q < 3; q++) valueAt(tables[q]!, place.k, place.fraction, values, 2 * q);
        matrixRe[slotZe] = matrixRe[slotZe]! - values[0]!;
        matrixIm[slotZe] = matrixIm[slotZe]! - values[1]!;
        matrixRe[slotTu] = matrixRe[slotTu]! - values[2]!;
        matrixIm[slotTu] = matrixIm[slotTu]! - values[3]!;
        matrixRe[slotTi] = matrixRe[slotTi]! - values[2]!;
        matrixIm[slotTi] = matrixIm[slotTi]! - values[3]!;
        matrixRe[slotZa] = matrixRe[slotZa]! + values[4]!;
        matrixIm[slotZa] = matrixIm[slotZa]! + values[5]!;
      },
    };
  },
};

/**
 * A complex series tabulated at `frequencyHz` (increasing), evaluated at `gridHz` the way a
 * measuredReceiver evaluates its table: ln|X| and unwrapped phase linear in ln f, exact at the table's
 * own frequencies. Every grid frequency must lie inside the table (1e-9 relative slack); identification
 * uses this to put measured impedances on one grid with the same interpolation the element will use.
 */
export function complexSeriesOnGrid(
  frequencyHz: readonly number[],
  series: ComplexSeries,
  gridHz: readonly number[],
): ComplexSeries {
  const table = logPolar(series);
  const logFrequency = Float64Array.from(frequencyHz, Math.log);
  const out = new Float64Array(2);
  const re: number[] = [];
  const im: number[] = [];
  for (const f of gridHz) {
    const at = locate(frequencyHz, logFrequency, f);
    if (at === undefined) {
      throw new RangeError(
        `${f} Hz is outside the table's ${frequencyHz[0]}–${frequencyHz[frequencyHz.length - 1]} Hz`,
      );
    }
    valueAt(table, at.k, at.fraction, out, 0);
    re.push(out[0]!);
    im.push(out[1]!);
  }
  return { re, im };
}
