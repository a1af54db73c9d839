import { type Air, STANDARD_AIR } from "../../core/air.js";
import { DEFAULT_SEMI_INDUCTANCE_EXPONENT } from "../../elements/drivers/balancedArmature.js";
import { transmissionLineAbcd } from "../../elements/tube/transmissionLine.js";
import { tubePerUnitLength } from "../../elements/tube/tubeModel.js";
import { type ChainResponse, type LoadChain, chainResponse, hasFixture } from "./loadChain.js";
import { ACOUSTIC_KEYS, ACOUSTIC_STRIDE, motorAcoustics } from "./motorAcoustics.js";
import { NumericKeyCache, keyOf } from "./numericKeyCache.js";
import { type FixtureTube, MOTOR_KEYS, type ReceiverMotor, motorFromKey } from "./receiverMotor.js";

export type { FixtureTube, ReceiverMotor } from "./receiverMotor.js";
export { MOTOR_KEYS } from "./receiverMotor.js";

/** A receiver's electrical input impedance and its response in each load, per frequency. */
export interface ReceiverEvaluation {
  /** Input impedance (Ω) in the first load, where the impedance is taken to be measured. */
  readonly impedanceRe: Float64Array;
  readonly impedanceIm: Float64Array;
  /** Pressure (Pa per volt of drive) where each load's response is read, one array pair per load. */
  readonly pressureRe: readonly Float64Array[];
  readonly pressureIm: readonly Float64Array[];
}

/** Entries kept per cache (a fit tries one value after another). */
const CACHED_ENTRIES = 32;

/**
 * Evaluates receivers made of one or more balanced-armature motors (wired in parallel, their spouts
 * joined at one outlet) into known load chains, in closed form. It computes exactly what the engine
 * computes for a design of `balancedArmature` elements, the fixture tube and the loads (the test
 * checks it to 1e-9) but some hundred times faster, which a fit of thousands of evaluations needs;
 * the loads' known parts (dampers, tubes, the 711) are simulated once, by the engine, in the
 * constructor.
 *
 * Per motor, with s = jω, Ze = Re + sLe + K·sⁿ, Zm = Rm + sm + k/s, the spout's ABCD matrix and the
 * outlet pressure p_X given, the network of the element (docs/physics.md §6) reads
 *   V = Ze·i + T·v,   T·i = Zm·v + Sd·(p_f − p_r),
 *   Sd·v = Y_F·p_f − p_X/B + Y_v·(p_f − p_r),   Sd·v = Y_v·(p_f − p_r) − Y_r·p_r,
 * with Y_F = sC_f + D/B the front cavity and the spout shorted at its outlet, Y_r = sC_r (+ a rear
 * vent), Y_v a diaphragm vent. Eliminating gives p_f − p_r = Z_ac·Sd·v + G·p_X with
 * Z_ac = (Y_r + Y_F)/S, G = Y_r/(B·S), S = Y_v·Y_F + Y_F·Y_r + Y_v·Y_r, so each motor is linear in
 * (V, p_X): its outlet flow U = α·V + β·p_X and coil current i = γ·V + δ·p_X. The outlet node then
 * gives p_X = Σα·V / (Y_load − Σβ).
 */
export class ReceiverEvaluator {
  readonly frequencyHz: readonly number[];
  private readonly omega: Float64Array;
  private readonly loads: readonly LoadChain[];
  private readonly known: readonly ChainResponse[];
  private readonly anyFixture: boolean;
  /** Σ of the motors' coefficients, overwritten by each evaluation of more than one motor. */
  private readonly sums: Float64Array;
  private readonly air: Air;
  private readonly perUnitLength = new Map<number, Float64Array>();
  private readonly abcd = new Float64Array(8);
  /**
   * Motors' coefficients, their acoustic stages and tubes' matrices by their parameters: a
   * finite-difference Jacobian changes one parameter at a time, so most evaluations reuse all but
   * one of them, and a coil or armature parameter leaves the acoustic stage as it was.
   */
  private readonly motorCache = new NumericKeyCache(CACHED_ENTRIES);
  private readonly acousticCache = new NumericKeyCache(CACHED_ENTRIES);
  private readonly tubeCache = new NumericKeyCache(CACHED_ENTRIES);
  private readonly outletCache = new NumericKeyCache(CACHED_ENTRIES);
  private readonly tubeKey = new Float64Array(2);
  private readonly outletKey = new Float64Array(2);
  /** ωⁿ per semi-inductance exponent n (Math.pow is the dearest step of a motor's coefficients). */
  private readonly powerCache = new NumericKeyCache(8);

