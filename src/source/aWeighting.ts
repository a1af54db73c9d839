/**
 * A-frequency-weighting of IEC 61672-1:2013 (§5.4.11, equations E.6–E.7), in closed form: the
 * weighting a sound level meter applies, and the weighting under which amplifier noise floors are
 * specified ("µV, A-weighted").
 *
 *   R_A(f) = f₄²·f⁴ / ((f² + f₁²)·√((f² + f₂²)(f² + f₃²))·(f² + f₄²))
 *   A(f)   = 20·log10(R_A(f)) − 20·log10(R_A(1000 Hz))
 *
 * with the standard's pole frequencies f₁ = 20.598997 Hz, f₂ = 107.65265 Hz, f₃ = 737.86223 Hz,
 * f₄ = 12194.217 Hz. The standard rounds the normalisation to A₁₀₀₀ = −2.000 dB; here it is the exact
 * value, so A(1 kHz) = 0 dB exactly.
 */

const F1_HZ = 20.598997;
const F2_HZ = 107.65265;
const F3_HZ = 737.86223;
const F4_HZ = 12194.217;

/** The unnormalised A-weighting magnitude R_A(f) (a ratio). */
function rawMagnitude(frequencyHz: number): number {
  const f2 = frequencyHz * frequencyHz;
  return (
    (F4_HZ * F4_HZ * f2 * f2) /
    ((f2 + F1_HZ * F1_HZ) *
      Math.sqrt((f2 + F2_HZ * F2_HZ) * (f2 + F3_HZ * F3_HZ)) *
      (f2 + F4_HZ * F4_HZ))
  );
}

const AT_1KHZ = rawMagnitude(1000);

/** The A-weighting as a magnitude ratio (1 at 1 kHz). */
export function aWeightingGain(frequencyHz: number): number {
  return rawMagnitude(frequencyHz) / AT_1KHZ;
}

/** The A-weighting in dB (0 dB at 1 kHz; −19.1 dB at 100 Hz, +1.2 dB at 2 kHz). */
export function aWeightingDb(frequencyHz: number): number {
  return 20 * Math.log10(aWeightingGain(frequencyHz));
}
