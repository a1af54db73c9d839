/**
 * The `GraphicEQ:` line of Wavelet (Android) and EqualizerAPO's graphic EQ: "GraphicEQ: f g; f g; …"
 * on 127 bands f_k = 20·1.0563^k Hz (k = 0…126, up to 19 871 Hz; AutoEq's DEFAULT_GRAPHIC_EQ_STEP,
 * docs/measurements.md §5). The line has no preamp of its own, so the curve is shifted down by its maximum:
 * it never boosts, and a listener loses exactly the headroom a parametric preset's preamp takes.
 */
import { DEFAULT_SAMPLE_RATE_HZ, type Biquad } from "./biquad.js";
import { eqResponseDb } from "./eqResponse.js";

export const GRAPHIC_EQ_STEP = 1.0563;
export const GRAPHIC_EQ_BANDS = 127;

/** The 127 band frequencies, Hz, unrounded. */
export function graphicEqFrequencies(): number[] {
  return Array.from({ length: GRAPHIC_EQ_BANDS }, (_, k) => 20 * GRAPHIC_EQ_STEP ** k);
}

/**
 * The filters' summed response on the graphic-EQ bands as a `GraphicEQ:` line (frequencies to whole
 * hertz, gains to 0.1 dB, the maximum at 0 dB), ending with a newline.
 */
export function formatGraphicEq(
  filters: readonly Biquad[],
  sampleRateHz: number = DEFAULT_SAMPLE_RATE_HZ,
): string {
  const frequencies = graphicEqFrequencies();
  const gains = eqResponseDb(filters, frequencies, sampleRateHz);
  const top = Math.max(...gains);
  const bands = frequencies.map((f, k) => {
    const gain = Number((gains[k]! - top).toFixed(1));
    return `${Math.round(f)} ${(gain === 0 ? 0 : gain).toFixed(1)}`;
  });
  return `GraphicEQ: ${bands.join("; ")}\n`;
}
