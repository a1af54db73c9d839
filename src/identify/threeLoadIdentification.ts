import { type Issue, type IssueCode, TympanError, isNonEmpty } from "../core/issues.js";
import {
  type Complex,
  type ComplexSeries,
  cAbs,
  cAdd,
  cDiv,
  cMul,
  cSqrt,
  cSub,
  complexAt,
  newComplexSeries,
  setComplexAt,
} from "../core/complexValue.js";
import {
  type TheveninSource,
  type TwoPortTable,
  theveninSource,
} from "../elements/drivers/huntTwoPort.js";

/*
 * Three-load identification of a receiver's Hunt two-port (docs/physics.md §6; the two-port and its
 * Thevenin form are in elements/drivers/huntTwoPort.ts): Zin|X = Ze + T²/(Za + Z_X) for a load Z_X.
 *
 * Derivation of the identification: with g_X = 1/(Za + Z_X),
 *   Δ_AC = Zin_C − Zin_A = T²(g_C − g_A) = T²(Z_A − Z_C)·g_A·g_C,
 *   Δ_BC = Zin_B − Zin_C = T²(Z_C − Z_B)·g_B·g_C,
 *   r = Δ_AC(Z_C − Z_B)/(Δ_BC(Z_A − Z_C)) = g_A/g_B = (Za + Z_B)/(Za + Z_A),
 * hence Za = (Z_B − r·Z_A)/(r − 1), T² = Δ_AC(Za + Z_A)(Za + Z_C)/(Z_A − Z_C), Ze = Zin_A − T²/(Za + Z_A).
 * Since r − 1 = (Z_B − Z_A)/(Za + Z_A), the problem is ill-conditioned where the loads hardly differ
 * compared with the receiver's own acoustic impedance.
 *
 * Only T² is identified: T's sign (the receiver's absolute polarity) needs one pressure measurement.
 */

/** One pressure measurement that fixes T's sign. */
export interface PolarityReference {
  /** A frequency of the grid (the nearest grid point is used). */
  readonly frequencyHz: number;
  /** The acoustic load the pressure was measured in, Pa·s/m³. */
  readonly loadImpedance: Complex;
  /** The measured pressure in that load per volt of drive, Pa/V. */
  readonly pressurePerVolt: Complex;
}

export interface ThreeLoadOptions {
  /** Strictly ascending frequencies in Hz shared by every series below. */
  readonly frequencyHz: readonly number[];
  /** Measured electrical input impedances Zin_A, Zin_B, Zin_C (Ω) with the loads below. */
  readonly inputImpedance: readonly [ComplexSeries, ComplexSeries, ComplexSeries];
  /** The known acoustic loads Z_A, Z_B, Z_C (Pa·s/m³), e.g. from `knownLoadImpedance`. */
  readonly loadImpedance: readonly [ComplexSeries, ComplexSeries, ComplexSeries];
  /** Optional: a measured pressure that fixes T's sign (else Re T ≥ 0 at the first frequency). */
  readonly polarity?: PolarityReference;
}

export interface IdentifiedReceiver extends TwoPortTable {
  readonly thevenin: TheveninSource;
  /**
   * Per frequency, an estimate of how much a relative error in the measured impedances is amplified
   * in T² and Za: max|Zin| / min(|Δ_AC|, |Δ_BC|) / |r − 1|. Where the loads change Zin by little
   * (a stiff receiver at low frequency) it is large: 1e3 turns a 0.1 % measurement error into ~100 %.
   */
  readonly sensitivity: readonly number[];
  /** Whether T's sign came from a pressure measurement (else from the Re T ≥ 0 convention). */
  readonly polarityMeasured: boolean;
}

/** Below this |r − 1| the loads are treated as indistinguishable (r = 1 exactly for equal loads). */
const MIN_LOAD_CONTRAST = 1e-9;
/** Loads closer than this, relative to their size, count as identical. */
const MIN_LOAD_DIFFERENCE = 1e-12;

const LOAD_NAMES = ["A", "B", "C"] as const;

/**
 * Ze, T² and Za at one frequency from three input impedances and their loads (formulas above).
 * Returns undefined when the loads or the impedances cannot separate the unknowns (r ≈ 1, equal
 * loads, equal impedances): the caller names the frequency.
 */
