import type { ElementType } from "../../src/index.js";
import {
  type DrivePoint,
  DUT_ID,
  type Rule,
  type Sample,
  type SampleParameters,
  type TestDesign,
} from "./testNetworks.js";
import { COUPLING_AND_LOAD_SAMPLES } from "./samples/couplingAndLoadSamples.js";
import { LUMPED_SAMPLES } from "./samples/lumpedSamples.js";
import { MOVING_COIL_SAMPLES } from "./samples/movingCoilSamples.js";
import { RECEIVER_SAMPLES } from "./samples/receiverSamples.js";

export { DUT_ID, type DrivePoint, type Rule, type Sample, type SampleParameters, type TestDesign };

/**
 * One realistic IEM-scale sample per registry element type, the rule each numeric parameter obeys,
 * and which of the networks in testNetworks.ts it is embedded in and driven by. The table is a mapped type over
 * `ElementType`, so the compiler already rejects a registry type without a sample; the suite checks
 * it again at run time.
 */
export const SAMPLES: { readonly [K in ElementType]: Sample<K> } = {
  ...LUMPED_SAMPLES,
  ...COUPLING_AND_LOAD_SAMPLES,
  ...MOVING_COIL_SAMPLES,
  ...RECEIVER_SAMPLES,
};

/** Every setting of a type the suite runs: the sample first, then its variants. */
export function settingsOf(type: ElementType): readonly Record<string, unknown>[] {
  const sample = SAMPLES[type] as Sample<ElementType>;
  return [sample.parameters, ...(sample.variants ?? [])] as Record<string, unknown>[];
}

/** The element under test with the given parameters, before the harness places it. */
export function dutOf(
  type: ElementType,
  parameters: Record<string, unknown>,
): Record<string, unknown> {
  return { id: DUT_ID, type, ...parameters };
}
