import { SPL_REFERENCE_PA } from "../core/air.js";
import { aWeightingGain } from "./aWeighting.js";
import { THRESHOLD_AT_711_DRUM, THRESHOLD_RANGE_HZ, THRESHOLD_SOURCE } from "./hearingThreshold.js";
import type { SourceModel } from "./sourceModel.js";
import { type SourceLoad, dividerGain } from "./sourceLoad.js";
import { thirdOctaveBands } from "./thirdOctaveBands.js";

/** The band over which noise floors are specified (and the assumed white noise extends). */
const NOISE_BAND_HZ = { fromHz: 20, toHz: 20_000 } as const;

/**
 * ∫ A(f)² df over 20 Hz–20 kHz (Hz): the bandwidth that, times a white noise's power density, gives
 * its A-weighted power. Trapezoid rule on a 1 Hz grid (A² is smooth on that scale; 0.001 % accurate).
 */
export const A_WEIGHTED_NOISE_BANDWIDTH_HZ = (() => {
  let sum = 0;
  let previous = aWeightingGain(NOISE_BAND_HZ.fromHz) ** 2;
  for (let f = NOISE_BAND_HZ.fromHz + 1; f <= NOISE_BAND_HZ.toHz; f++) {
    const value = aWeightingGain(f) ** 2;
    sum += 0.5 * (previous + value);
    previous = value;
  }
  return sum;
})();

/**
 * The white-noise voltage density (V/√Hz) whose A-weighted rms over 20 Hz–20 kHz is `microvoltsA`:
 * e = N_A / √(∫A² df). Assumption: the source's noise is white (flat) over the audio band, the usual
 * shape of amplifier and DAC output noise away from hum and 1/f noise.
 */
export function whiteNoiseDensity(microvoltsA: number): number {
  return (microvoltsA * 1e-6) / Math.sqrt(A_WEIGHTED_NOISE_BANDWIDTH_HZ);
}

/** Margin of the loudest hiss band over the threshold (dB) from which each verdict applies. */
export const HISS_VERDICTS = [
  { fromDb: 10, verdict: "clearly audible hiss, heard even under quiet music" },
  { fromDb: 0, verdict: "audible hiss in quiet passages and between tracks" },
  {
    fromDb: -6,
    verdict:
      "at the edge of audibility: perhaps heard by keen young ears in a silent room, not by most listeners",
  },
  { fromDb: -Infinity, verdict: "inaudible: below the threshold of hearing" },
] as const;

export interface HissBand {
  readonly nominalHz: number;
  /** Hiss in the band at the drum (dB SPL). */
  readonly levelDbSpl: number;
  /** Threshold of hearing there (dB SPL at the 711 drum). */
  readonly thresholdDbSpl: number;
  readonly marginDb: number;
}

export interface Hiss {
  readonly noiseMicrovoltsA: number;
  /** The assumed white noise density (nV/√Hz). */
  readonly noiseDensityNanovoltsPerRootHz: number;
  /** The hiss at the drum, A-weighted over 20 Hz–20 kHz (dB(A) SPL). */
  readonly aWeightedDbSpl: number;
  /** One-third-octave bands 125 Hz–8 kHz (the threshold table's range). */
  readonly bands: readonly HissBand[];
  /** The largest band margin over the threshold (dB; > 0 audible) and its band. */
  readonly marginDb: number;
  readonly worstBandHz: number;
  readonly verdict: string;
  /** The source noise (µV(A)) at which the loudest band would just reach the threshold. */
  readonly audibleAboveMicrovoltsA: number;
  readonly assumptions: readonly string[];
}

/**
 * The source's hiss at the eardrum. The noise is a voltage in series with the source, so it reaches
 * the terminals through the same divider Z/(Z + Zout) as the music and the drum through the same
 * pressure per volt H(f): its pressure density is e·|Z/(Z + Zout)|·|H(f)| (Pa/√Hz). Integrated over
 * each one-third-octave band it gives band levels to compare with the threshold of hearing at the
 * drum; weighted by A(f)² over 20 Hz–20 kHz it gives the dB(A) a sound level meter in the ear would
 * read.
 */