  constructor(
    frequencyHz: readonly number[],
    loads: readonly LoadChain[],
    air: Air = STANDARD_AIR,
  ) {
    this.frequencyHz = frequencyHz;
    this.omega = Float64Array.from(frequencyHz, (f) => 2 * Math.PI * f);
    this.loads = loads;
    this.air = air;
    this.known = loads.map((load) => chainResponse(load, frequencyHz, air));
    this.anyFixture = loads.some(hasFixture);
    this.sums = new Float64Array(8 * frequencyHz.length);
  }

  /** Whether load `index` starts with the fitted fixture. */
  fixtureIn(index: number): boolean {
    return hasFixture(this.loads[index]!);
  }

  /**
   * The receiver's impedance (in the first load) and its response in every load, at 1 V drive.
   * `fixture` is required when a load starts with the fixture. `into` (from `newEvaluation`) is
   * overwritten and returned instead of new arrays: a fit's residuals read it and let it go.
   */
  evaluate(
    motors: readonly ReceiverMotor[],
    fixture?: FixtureTube,
    into: ReceiverEvaluation = this.newEvaluation(),
  ): ReceiverEvaluation {
    const keys = motors.map((motor) =>
      keyOf(motor, MOTOR_KEYS, new Float64Array(MOTOR_KEYS.length)),
    );
    return this.evaluateKeyed(keys, fixture, into);
  }

  /**
   * `evaluate` with each motor given by its key (its MOTOR_KEYS values, NaN for one left out): a
   * fit's inner loop builds no motor objects, and a motor's coefficients are looked up by the key
   * as it is.
   */
  evaluateKeyed(
    motorKeys: readonly Float64Array[],
    fixture?: FixtureTube,
    into: ReceiverEvaluation = this.newEvaluation(),
  ): ReceiverEvaluation {
    const count = this.omega.length;
    const evaluation = into;
    const coefficients = motorKeys.map((key) =>
      this.motorCache.get(key, (spare) => {
        const out = spare ?? new Float64Array(8 * count);
        this.motorCoefficients(key, out);
        return out;
      }),
    );
    // Σα, Σβ, Σγ, Σδ over the motors (wired in parallel, spouts joined), per frequency.
    let sums = coefficients[0]!;
    if (coefficients.length > 1) {
      sums = this.sums;
      sums.set(coefficients[0]!);
      for (let m = 1; m < coefficients.length; m++) {
        const c = coefficients[m]!;
        for (let at = 0; at < sums.length; at++) sums[at] = sums[at]! + c[at]!;
      }
    }
    const outlets = this.outletLoads(fixture);
    for (let l = 0; l < this.loads.length; l++) {
      const pressureRe = evaluation.pressureRe[l]!;
      const pressureIm = evaluation.pressureIm[l]!;
      for (let k = 0; k < count; k++) {
        const o = 4 * (l * count + k);
        const at = 8 * k;
        // p_X = Σα·V / (Y_load − Σβ).
        const denRe = outlets[o]! - sums[at + 2]!;
        const denIm = outlets[o + 1]! - sums[at + 3]!;
        const den = denRe * denRe + denIm * denIm;
        const alphaRe = sums[at]!;
        const alphaIm = sums[at + 1]!;
        const pxRe = (alphaRe * denRe + alphaIm * denIm) / den;
        const pxIm = (alphaIm * denRe - alphaRe * denIm) / den;
        // Read point: p_X · (fixture and known chain transfer).
        const tRe = outlets[o + 2]!;
        const tIm = outlets[o + 3]!;
        pressureRe[k] = pxRe * tRe - pxIm * tIm;
        pressureIm[k] = pxRe * tIm + pxIm * tRe;
        if (l === 0) {
          // i = Σγ + Σδ·p_X per volt; Z = 1/i.
          const iRe = sums[at + 4]! + sums[at + 6]! * pxRe - sums[at + 7]! * pxIm;
          const iIm = sums[at + 5]! + sums[at + 6]! * pxIm + sums[at + 7]! * pxRe;
          const ii = iRe * iRe + iIm * iIm;
          evaluation.impedanceRe[k] = iRe / ii;
          evaluation.impedanceIm[k] = -iIm / ii;
        }
      }
    }
    return evaluation;
  }