export function identifyAtFrequency(
  inputImpedance: readonly [Complex, Complex, Complex],
  loadImpedance: readonly [Complex, Complex, Complex],
): { ze: Complex; tSquared: Complex; za: Complex; r: Complex; sensitivity: number } | undefined {
  const [zinA, zinB, zinC] = inputImpedance;
  const [zA, zB, zC] = loadImpedance;
  const deltaAC = cSub(zinC, zinA);
  const deltaBC = cSub(zinB, zinC);
  const aMinusC = cSub(zA, zC);
  const r = cDiv(cMul(deltaAC, cSub(zC, zB)), cMul(deltaBC, aMinusC));
  const rMinusOne = { re: r.re - 1, im: r.im };
  if (!(cAbs(rMinusOne) > MIN_LOAD_CONTRAST * Math.max(1, cAbs(r)))) return undefined;
  const za = cDiv(cSub(zB, cMul(r, zA)), rMinusOne);
  const tSquared = cDiv(cMul(cMul(deltaAC, cAdd(za, zA)), cAdd(za, zC)), aMinusC);
  const ze = cSub(zinA, cDiv(tSquared, cAdd(za, zA)));
  const values = [ze, tSquared, za, r];
  if (!values.every((value) => Number.isFinite(value.re) && Number.isFinite(value.im))) {
    return undefined;
  }
  const largest = Math.max(cAbs(zinA), cAbs(zinB), cAbs(zinC));
  const sensitivity = largest / Math.min(cAbs(deltaAC), cAbs(deltaBC)) / cAbs(rMinusOne);
  return { ze, tSquared, za, r, sensitivity };
}

/**
 * Identifies a receiver's Hunt two-port from its input impedance measured with three known acoustic
 * loads, per frequency, and its Thevenin source for voltage drive. T = ±√T² is taken on the branch
 * with Re T ≥ 0 at the first frequency (a receiver built from positive Bl, area and cavities has a real
 * positive T at low frequency) and continued so that it changes least from one frequency to the next;
 * this assumes T's phase moves by less than 90° between neighbouring frequencies. Absolute polarity
 * needs one pressure measurement: pass `polarity` to choose the sign from it.
 *
 * @throws TympanError naming the frequency when the input is inconsistent or ill-conditioned there.
 */
export function identifyThreeLoad(options: ThreeLoadOptions): IdentifiedReceiver {
  const { frequencyHz } = options;
  checkInput(options);
  const count = frequencyHz.length;
  const ze = newComplexSeries(count);
  const za = newComplexSeries(count);
  const transduction = newComplexSeries(count);
  const sensitivity = new Array<number>(count).fill(0);
  const issues: Issue[] = [];
  let previous: Complex | undefined;
  for (let k = 0; k < count; k++) {
    const at = (series: ComplexSeries): Complex => ({ re: series.re[k]!, im: series.im[k]! });
    const zin = options.inputImpedance.map(at) as [Complex, Complex, Complex];
    const loads = options.loadImpedance.map(at) as [Complex, Complex, Complex];
    const f = frequencyHz[k]!;
    const alike = identicalLoads(loads);
    if (alike !== undefined) {
      issues.push(
        issue(
          "identical-loads",
          k,
          `at ${hz(f)} loads ${alike} have the same impedance, so the three measurements cannot separate Ze, T² and Za; the loads must differ (e.g. 0.4 cc, 2 cc and the 711)`,
        ),
      );
      continue;
    }
    const solved = identifyAtFrequency(zin, loads);
    if (solved === undefined) {
      issues.push(
        issue(
          "ill-conditioned-loads",
          k,
          `at ${hz(f)} the three input impedances do not tell the loads apart (r ≈ 1, or equal impedances): the receiver's acoustic impedance dwarfs the load differences there, or the files are the same measurement. Use loads that differ more (e.g. 0.4 cc, 2 cc and the 711) and check that each file belongs to its load`,
        ),
      );
      continue;
    }
    let t = cSqrt(solved.tSquared);
    if (previous !== undefined && t.re * previous.re + t.im * previous.im < 0) {
      t = { re: -t.re, im: -t.im };
    }
    previous = t;
    sensitivity[k] = solved.sensitivity;
    setComplexAt(ze, k, solved.ze);
    setComplexAt(za, k, solved.za);
    setComplexAt(transduction, k, t);
  }
  if (isNonEmpty(issues)) throw new TympanError(issues.slice(0, 10) as [Issue, ...Issue[]]);
  let table: TwoPortTable = { frequencyHz: [...frequencyHz], ze, transduction, za };
  if (options.polarity !== undefined) table = withMeasuredPolarity(table, options.polarity);
  return {
    ...table,
    thevenin: theveninSource(table),
    sensitivity,
    polarityMeasured: options.polarity !== undefined,
  };
}

/**
 * Flips T everywhere when the pressure it predicts in the reference load, p = Z_L·T/((Za + Z_L)·Zin)
 * per volt, points away from the measured one (the sign of Re(p_pred·conj(p_meas))).
 */
