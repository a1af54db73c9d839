import type { Domain } from "../core/domain.js";
import type { Stamp } from "../network/elementModel.js";

/**
 * A design compiled for modified nodal analysis: unknowns (node potentials, then branch flows), the
 * matrix sparsity pattern as slots, and one stamp function per primitive element.
 */
export interface Network {
  readonly size: number;
  /** Row and column of each matrix slot. */
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  /** Frequency-independent matrix values per slot, and right-hand side per unknown. */
  readonly constantRe: Float64Array;
  readonly constantIm: Float64Array;
  readonly sourceRe: Float64Array;
  /** Terms j·ω·coefficient (capacitance-like) and coefficient/(j·ω) (inductance-like), per slot. */
  readonly timesJOmegaSlots: Int32Array;
  readonly timesJOmegaCoefficients: Float64Array;
  readonly overJOmegaSlots: Int32Array;
  readonly overJOmegaCoefficients: Float64Array;
  /** Per-frequency stamps of the elements that need one (tubes, ducts, …). */
  readonly stamps: readonly Stamp[];
  /** The slots each of `stamps` writes (see `dynamicSlots`), each once. */
  readonly stampSlots: readonly Int32Array[];
  /**
   * The slots `stamps` may write (those handed out by `StampContext.entry`), ascending: the only
   * ones a solver assembling in another layout must gather from the stamps' output.
   */
  readonly dynamicSlots: Int32Array;
  /** Unknown index of each named node (ground is absent: its potential is 0). */
  readonly unknownOfNode: ReadonlyMap<string, number>;
  readonly domainOfNode: ReadonlyMap<string, Domain>;
  /** What each unknown is, for messages: a node name or "flow in <element id>". */
  readonly unknownLabels: readonly string[];
  /** Design elements attached to each unknown, for messages. */
  readonly elementsOfUnknown: readonly (readonly string[])[];
  /**
   * The first voltage source: its branch unknown (the current it delivers), its open-circuit
   * voltage and its output resistance, from which its terminal voltage follows.
   */
  readonly inputSource?: {
    readonly id: string;
    readonly branch: number;
    readonly voltage: number;
    readonly outputImpedance: number;
  };
}