  /** Arrays for one evaluation on this evaluator's grid and loads. */
  newEvaluation(): ReceiverEvaluation {
    const count = this.omega.length;
    return {
      impedanceRe: new Float64Array(count),
      impedanceIm: new Float64Array(count),
      pressureRe: this.loads.map(() => new Float64Array(count)),
      pressureIm: this.loads.map(() => new Float64Array(count)),
    };
  }

  /**
   * Per load and frequency, what the joined spouts drive: the load's admittance at the outlet
   * (through the fixture tube where the load starts with it) and the pressure transfer from the
   * outlet to where the response is read; 4 numbers each, [load][frequency]. It depends on the
   * fixture alone, so a fit's Jacobian columns of the motors reuse it (cached by the fixture).
   */
  private outletLoads(given: FixtureTube | undefined): Float64Array {
    // Loads without the fixture do not depend on it (a second load's band): one entry serves all.
    const fixture = this.anyFixture ? given : undefined;
    this.outletKey[0] = fixture?.radiusM ?? Number.NaN;
    this.outletKey[1] = fixture?.lengthM ?? Number.NaN;
    return this.outletCache.get(this.outletKey, (spare) => {
      const count = this.omega.length;
      const out = spare ?? new Float64Array(4 * count * this.loads.length);
      const abcd =
        fixture === undefined ? undefined : this.tubeMatrices(fixture.radiusM, fixture.lengthM);
      this.loads.forEach((load, l) => {
        const known = this.known[l]!;
        const withFixture = hasFixture(load);
        if (withFixture && abcd === undefined) {
          throw new Error("a load starts with the fixture: give the fixture tube to evaluate it");
        }
        for (let k = 0; k < count; k++) {
          // The load at the outlet: the known chain, behind the fixture tube when there is one.
          let zRe = known.impedanceRe[k]!;
          let zIm = known.impedanceIm[k]!;
          let fixRe = 1;
          let fixIm = 0;
          if (withFixture) {
            const m = 8 * k;
            // Z_in = (A·Z + B)/(C·Z + D)
            const nRe = abcd![m]! * zRe - abcd![m + 1]! * zIm + abcd![m + 2]!;
            const nIm = abcd![m]! * zIm + abcd![m + 1]! * zRe + abcd![m + 3]!;
            const dRe = abcd![m + 4]! * zRe - abcd![m + 5]! * zIm + abcd![m + 6]!;
            const dIm = abcd![m + 4]! * zIm + abcd![m + 5]! * zRe + abcd![m + 7]!;
            const dd = dRe * dRe + dIm * dIm;
            const innerRe = zRe;
            const innerIm = zIm;
            zRe = (nRe * dRe + nIm * dIm) / dd;
            zIm = (nIm * dRe - nRe * dIm) / dd;
            // Pressure after the fixture per pressure before it: Z_inner/(A·Z_inner + B).
            const nn = nRe * nRe + nIm * nIm;
            fixRe = (innerRe * nRe + innerIm * nIm) / nn;
            fixIm = (innerIm * nRe - innerRe * nIm) / nn;
          }
          const zz = zRe * zRe + zIm * zIm;
          const o = 4 * (l * count + k);
          out[o] = zRe / zz;
          out[o + 1] = -zIm / zz;
          out[o + 2] = fixRe * known.transferRe[k]! - fixIm * known.transferIm[k]!;
          out[o + 3] = fixRe * known.transferIm[k]! + fixIm * known.transferRe[k]!;
        }
      });
      return out;
    });
  }