function withMeasuredPolarity(table: TwoPortTable, polarity: PolarityReference): TwoPortTable {
  const { frequencyHz } = table;
  if (!(polarity.frequencyHz > 0) || !Number.isFinite(polarity.frequencyHz)) {
    throw new TympanError([
      {
        severity: "error",
        code: "invalid-polarity-reference",
        path: ["polarity", "frequencyHz"],
        message: `the polarity reference needs a positive frequency in Hz (got ${polarity.frequencyHz})`,
      },
    ]);
  }
  let k = 0;
  for (let j = 1; j < frequencyHz.length; j++) {
    const distance = Math.abs(Math.log(frequencyHz[j]! / polarity.frequencyHz));
    if (distance < Math.abs(Math.log(frequencyHz[k]! / polarity.frequencyHz))) k = j;
  }
  const load = polarity.loadImpedance;
  const t = complexAt(table.transduction, k);
  const za = complexAt(table.za, k);
  const ze = complexAt(table.ze, k);
  const zin = cAdd(ze, cDiv(cMul(t, t), cAdd(za, load)));
  const predicted = cDiv(cMul(load, t), cMul(cAdd(za, load), zin));
  const measured = polarity.pressurePerVolt;
  const agreement = predicted.re * measured.re + predicted.im * measured.im;
  if (!(Number.isFinite(agreement) && agreement !== 0)) {
    throw new TympanError([
      {
        severity: "error",
        code: "invalid-polarity-reference",
        path: ["polarity"],
        message: `the polarity reference at ${hz(frequencyHz[k]!)} is 90° from the predicted pressure (or zero), so it cannot fix T's sign; give a nonzero pressure measured in the stated load`,
      },
    ]);
  }
  if (agreement > 0) return table;
  const flipped = {
    re: table.transduction.re.map((value) => -value),
    im: table.transduction.im.map((value) => -value),
  };
  return { ...table, transduction: flipped };
}

function checkInput(options: ThreeLoadOptions): void {
  const { frequencyHz } = options;
  const issues: Issue[] = [];
  if (!Array.isArray(frequencyHz) || frequencyHz.length === 0) {
    throw new TympanError([
      {
        severity: "error",
        code: "no-frequencies",
        path: ["frequencyHz"],
        message: "give at least one frequency",
      },
    ]);
  }
  frequencyHz.forEach((f, k) => {
    if (!(f > 0) || !Number.isFinite(f) || (k > 0 && !(f > frequencyHz[k - 1]!))) {
      issues.push({
        severity: "error",
        code: "invalid-frequency",
        path: ["frequencyHz", k],
        message: `frequency ${f} Hz at index ${k} must be finite, > 0 and above the previous one`,
      });
    }
  });
  const groups = [
    ["inputImpedance", options.inputImpedance],
    ["loadImpedance", options.loadImpedance],
  ] as const;
  for (const [name, group] of groups) {
    if (!Array.isArray(group) || group.length !== 3) {
      issues.push({
        severity: "error",
        code: "not-three",
        path: [name],
        message: `${name} must list exactly three series, for loads A, B and C`,
      });
      continue;
    }
    group.forEach((series, index) => {
      for (const part of ["re", "im"] as const) {
        const values = series[part];
        const where = `${name} ${LOAD_NAMES[index]} (${part})`;
        if (values.length !== frequencyHz.length) {
          issues.push({
            severity: "error",
            code: "length-mismatch",
            path: [name, index, part],
            message: `${where} has ${values.length} values but there are ${frequencyHz.length} frequencies`,
          });
          continue;
        }
        const bad = values.findIndex((value) => !Number.isFinite(value));
        if (bad >= 0) {
          issues.push({
            severity: "error",
            code: "not-finite",
            path: [name, index, part, bad],
            message: `${where} is not a finite number at ${hz(frequencyHz[bad]!)}`,
          });
        }
      }
    });
  }
  if (isNonEmpty(issues)) throw new TympanError(issues);
}

/** Names the pair of loads that are equal (relative to their size), if any. */
function identicalLoads(loads: readonly [Complex, Complex, Complex]): string | undefined {
  const pairs = [
    [0, 1],
    [0, 2],
    [1, 2],
  ] as const;
  for (const [i, j] of pairs) {
    const scale = Math.max(cAbs(loads[i]), cAbs(loads[j]));
    if (!(cAbs(cSub(loads[i], loads[j])) > MIN_LOAD_DIFFERENCE * scale)) {
      return `${LOAD_NAMES[i]} and ${LOAD_NAMES[j]}`;
    }
  }
  return undefined;
}

function issue(code: IssueCode, k: number, message: string): Issue {
  return { severity: "error", code, path: ["frequencyHz", k], message };
}

function hz(frequency: number): string {
  return `${Number(frequency.toPrecision(6))} Hz`;
}
