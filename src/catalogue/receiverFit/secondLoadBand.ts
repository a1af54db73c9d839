import { type Air, SPL_REFERENCE_PA } from "../../core/air.js";
import { FIT_POINTS_PER_OCTAVE, RESPONSE_BAND_HZ } from "./datasheetData.js";
import type { ReceiverFitProblem } from "./fitProblem.js";
import { receiverKeysWriter } from "./fitParameters.js";
import { type LoadChain, describeLoadChain } from "./loadChain.js";
import { type PosteriorSample, weightedQuantiles } from "./posteriorSamples.js";
import { MOTOR_KEYS, ReceiverEvaluator } from "./receiverModel.js";

/** The band's lower and upper quantiles: the central 90 % of the fits' predictions. */
export const BAND_QUANTILES = [0.05, 0.95] as const;

/**
 * What the fit predicts in a second load: the best fit's response, the 5–95 % band of the fits the
 * data allow (weighted by how well each fits), and the envelope of every equally good fit found.
 */
export interface SecondLoadBand {
  readonly load: string;
  readonly frequencyHz: readonly number[];
  /** SPL of the best fit at the datasheet's drive, dB re 20 µPa. */
  readonly bestDb: readonly number[];
  /**
   * The 5 % and 95 % quantiles of the predicted SPL at each frequency, weighted half over the
   * posterior samples (see posteriorSamples) and half over the explored equally good fits: the band
   * a builder designs against. Every fit in it has a cost within the joint 99 % region.
   */
  readonly lowDb: readonly number[];
  readonly highDb: readonly number[];
  /** The band's widest spread (high − low) over 100 Hz–10 kHz, dB, and where it is. */
  readonly widestDb: number;
  readonly widestAtHz: number;
  /** The band's widest spread above 2 kHz, where the source impedance matters most, dB. */
  readonly widestAbove2kHzDb: number;
  /** Posterior samples kept (inside the box, cost within the limit), and their effective number (Σw)²/Σw². */
  readonly samples: number;
  readonly effectiveSamples: number;
  /**
   * Lowest and highest SPL of every equally good fit found while exploring the 99 % region
   * (optima, principal axes, random directions, profiles), unweighted: a fit on the region's edge
   * with a notch counts as much as the best, so this is wider than the band and not a likelihood.
   */
  readonly envelope: {
    readonly lowDb: readonly number[];
    readonly highDb: readonly number[];
    readonly widestDb: number;
    readonly widestAbove2kHzDb: number;
    /** How many equally good fits it spans. */
    readonly fits: number;
  };
}

/**
 * The responses in `load`, at `driveVoltage`, on a 1/24-octave grid over 100 Hz–10 kHz, of the best
 * fit (`members[0]`), of the weighted posterior `samples` and the equally good `members` together
 * (their weighted 5–95 % quantiles per frequency), and of the members alone (their envelope). Where the band is wide, the datasheet does not
 * determine the response in that load.
 */
export function secondLoadBand(
  problem: ReceiverFitProblem,
  members: readonly Float64Array[],
  samples: readonly PosteriorSample[],
  load: LoadChain,
  driveVoltage: number,
  air: Air,
): SecondLoadBand {
  const { fromHz, toHz } = RESPONSE_BAND_HZ;
  const count = Math.round(FIT_POINTS_PER_OCTAVE * Math.log2(toHz / fromHz)) + 1;
  const frequencyHz = Array.from(
    { length: count },
    (_, k) => fromHz * 2 ** (k / FIT_POINTS_PER_OCTAVE),
  );
  const evaluator = new ReceiverEvaluator(frequencyHz, [load], air);
  const writeKeys = receiverKeysWriter(problem.parameters, problem.layout);
  const keys = Array.from(
    { length: problem.layout.motorCount },
    () => new Float64Array(MOTOR_KEYS.length),
  );
  const evaluation = evaluator.newEvaluation();
  const levelsOf = (x: Float64Array) => {
    evaluator.evaluateKeyed(keys, writeKeys(x, keys), evaluation);
    const [re, im] = [evaluation.pressureRe[0]!, evaluation.pressureIm[0]!];
    return frequencyHz.map(
      (_, k) => 20 * Math.log10((Math.hypot(re[k]!, im[k]!) * driveVoltage) / SPL_REFERENCE_PA),
    );
  };
  const memberLevels = members.map(levelsOf);
  const envelopeLow = frequencyHz.map((_, k) => Math.min(...memberLevels.map((l) => l[k]!)));
  const envelopeHigh = frequencyHz.map((_, k) => Math.max(...memberLevels.map((l) => l[k]!)));
  const bestDb = memberLevels[0]!;

  // A defensive mixture (Hesterberg, Technometrics 37:185, 1995): half the weight on the posterior
  // samples, which follow the likelihood but only where the Gaussian proposal reaches, half shared
  // equally by the explored equally good fits, which follow curved valleys (a spout traded against
  // the fixture) the proposal misses. Either alone missed the synthetic truth by 1–2.5 dB.
  const sampleLevels = [...memberLevels, ...samples.map((sample) => levelsOf(sample.x))];
  const sampleTotal = samples.reduce((total, sample) => total + sample.weight, 0);
  const weights = [
    ...memberLevels.map(() => (sampleTotal > 0 ? 0.5 : 1) / memberLevels.length),
    ...samples.map((sample) => (0.5 * sample.weight) / sampleTotal),
  ];
  const quantiles = frequencyHz.map((_, k) =>
    weightedQuantiles(
      sampleLevels.map((levels) => levels[k]!),
      weights,
      BAND_QUANTILES,
    ),
  );
  // The band always holds the best fit itself.
  const lowDb = frequencyHz.map((_, k) => Math.min(bestDb[k]!, quantiles[k]![0]!));
  const highDb = frequencyHz.map((_, k) => Math.max(bestDb[k]!, quantiles[k]![1]!));
  const spread = widest(frequencyHz, lowDb, highDb);
  const envelopeSpread = widest(frequencyHz, envelopeLow, envelopeHigh);
  const sum = sampleTotal;
  const sumSquares = samples.reduce((total, sample) => total + sample.weight ** 2, 0);
  return {
    load: describeLoadChain(load),
    frequencyHz,
    bestDb,
    lowDb,
    highDb,
    widestDb: spread.widestDb,
    widestAtHz: spread.widestAtHz,
    widestAbove2kHzDb: spread.widestAbove2kHzDb,
    samples: samples.length,
    effectiveSamples: sumSquares > 0 ? (sum * sum) / sumSquares : 0,
    envelope: {
      lowDb: envelopeLow,
      highDb: envelopeHigh,
      widestDb: envelopeSpread.widestDb,
      widestAbove2kHzDb: envelopeSpread.widestAbove2kHzDb,
      fits: members.length,
    },
  };
}

/** The widest spread high − low, where it is, and the widest above 2 kHz. */
function widest(
  frequencyHz: readonly number[],
  lowDb: readonly number[],
  highDb: readonly number[],
): { widestDb: number; widestAtHz: number; widestAbove2kHzDb: number } {
  let widestDb = 0;
  let at = 0;
  let above2k = 0;
  frequencyHz.forEach((f, k) => {
    const spread = highDb[k]! - lowDb[k]!;
    if (spread > widestDb) [widestDb, at] = [spread, k];
    if (f >= 2000) above2k = Math.max(above2k, spread);
  });
  return { widestDb, widestAtHz: frequencyHz[at]!, widestAbove2kHzDb: above2k };
}