  /** A tube's ABCD matrices at every frequency (8 numbers each, as transmissionLineAbcd), cached. */
  private tubeMatrices(radiusM: number, lengthM: number): Float64Array {
    this.tubeKey[0] = radiusM;
    this.tubeKey[1] = lengthM;
    return this.tubeCache.get(this.tubeKey, (spare) => {
      const line = this.tubeLine(radiusM);
      const matrices = spare ?? new Float64Array(8 * this.omega.length);
      for (let k = 0; k < this.omega.length; k++) {
        const at = 4 * k;
        transmissionLineAbcd(
          line[at]!,
          line[at + 1]!,
          line[at + 2]!,
          line[at + 3]!,
          lengthM,
          this.abcd,
        );
        matrices.set(this.abcd, 8 * k);
      }
      return matrices;
    });
  }

  /** Z', Y' of a tube of this radius at every frequency, computed once per radius. */
  private tubeLine(radiusM: number): Float64Array {
    let line = this.perUnitLength.get(radiusM);
    if (line === undefined) {
      if (this.perUnitLength.size >= CACHED_ENTRIES) this.perUnitLength.clear();
      line = new Float64Array(4 * this.omega.length);
      const out = new Float64Array(4);
      this.omega.forEach((omega, k) => {
        tubePerUnitLength("exact", omega, radiusM, this.air, out);
        line!.set(out, 4 * k);
      });
      this.perUnitLength.set(radiusM, line);
    }
    return line;
  }

