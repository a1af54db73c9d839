import { type Air, SPL_REFERENCE_PA } from "../../core/air.js";
import { FIT_POINTS_PER_OCTAVE, RESPONSE_BAND_HZ } from "./datasheetData.js";
import type { ReceiverFitProblem } from "./fitProblem.js";
import { receiverAt } from "./fitParameters.js";
import { type LoadChain, describeLoadChain } from "./loadChain.js";
import { ReceiverEvaluator } from "./receiverModel.js";

/** What equally good fits predict in a second load: the best fit's response and the band of all. */
export interface SecondLoadBand {
  readonly load: string;
  readonly frequencyHz: readonly number[];
  /** SPL of the best fit at the datasheet's drive, dB re 20 µPa. */
  readonly bestDb: readonly number[];
  /** Lowest and highest SPL any equally good fit predicts at each frequency. */
  readonly lowDb: readonly number[];
  readonly highDb: readonly number[];
  /** The widest spread (high − low) over 100 Hz–10 kHz, dB, and where it is. */
  readonly widestDb: number;
  readonly widestAtHz: number;
  /** Widest spread above 2 kHz, where the source impedance matters most, dB. */
  readonly widestAbove2kHzDb: number;
  /** How many equally good fits the band spans. */
  readonly fits: number;
}

/**
 * The responses of `members` (fit coordinates of equally good fits, the best first) in `load`, at
 * `driveVoltage`, on a 1/24-octave grid over 100 Hz–10 kHz: the best, and the lowest and highest
 * per frequency. Where they disagree, the datasheet does not determine the response in that load.
 */
export function secondLoadBand(
  problem: ReceiverFitProblem,
  members: readonly Float64Array[],
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
  const levels = members.map((x) => {
    const { motors, fixture } = receiverAt(problem.parameters, problem.layout, x);
    const evaluation = evaluator.evaluate(motors, fixture);
    const [re, im] = [evaluation.pressureRe[0]!, evaluation.pressureIm[0]!];
    return frequencyHz.map(
      (_, k) => 20 * Math.log10((Math.hypot(re[k]!, im[k]!) * driveVoltage) / SPL_REFERENCE_PA),
    );
  });
  const lowDb = frequencyHz.map((_, k) => Math.min(...levels.map((level) => level[k]!)));
  const highDb = frequencyHz.map((_, k) => Math.max(...levels.map((level) => level[k]!)));
  let widest = 0;
  let widestAt = 0;
  let above2k = 0;
  frequencyHz.forEach((f, k) => {
    const spread = highDb[k]! - lowDb[k]!;
    if (spread > widest) [widest, widestAt] = [spread, k];
    if (f >= 2000) above2k = Math.max(above2k, spread);
  });
  return {
    load: describeLoadChain(load),
    frequencyHz,
    bestDb: levels[0]!,
    lowDb,
    highDb,
    widestDb: widest,
    widestAtHz: frequencyHz[widestAt]!,
    widestAbove2kHzDb: above2k,
    fits: members.length,
  };
}
