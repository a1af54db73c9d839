/**
 * A referee for the golden comparison: solves a lumped design's modified nodal equations at one
 * frequency to (nearly) exact accuracy, so that the test can show the ngspice reference is itself
 * accurate on the networks it is used for.
 *
 * Why it exists: ngspice (like any double-precision solver) is only as accurate as the network's
 * conditioning allows. On random networks whose element impedances span ~9 decades at 10 Hz, ngspice
 * deviates from the exact solution by up to 1e-5 relative (measured; see README.md), which would make
 * a 1e-9 comparison meaningless. The test therefore checks, network by network, that ngspice agrees
 * with this referee to well below 1e-9 before it holds Tympan to 1e-9 against ngspice.
 *
 * Method: dense complex LU with partial pivoting, then mixed-precision iterative refinement — the
 * residual b − A·x is computed exactly up to double-double rounding (Dekker's TwoProduct and Knuth's
 * TwoSum), and x is kept as an unevaluated double-double. The matrix entries are the admittances as
 * doubles (1/R, ωC, 1/(ωL) with ω = 2πf), i.e. the same rounded data both solvers start from.
 * referenceSolver.test.ts checks it against exact rational arithmetic (BigInt).
 * Independent of Tympan's code on purpose: it shares nothing with src/.
 */
import type { LumpedDesign } from "./randomNetworks.js";

export interface Mna {
  /** Tympan node name → unknown index (ground excluded). */
  nodes: Map<string, number>;
  size: number;
  /** Dense matrix, row-major, split real/imaginary. */
  re: Float64Array[];
  im: Float64Array[];
  rhsRe: Float64Array;
  rhsIm: Float64Array;
}

/**
 * Modified nodal analysis: node voltages, then one branch current per voltage source. A voltage
 * source with output impedance Z > 0 is stamped as its Norton equivalent (V/Z into plus, 1/Z across).
 */
export function buildMna(design: LumpedDesign, frequencyHz: number): Mna {
  const nodes = new Map<string, number>();
  const index = (name: string): number => {
    if (name === "0") return -1;
    let i = nodes.get(name);
    if (i === undefined) {
      i = nodes.size;
      nodes.set(name, i);
    }
    return i;
  };
  for (const element of design.elements) element.nodes.forEach(index);
  const branches = design.elements.filter(
    (e) => e.type === "voltageSource" && !((e.outputImpedance ?? 0) > 0),
  ).length;
  const size = nodes.size + branches;
  const re = Array.from({ length: size }, () => new Float64Array(size));
  const im = Array.from({ length: size }, () => new Float64Array(size));
  const rhsRe = new Float64Array(size);
  const rhsIm = new Float64Array(size);
  const omega = 2 * Math.PI * frequencyHz;
  const admittance = (a: number, b: number, yRe: number, yIm: number) => {
    if (a >= 0) {
      re[a]![a]! += yRe;
      im[a]![a]! += yIm;
    }
    if (b >= 0) {
      re[b]![b]! += yRe;
      im[b]![b]! += yIm;
    }
    if (a >= 0 && b >= 0) {
      re[a]![b]! -= yRe;
      im[a]![b]! -= yIm;
      re[b]![a]! -= yRe;
      im[b]![a]! -= yIm;
    }
  };
  const inject = (into: number, from: number, current: number) => {
    if (into >= 0) rhsRe[into]! += current;
    if (from >= 0) rhsRe[from]! -= current;
  };
  let branch = nodes.size;
  for (const element of design.elements) {
    const [a, b] = element.nodes.map(index) as [number, number];
    switch (element.type) {
      case "resistor":
        admittance(a, b, 1 / element.resistance, 0);
        break;
      case "capacitor":
        admittance(a, b, 0, omega * element.capacitance);
        break;
      case "inductor":
        admittance(a, b, 0, -1 / (omega * element.inductance));
        break;
      case "currentSource":
        inject(a, b, element.current);
        break;
      case "voltageSource": {
        const z = element.outputImpedance ?? 0;
        if (z > 0) {
          admittance(a, b, 1 / z, 0);
          inject(a, b, element.voltage / z);
        } else {
          const k = branch++;
          if (a >= 0) {
            re[a]![k] = 1;
            re[k]![a] = 1;
          }
          if (b >= 0) {
            re[b]![k] = -1;
            re[k]![b] = -1;
          }
          rhsRe[k] = element.voltage;
        }
        break;
      }
    }
  }
  return { nodes, size, re, im, rhsRe, rhsIm };
}

// Error-free transformations (Dekker 1971, Knuth): a·b = p + e and a + b = s + e exactly.
const SPLITTER = 134217729; // 2^27 + 1
function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return [p, aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo];
}
function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** A double-double accumulator for sums of products. */
class Accumulator {
  hi = 0;
  lo = 0;
  add(x: number): void {
    const [s, e] = twoSum(this.hi, x);
    this.hi = s;
    this.lo += e;
  }
  addProduct(a: number, b: number): void {
    const [p, e] = twoProduct(a, b);
    this.add(p);
    this.lo += e;
  }
  value(): number {
    return this.hi + this.lo;
  }
}