export function hissAtDrum(load: SourceLoad, source: SourceModel): Hiss {
  const density = whiteNoiseDensity(source.noiseMicrovoltsA);
  const divider = dividerGain(load, source.outputImpedanceOhm);
  const f = load.frequencyHz;
  // Pressure power density at the drum per unit noise power density (Pa²/V²).
  const gainSquared = load.drumPaPerVolt.map((h, i) => (h * divider[i]!) ** 2);
  const aWeighted = gainSquared.map((g, i) => g * aWeightingGain(f[i]!) ** 2);
  const power = (values: readonly number[], fromHz: number, toHz: number) =>
    density ** 2 * integrate(f, values, fromHz, toHz);
  const level = (pressureSquared: number) =>
    10 * Math.log10(Math.max(pressureSquared, Number.MIN_VALUE) / SPL_REFERENCE_PA ** 2);
  const from = Math.max(NOISE_BAND_HZ.fromHz, f[0]!);
  const to = Math.min(NOISE_BAND_HZ.toHz, f[f.length - 1]!);
  const aWeightedDbSpl = level(power(aWeighted, from, to));
  const threshold = new Map(THRESHOLD_AT_711_DRUM.map((row) => [row.hz, row.db]));
  const bands = thirdOctaveBands(THRESHOLD_RANGE_HZ.fromHz, THRESHOLD_RANGE_HZ.toHz)
    .filter((band) => band.lowerHz >= f[0]! && band.upperHz <= f[f.length - 1]!)
    .map((band) => {
      const levelDbSpl = level(power(gainSquared, band.lowerHz, band.upperHz));
      const thresholdDbSpl = threshold.get(band.nominalHz)!;
      return {
        nominalHz: band.nominalHz,
        levelDbSpl,
        thresholdDbSpl,
        marginDb: levelDbSpl - thresholdDbSpl,
      };
    });
  const worst = bands.reduce((a, b) => (b.marginDb > a.marginDb ? b : a));
  const marginDb = worst.marginDb;
  return {
    noiseMicrovoltsA: source.noiseMicrovoltsA,
    noiseDensityNanovoltsPerRootHz: density * 1e9,
    aWeightedDbSpl,
    bands,
    marginDb,
    worstBandHz: worst.nominalHz,
    verdict: hissVerdict(marginDb),
    audibleAboveMicrovoltsA: source.noiseMicrovoltsA * 10 ** (-marginDb / 20),
    assumptions: [
      "the noise floor is white over 20 Hz–20 kHz (its A-weighted figure sets the density)",
      `threshold of hearing: ${THRESHOLD_SOURCE}, one-third-octave bands 125 Hz–8 kHz; these are pressures at the 711's drum (not free-field levels, which would need the head-and-ear gain added); monaural medians for tones: both ears together hear about 2–3 dB lower`,
    ],
  };
}

/** The plain-words verdict for a margin (dB) of the loudest hiss band over the threshold. */
export function hissVerdict(marginDb: number): string {
  const row = HISS_VERDICTS.find((candidate) => marginDb >= candidate.fromDb)!;
  const amount = `${Math.abs(marginDb).toFixed(1)} dB ${marginDb >= 0 ? "above" : "below"} the threshold`;
  return `${row.verdict} (${amount})`;
}

/**
 * ∫ y df from `fromHz` to `toHz` by the trapezoid rule on the samples (f, y), with y interpolated
 * linearly at the ends. The samples must cover [fromHz, toHz].
 */
export function integrate(
  frequencyHz: readonly number[],
  values: readonly number[],
  fromHz: number,
  toHz: number,
): number {
  const at = (x: number) => {
    let i = 1;
    while (i < frequencyHz.length - 1 && frequencyHz[i]! < x) i++;
    const f0 = frequencyHz[i - 1]!;
    const f1 = frequencyHz[i]!;
    const t = (x - f0) / (f1 - f0);
    return values[i - 1]! + t * (values[i]! - values[i - 1]!);
  };
  const xs = [fromHz];
  const ys = [at(fromHz)];
  frequencyHz.forEach((x, i) => {
    if (x > fromHz && x < toHz) {
      xs.push(x);
      ys.push(values[i]!);
    }
  });
  xs.push(toHz);
  ys.push(at(toHz));
  let sum = 0;
  for (let i = 1; i < xs.length; i++) sum += 0.5 * (ys[i]! + ys[i - 1]!) * (xs[i]! - xs[i - 1]!);
  return sum;
}
