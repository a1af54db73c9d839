import type { Port, PrimitiveRealization, StampContext } from "./elementModel.js";
import type { Domain } from "../core/domain.js";

/**
 * Shared stamping patterns of modified nodal analysis. Rows are Kirchhoff flow balances (flow leaving
 * a node through its elements = flow injected); columns are node potentials and branch flows.
 */

/** Writes an admittance (re, im) into `out` for angular frequency ω. */
export type AdmittanceAt = (omega: number, out: Float64Array) => void;

/** The one port of a two-terminal element of the given domain. */
export function twoTerminalPort(domain: Domain): readonly Port[] {
  return [{ terminals: [0, 1], domain }];
}

/** Adds y at (a,a), (b,b) and −y at (a,b), (b,a) through `add`. */
function addBetween(
  context: StampContext,
  add: (row: number, col: number, value: number) => void,
  value: number,
): void {
  const a = context.node(0);
  const b = context.node(1);
  add(a, a, value);
  add(b, b, value);
  add(a, b, -value);
  add(b, a, -value);
}

/** A two-terminal conductance G (1/R of any domain). */
export function conductanceStamp(context: StampContext, conductance: number): PrimitiveRealization {
  addBetween(context, (row, col, value) => context.addConstant(row, col, value), conductance);
  return {};
}

/** A two-terminal capacitance-like element: admittance jωC (capacitor, compliance, cavity). */
export function capacitanceStamp(context: StampContext, capacitance: number): PrimitiveRealization {
  addBetween(context, (row, col, value) => context.addTimesJOmega(row, col, value), capacitance);
  return {};
}

/** A two-terminal inductance-like element: admittance 1/(jωL) (inductor, mass, inertance). */
export function inductanceStamp(context: StampContext, inductance: number): PrimitiveRealization {
  addBetween(context, (row, col, value) => context.addOverJOmega(row, col, value), 1 / inductance);
  return {};
}

/** A two-terminal element with a general admittance y(ω), evaluated at every frequency. */
export function admittanceStamp(
  context: StampContext,
  admittance: AdmittanceAt,
): PrimitiveRealization {
  const a = context.node(0);
  const b = context.node(1);
  const aa = context.entry(a, a);
  const ab = context.entry(a, b);
  const ba = context.entry(b, a);
  const bb = context.entry(b, b);
  const y = new Float64Array(2);
  return {
    stamp(omega, matrixRe, matrixIm) {
      admittance(omega, y);
      const yr = y[0]!;
      const yi = y[1]!;
      if (aa >= 0) {
        matrixRe[aa] = matrixRe[aa]! + yr;
        matrixIm[aa] = matrixIm[aa]! + yi;
      }
      if (bb >= 0) {
        matrixRe[bb] = matrixRe[bb]! + yr;
        matrixIm[bb] = matrixIm[bb]! + yi;
      }
      if (ab >= 0) {
        matrixRe[ab] = matrixRe[ab]! - yr;
        matrixIm[ab] = matrixIm[ab]! - yi;
      }
      if (ba >= 0) {
        matrixRe[ba] = matrixRe[ba]! - yr;
        matrixIm[ba] = matrixIm[ba]! - yi;
      }
    },
  };
}

/** Admittance of a series impedance R + jωM (resistance and inertance/mass/inductance). */
export function seriesRmAdmittance(resistance: number, inertance: number): AdmittanceAt {
  return (omega, out) => {
    const x = omega * inertance;
    const denominator = resistance * resistance + x * x;
    out[0] = resistance / denominator;
    out[1] = -x / denominator;
  };
}

/**
 * An ideal potential source (voltage, pressure, force) of value `value` with optional series
 * resistance: p(first) − p(second) + R·I = value, where the branch unknown I is the flow the source
 * delivers out of its first terminal into the network.
 */
export function potentialSourceStamp(
  context: StampContext,
  value: number,
  seriesResistance: number,
): PrimitiveRealization {
  const plus = context.node(0);
  const minus = context.node(1);
  const branch = context.branch();
  context.addConstant(plus, branch, -1);
  context.addConstant(minus, branch, 1);
  context.addConstant(branch, plus, 1);
  context.addConstant(branch, minus, -1);
  if (seriesResistance > 0) context.addConstant(branch, branch, seriesResistance);
  context.addSource(branch, value);
  return { sourceBranch: branch };
}

/** An ideal flow source (current, volume velocity) driving `value` into its first terminal. */
export function flowSourceStamp(context: StampContext, value: number): PrimitiveRealization {
  context.addSource(context.node(0), value);
  context.addSource(context.node(1), -value);
  return {};
}

/** A frequency-independent real stamp from (row, col, value) triples; ground entries are dropped. */
export function constantStamp(
  context: StampContext,
  triples: readonly (readonly [row: number, col: number, value: number])[],
): PrimitiveRealization {
  for (const [row, col, value] of triples) context.addConstant(row, col, value);
  return {};
}
