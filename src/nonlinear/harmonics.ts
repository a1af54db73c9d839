/**
 * A periodic signal by its harmonics, in peak phasors: s(t) = X₀ + Σₖ Re(Xₖ·e^{jkωt}), k = 1…K
 * (X₀ real, the mean). Going to time samples and back is a plain discrete Fourier transform over
 * one period: with N samples at ωt = 2πn/N, Xₖ = (2/N)·Σₙ s(n)·e^{−j2πkn/N} and X₀ = (1/N)·Σₙ s(n).
 * It is exact for harmonics below N/2; a product of signals with harmonics up to K has harmonics
 * up to (degree)·K, which fold back onto k ≤ K only when N ≤ (degree + 1)·K, so callers pick N
 * above that (`samplesFor`). N is at most a few hundred: a direct transform with a cosine table is
 * as fast as an FFT here and simpler.
 */
export interface Harmonics {
  /** Index k = 0…K: real and imaginary parts of Xₖ (im[0] = 0). */
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/** A transform between K harmonics and N samples per period, with its tables computed once. */
export class PeriodTransform {
  readonly harmonics: number;
  readonly samples: number;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;

  constructor(harmonics: number, samples: number) {
    if (samples <= 2 * harmonics)
      throw new RangeError(`${samples} samples cannot carry ${harmonics} harmonics`);
    this.harmonics = harmonics;
    this.samples = samples;
    this.cos = new Float64Array(samples);
    this.sin = new Float64Array(samples);
    for (let n = 0; n < samples; n++) {
      this.cos[n] = Math.cos((2 * Math.PI * n) / samples);
      this.sin[n] = Math.sin((2 * Math.PI * n) / samples);
    }
  }

  /** The N samples of one period. */
  toSamples(signal: Harmonics): Float64Array {
    const { samples, harmonics, cos, sin } = this;
    const out = new Float64Array(samples).fill(signal.re[0]!);
    for (let k = 1; k <= harmonics; k++) {
      const [a, b] = [signal.re[k]!, signal.im[k]!];
      if (a === 0 && b === 0) continue;
      for (let n = 0; n < samples; n++) {
        const m = (k * n) % samples;
        out[n] = out[n]! + a * cos[m]! - b * sin[m]!;
      }
    }
    return out;
  }

  /** Harmonics 0…K of N samples (of the first N values of `values`, from `offset`). */
  toHarmonics(values: Float64Array, offset = 0): Harmonics {
    const { samples, harmonics, cos, sin } = this;
    const re = new Float64Array(harmonics + 1);
    const im = new Float64Array(harmonics + 1);
    let mean = 0;
    for (let n = 0; n < samples; n++) mean += values[offset + n]!;
    re[0] = mean / samples;
    for (let k = 1; k <= harmonics; k++) {
      let sumRe = 0;
      let sumIm = 0;
      for (let n = 0; n < samples; n++) {
        const m = (k * n) % samples;
        const value = values[offset + n]!;
        sumRe += value * cos[m]!;
        sumIm -= value * sin[m]!;
      }
      re[k] = (2 * sumRe) / samples;
      im[k] = (2 * sumIm) / samples;
    }
    return { re, im };
  }
}

/**
 * Samples per period for harmonics up to K through products of `degree` signals: the smallest power
 * of two above (degree + 1)·K, at least 16, so that nothing folds back onto the harmonics kept.
 */
export function samplesFor(harmonics: number, degree: number): number {
  let samples = 16;
  while (samples <= (degree + 1) * harmonics) samples *= 2;
  return samples;
}
