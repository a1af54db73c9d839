/**
 * Checks the referee (referenceSolver.ts) against exact arithmetic: the same modified nodal matrix
 * (its double entries taken as exact binary fractions) is solved with complex rationals over BigInt,
 * and the referee's node voltages must match the exact solution to a few ulps — including on
 * wide-range networks whose conditioning makes plain double-precision LU (and ngspice) err by ~1e-6.
 */
import { describe, expect, it } from "vitest";
import { randomNetwork, rlcLadder, WIDE_VALUE_RANGES } from "./randomNetworks.js";
import { buildMna, referenceSolve } from "./referenceSolver.js";

type Rational = [bigint, bigint]; // numerator, denominator > 0, reduced
type Complex = [Rational, Rational];

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
};
const reduce = (n: bigint, d: bigint): Rational => {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? [n / g, d / g] : [n, d];
};
const fromDouble = (x: number): Rational => {
  let scale = 0;
  while (!Number.isInteger(x)) {
    x *= 2;
    scale++;
  }
  return reduce(BigInt(x), 1n << BigInt(scale));
};
const add = (a: Rational, b: Rational) => reduce(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const sub = (a: Rational, b: Rational) => reduce(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Rational, b: Rational) => reduce(a[0] * b[0], a[1] * b[1]);
const cSub = (a: Complex, b: Complex): Complex => [sub(a[0], b[0]), sub(a[1], b[1])];
const cMul = (a: Complex, b: Complex): Complex => [
  sub(mul(a[0], b[0]), mul(a[1], b[1])),
  add(mul(a[0], b[1]), mul(a[1], b[0])),
];
const cDiv = (a: Complex, b: Complex): Complex => {
  const d = add(mul(b[0], b[0]), mul(b[1], b[1]));
  const [nr, ni] = cMul(a, [b[0], [-b[1][0], b[1][1]]]);
  return [reduce(nr[0] * d[1], nr[1] * d[0]), reduce(ni[0] * d[1], ni[1] * d[0])];
};
const isZero = (a: Complex) => a[0][0] === 0n && a[1][0] === 0n;
/** Correctly scaled conversion of a rational to the nearest-ish double (error < 1e-17 relative). */
const toDouble = ([n, d]: Rational): number => {
  if (n === 0n) return 0;
  const negative = n < 0n;
  const m = negative ? -n : n;
  const shift = Math.max(0, 80 + d.toString(2).length - m.toString(2).length);
  const value = Number((m << BigInt(shift)) / d) / 2 ** shift;
  return negative ? -value : value;
};

function exactSolve(design: Parameters<typeof buildMna>[0], f: number) {
  const mna = buildMna(design, f);
  const n = mna.size;
  const a: Complex[][] = mna.re.map((row, i) =>
    Array.from(row, (x, j): Complex => [fromDouble(x), fromDouble(mna.im[i]![j]!)]),
  );
  const b: Complex[] = Array.from(mna.rhsRe, (x, i): Complex => [
    fromDouble(x),
    fromDouble(mna.rhsIm[i]!),
  ]);
  for (let c = 0; c < n; c++) {
    let p = c;
    while (isZero(a[p]![c]!)) p++;
    [a[c], a[p]] = [a[p]!, a[c]!];
    [b[c], b[p]] = [b[p]!, b[c]!];
    for (let r = c + 1; r < n; r++) {
      if (isZero(a[r]![c]!)) continue;
      const l = cDiv(a[r]![c]!, a[c]![c]!);
      for (let k = c; k < n; k++) a[r]![k] = cSub(a[r]![k]!, cMul(l, a[c]![k]!));
      b[r] = cSub(b[r]!, cMul(l, b[c]!));
    }
  }
  const x: Complex[] = new Array<Complex>(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < n; k++) s = cSub(s, cMul(a[r]![k]!, x[k]!));
    x[r] = cDiv(s, a[r]![r]!);
  }
  const voltages = new Map<string, [number, number]>();
  for (const [name, i] of mna.nodes) voltages.set(name, [toDouble(x[i]![0]), toDouble(x[i]![1])]);
  return voltages;
}

const WIDE = WIDE_VALUE_RANGES;

describe("referee: refined dense solve vs exact rational arithmetic", () => {
  const cases = [
    // wide value ranges: ill-conditioned at 10 Hz (the regime where plain LU loses ~1e-6)
    ...[3, 11, 29].map((seed) => randomNetwork(seed, { nodes: [5, 9], ranges: WIDE })),
    ...[4, 12].map((seed) =>
      randomNetwork(seed, { nodes: [5, 9], outputImpedanceProbability: 0.5 }),
    ),
    rlcLadder({ sections: 4 }),
  ];
  it.each(cases.map((design) => [design.name, design] as const))(
    "%s matches the exact solution to 1e-14",
    (_name, design) => {
      for (const f of [10, 1234.5, 1e5]) {
        const exact = exactSolve(design, f);
        const refined = referenceSolve(design, f);
        let scale = 0;
        for (const [re, im] of exact.values()) scale = Math.max(scale, Math.hypot(re, im));
        for (const [node, [re, im]] of exact) {
          const [rr, ri] = refined.get(node)!;
          const error = Math.hypot(rr - re, ri - im) / Math.max(Math.hypot(re, im), 1e-12 * scale);
          expect(error, `${design.name} node ${node} at ${f} Hz`).toBeLessThan(1e-14);
        }
      }
    },
  );
});
