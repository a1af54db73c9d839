/**
 * The arithmetic the large-signal source terms need (sums, products, scaling by a number) over two
 * kinds of signal, so that one formula (largeSignalSources.ts) serves both solvers:
 *  - `sampleAlgebra(n)`: n time samples of one period, multiplied sample by sample (harmonic
 *    balance evaluates the nonlinearity in time this way);
 *  - `orderAlgebra(n)`: a weakly nonlinear signal as a power series in the drive level ε,
 *    s = ε·s₁ + ε²·s₂ + ε³·s₃, each sₖ n time samples, products truncated after ε³ (the Volterra
 *    path reads the ε² and ε³ parts). No signal has an ε⁰ part: every quantity vanishes without drive.
 */
export interface SignalAlgebra {
  add(a: Float64Array, b: Float64Array): Float64Array;
  multiply(a: Float64Array, b: Float64Array): Float64Array;
  scale(a: Float64Array, factor: number): Float64Array;
  zero(): Float64Array;
}

/** Time samples, sample by sample (plain loops: a typed array's map with a callback is slow). */
export function sampleAlgebra(samples: number): SignalAlgebra {
  return {
    add: (a, b) => {
      const out = new Float64Array(a.length);
      for (let k = 0; k < a.length; k++) out[k] = a[k]! + b[k]!;
      return out;
    },
    multiply: (a, b) => {
      const out = new Float64Array(a.length);
      for (let k = 0; k < a.length; k++) out[k] = a[k]! * b[k]!;
      return out;
    },
    scale: (a, factor) => {
      const out = new Float64Array(a.length);
      for (let k = 0; k < a.length; k++) out[k] = a[k]! * factor;
      return out;
    },
    zero: () => new Float64Array(samples),
  };
}

/** The largest order kept by `orderAlgebra`. */
export const HIGHEST_ORDER = 3;

/**
 * Power series in ε from ε¹ to ε³, stored order by order ([s₁ samples, s₂ samples, s₃ samples]).
 * (a·b)₂ = a₁b₁ and (a·b)₃ = a₁b₂ + a₂b₁: a product of two signals starts at ε².
 */
export function orderAlgebra(samples: number): SignalAlgebra {
  const n = samples;
  return {
    add: (a, b) => {
      const out = new Float64Array(a.length);
      for (let k = 0; k < a.length; k++) out[k] = a[k]! + b[k]!;
      return out;
    },
    scale: (a, factor) => {
      const out = new Float64Array(a.length);
      for (let k = 0; k < a.length; k++) out[k] = a[k]! * factor;
      return out;
    },
    zero: () => new Float64Array(HIGHEST_ORDER * n),
    multiply(a, b) {
      const product = new Float64Array(HIGHEST_ORDER * n);
      for (let t = 0; t < n; t++) {
        const [a1, a2, b1, b2] = [a[t]!, a[n + t]!, b[t]!, b[n + t]!];
        product[n + t] = a1 * b1;
        product[2 * n + t] = a1 * b2 + a2 * b1;
      }
      return product;
    },
  };
}