  /**
   * Per frequency, the motor's [α, β, γ, δ] (re, im each): outlet flow U = α·V + β·p_X and coil
   * current i = γ·V + δ·p_X (see the class comment), from its acoustic stage (motorAcoustics).
   */
  private motorCoefficients(key: Float64Array, out: Float64Array): void {
    const motor = motorFromKey(key);
    const acousticKey = key.subarray(MOTOR_KEYS.length - ACOUSTIC_KEYS.length);
    const acoustics = this.acousticCache.get(acousticKey, (spare) => {
      const stage = spare ?? new Float64Array(ACOUSTIC_STRIDE * this.omega.length);
      const spout = this.tubeMatrices(motor.spoutRadius, motor.spoutLength);
      motorAcoustics(motor, this.omega, spout, this.air, stage);
      return stage;
    });
    const exponent = motor.semiInductanceExponent ?? DEFAULT_SEMI_INDUCTANCE_EXPONENT;
    const powers = this.powerCache.get(Float64Array.of(exponent), (spare) => {
      const out = spare ?? new Float64Array(this.omega.length);
      for (let k = 0; k < out.length; k++) out[k] = Math.pow(this.omega[k]!, exponent);
      return out;
    });
    const cosN = Math.cos((exponent * Math.PI) / 2);
    const sinN = Math.sin((exponent * Math.PI) / 2);
    const capacitance = motor.seriesCapacitance;
    // Read once: the loop would otherwise look each up per frequency.
    const { transduction: t, diaphragmArea: sd, mechanicalResistance, movingMass } = motor;
    const { netStiffness, semiInductance, coilResistance, coilInductance } = motor;
    for (let k = 0; k < this.omega.length; k++) {
      const omega = this.omega[k]!;
      const at = ACOUSTIC_STRIDE * k;
      const invBRe = acoustics[at]!;
      const invBIm = acoustics[at + 1]!;
      const aRe = acoustics[at + 2]!;
      const aIm = acoustics[at + 3]!;
      const zacRe = acoustics[at + 4]!;
      const zacIm = acoustics[at + 5]!;
      const gRe = acoustics[at + 6]!;
      const gIm = acoustics[at + 7]!;
      const yvRe = acoustics[at + 8]!;
      const yvIm = acoustics[at + 9]!;
      const yrRe = acoustics[at + 10]!;
      const yrIm = acoustics[at + 11]!;
      // Zmt = Rm + jωm + k/(jω) + Sd²·Z_ac.
      const zmtRe = mechanicalResistance + sd * sd * zacRe;
      const zmtIm = omega * movingMass - netStiffness / omega + sd * sd * zacIm;
      const zmm = zmtRe * zmtRe + zmtIm * zmtIm;
      const invZmRe = zmtRe / zmm;
      const invZmIm = -zmtIm / zmm;
      // Zin0 = Ze + T²/Zmt (+ 1/(jωC) of a series capacitor).
      const semi = semiInductance * powers[k]!;
      const zinRe = coilResistance + semi * cosN + t * t * invZmRe;
      const zinIm =
        omega * coilInductance +
        semi * sinN +
        t * t * invZmIm -
        (capacitance === undefined ? 0 : 1 / (omega * capacitance));
      const zz = zinRe * zinRe + zinIm * zinIm;
      const invZinRe = zinRe / zz;
      const invZinIm = -zinIm / zz;
      // Two drives: (V, p_X) = (1, 0) gives α, γ; (0, 1) gives β, δ.
      for (let drive = 0; drive < 2; drive++) {
        // i = (V + T·Sd·G·p_X/Zmt)/Zin0.
        let iRe = drive === 0 ? invZinRe : 0;
        let iIm = drive === 0 ? invZinIm : 0;
        if (drive === 1) {
          const uRe = t * sd * (gRe * invZmRe - gIm * invZmIm);
          const uIm = t * sd * (gRe * invZmIm + gIm * invZmRe);
          iRe = uRe * invZinRe - uIm * invZinIm;
          iIm = uRe * invZinIm + uIm * invZinRe;
        }
        const px = drive === 1 ? 1 : 0;
        // v = (T·i − Sd·G·p_X)/Zmt; Q = Sd·v.
        const fRe = t * iRe - sd * gRe * px;
        const fIm = t * iIm - sd * gIm * px;
        const qRe = sd * (fRe * invZmRe - fIm * invZmIm);
        const qIm = sd * (fRe * invZmIm + fIm * invZmRe);
        // Δ = Z_ac·Q + G·p_X; p_r = (Y_v·Δ − Q)/Y_r; p_f = p_r + Δ.
        const deltaRe = zacRe * qRe - zacIm * qIm + gRe * px;
        const deltaIm = zacRe * qIm + zacIm * qRe + gIm * px;
        const nRe = yvRe * deltaRe - yvIm * deltaIm - qRe;
        const nIm = yvRe * deltaIm + yvIm * deltaRe - qIm;
        const yy = yrRe * yrRe + yrIm * yrIm;
        const prRe = (nRe * yrRe + nIm * yrIm) / yy;
        const prIm = (nIm * yrRe - nRe * yrIm) / yy;
        const pfRe = prRe + deltaRe;
        const pfIm = prIm + deltaIm;
        // U = (p_f − A·p_X)/B.
        const wRe = pfRe - aRe * px;
        const wIm = pfIm - aIm * px;
        const base = 8 * k + 2 * drive;
        out[base] = wRe * invBRe - wIm * invBIm;
        out[base + 1] = wRe * invBIm + wIm * invBRe;
        out[base + 4] = iRe;
        out[base + 5] = iIm;
      }
    }
  }
}
