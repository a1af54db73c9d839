import {
  type ComplexSeries,
  cAdd,
  cDiv,
  cMul,
  complexAt,
  newComplexSeries,
  setComplexAt,
} from "../../core/complexValue.js";

/*
 * A receiver's Hunt two-port (docs/physics.md §6): any linear receiver seen from its electrical terminals
 * and one acoustic output port. In the engine's gyrator convention (elements/couplings: v₁ = T·i₂ᵒᵘᵗ,
 * v₂ = T·i₁), with I the current into the plus terminal and U the volume velocity leaving the port:
 *
 *   V = Ze·I + T·U,     p = T·I − Za·U.
 *
 * A chain gyrator → reciprocal mechanics → area transformer → cavities and spout is antireciprocal,
 * so one coefficient T serves both equations. Closing the port with a load Z_X (p = Z_X·U) gives
 * U = T·I/(Za + Z_X) and Zin|X = V/I = Ze + T²/(Za + Z_X).
 *
 * Thevenin form for voltage drive V: with the port open (U = 0), I = V/Ze and p = T·V/Ze; with V = 0,
 * I = −T·U/Ze and p = −(Za + T²/Ze)·U. So
 *
 *   p = p_s·V − Z_s·U,   p_s = T/Ze (Pa/V),   Z_s = Za + T²/Ze (Pa·s/m³),
 *
 * and in a load Z_L: p = p_s·V·Z_L/(Z_s + Z_L).
 */

/**
 * A receiver's identified Hunt two-port on a frequency grid: the plain data of the measuredReceiver
 * element and of the two-port CSV file.
 */
export interface TwoPortTable {
  /** Strictly ascending frequencies in Hz. */
  readonly frequencyHz: readonly number[];
  /** Blocked electrical impedance Ze (port closed rigidly, U = 0), Ω. */
  readonly ze: ComplexSeries;
  /** Transduction T, Pa/A (= V·s/m³): open-port pressure per ampere. */
  readonly transduction: ComplexSeries;
  /** Acoustic impedance Za looking into the port with the electrical terminals open, Pa·s/m³. */
  readonly za: ComplexSeries;
}

/** The Thevenin equivalent of the acoustic port under voltage drive. */
export interface TheveninSource {
  /** Open-port pressure per volt p_s = T/Ze, Pa/V. */
  readonly pressurePerVolt: ComplexSeries;
  /** Source impedance Z_s = Za + T²/Ze, Pa·s/m³. */
  readonly sourceImpedance: ComplexSeries;
}

/** p_s = T/Ze and Z_s = Za + T²/Ze per frequency. */
export function theveninSource(table: TwoPortTable): TheveninSource {
  const count = table.frequencyHz.length;
  const pressurePerVolt = newComplexSeries(count);
  const sourceImpedance = newComplexSeries(count);
  for (let k = 0; k < count; k++) {
    const ze = complexAt(table.ze, k);
    const t = complexAt(table.transduction, k);
    setComplexAt(pressurePerVolt, k, cDiv(t, ze));
    setComplexAt(sourceImpedance, k, cAdd(complexAt(table.za, k), cDiv(cMul(t, t), ze)));
  }
  return { pressurePerVolt, sourceImpedance };
}

/** Pressure per volt in a load Z_L driven by a Thevenin source: p = p_s·Z_L/(Z_s + Z_L), Pa/V. */
export function pressureInLoad(
  source: TheveninSource,
  loadImpedance: ComplexSeries,
): ComplexSeries {
  const count = source.pressurePerVolt.re.length;
  const pressure = newComplexSeries(count);
  for (let k = 0; k < count; k++) {
    const load = complexAt(loadImpedance, k);
    const ratio = cDiv(load, cAdd(complexAt(source.sourceImpedance, k), load));
    setComplexAt(pressure, k, cMul(complexAt(source.pressurePerVolt, k), ratio));
  }
  return pressure;
}

/** The input impedance Ze + T²/(Za + Z_X) the two-port predicts with load Z_X, Ω. */
export function inputImpedanceWithLoad(
  table: TwoPortTable,
  loadImpedance: ComplexSeries,
): ComplexSeries {
  const count = table.frequencyHz.length;
  const result = newComplexSeries(count);
  for (let k = 0; k < count; k++) {
    const t = complexAt(table.transduction, k);
    const back = cDiv(cMul(t, t), cAdd(complexAt(table.za, k), complexAt(loadImpedance, k)));
    setComplexAt(result, k, cAdd(complexAt(table.ze, k), back));
  }
  return result;
}