/** Dense LU with partial pivoting of a copy of the matrix; returns a solver for new right-hand sides. */
function factor(mna: Mna): (bRe: Float64Array, bIm: Float64Array) => [Float64Array, Float64Array] {
  const n = mna.size;
  const re = mna.re.map((row) => Float64Array.from(row));
  const im = mna.im.map((row) => Float64Array.from(row));
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    let best = -1;
    for (let r = c; r < n; r++) {
      const m = Math.hypot(re[r]![c]!, im[r]![c]!);
      if (m > best) {
        best = m;
        pivot = r;
      }
    }
    if (best === 0) throw new Error(`referee: singular matrix at column ${c}`);
    [re[c], re[pivot]] = [re[pivot]!, re[c]!];
    [im[c], im[pivot]] = [im[pivot]!, im[c]!];
    [perm[c], perm[pivot]] = [perm[pivot]!, perm[c]!];
    const rowRe = re[c]!;
    const rowIm = im[c]!;
    const pr = rowRe[c]!;
    const pi = rowIm[c]!;
    const d = pr * pr + pi * pi;
    for (let r = c + 1; r < n; r++) {
      const ar = re[r]![c]!;
      const ai = im[r]![c]!;
      if (ar === 0 && ai === 0) continue;
      const lr = (ar * pr + ai * pi) / d;
      const li = (ai * pr - ar * pi) / d;
      re[r]![c] = lr;
      im[r]![c] = li;
      const targetRe = re[r]!;
      const targetIm = im[r]!;
      for (let k = c + 1; k < n; k++) {
        const ur = rowRe[k]!;
        const ui = rowIm[k]!;
        if (ur === 0 && ui === 0) continue;
        targetRe[k]! -= lr * ur - li * ui;
        targetIm[k]! -= lr * ui + li * ur;
      }
    }
  }
  return (bRe, bIm) => {
    const yr = new Float64Array(n);
    const yi = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      let sr = bRe[perm[r]!]!;
      let si = bIm[perm[r]!]!;
      for (let k = 0; k < r; k++) {
        sr -= re[r]![k]! * yr[k]! - im[r]![k]! * yi[k]!;
        si -= re[r]![k]! * yi[k]! + im[r]![k]! * yr[k]!;
      }
      yr[r] = sr;
      yi[r] = si;
    }
    for (let r = n - 1; r >= 0; r--) {
      let sr = yr[r]!;
      let si = yi[r]!;
      for (let k = r + 1; k < n; k++) {
        sr -= re[r]![k]! * yr[k]! - im[r]![k]! * yi[k]!;
        si -= re[r]![k]! * yi[k]! + im[r]![k]! * yr[k]!;
      }
      const pr = re[r]![r]!;
      const pi = im[r]![r]!;
      const d = pr * pr + pi * pi;
      yr[r] = (sr * pr + si * pi) / d;
      yi[r] = (si * pr - sr * pi) / d;
    }
    return [yr, yi];
  };
}

/**
 * Node voltages (Tympan node name → [re, im]) of the design at one frequency, refined until the
 * double-double correction stops changing the rounded result (at most `maxIterations` rounds).
 */
export function referenceSolve(
  design: LumpedDesign,
  frequencyHz: number,
  maxIterations = 10,
): Map<string, [number, number]> {
  const mna = buildMna(design, frequencyHz);
  const n = mna.size;
  const solve = factor(mna);
  const [xRe, xIm] = solve(mna.rhsRe, mna.rhsIm);
  const loRe = new Float64Array(n);
  const loIm = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const rRe = new Float64Array(n);
    const rIm = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const sr = new Accumulator();
      const si = new Accumulator();
      sr.add(mna.rhsRe[r]!);
      si.add(mna.rhsIm[r]!);
      const rowRe = mna.re[r]!;
      const rowIm = mna.im[r]!;
      for (let k = 0; k < n; k++) {
        const ar = rowRe[k]!;
        const ai = rowIm[k]!;
        if (ar === 0 && ai === 0) continue;
        for (const [yr, yi] of [
          [xRe[k]!, xIm[k]!],
          [loRe[k]!, loIm[k]!],
        ] as const) {
          sr.addProduct(-ar, yr);
          sr.addProduct(ai, yi);
          si.addProduct(-ar, yi);
          si.addProduct(-ai, yr);
        }
      }
      rRe[r] = sr.value();
      rIm[r] = si.value();
    }
    const [dRe, dIm] = solve(rRe, rIm);
    let changed = false;
    for (let k = 0; k < n; k++) {
      const before = [xRe[k]! + loRe[k]!, xIm[k]! + loIm[k]!];
      let [s, e] = twoSum(xRe[k]!, dRe[k]!);
      [xRe[k], loRe[k]] = twoSum(s, e + loRe[k]!);
      [s, e] = twoSum(xIm[k]!, dIm[k]!);
      [xIm[k], loIm[k]] = twoSum(s, e + loIm[k]!);
      if (xRe[k]! + loRe[k]! !== before[0] || xIm[k]! + loIm[k]! !== before[1]) changed = true;
    }
    if (!changed && iteration > 0) break;
  }
  const voltages = new Map<string, [number, number]>();
  for (const [name, i] of mna.nodes) voltages.set(name, [xRe[i]! + loRe[i]!, xIm[i]! + loIm[i]!]);
  return voltages;
}
