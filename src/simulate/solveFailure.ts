import { TympanError } from "../core/issues.js";
import type { Network } from "./compileNetwork.js";

/**
 * The error a sweep raises when it cannot solve its network at a frequency, naming the unknowns and
 * elements involved. `exactly`: the equations are singular (exact zeros left: no unique solution,
 * "singular-network"); otherwise they are nearly so — non-zero but below what double precision
 * resolves after scaling, or a solution that overflows ("ill-conditioned-network").
 */
export function unsolvableAt(
  network: Network,
  frequencyHz: number,
  unknowns: readonly number[],
  exactly: boolean,
): TympanError {
  const { unknownLabels, elementsOfUnknown } = network;
  const shown = unknowns.slice(0, 6);
  const where = shown.map((k) => unknownLabels[k]).join(", ");
  const ids = [...new Set(shown.flatMap((k) => elementsOfUnknown[k] ?? []))];
  const at = `at ${frequencyHz.toPrecision(6)} Hz${where ? ` near ${where}` : ""}${ids.length > 0 ? ` (elements ${ids.join(", ")})` : ""}`;
  return new TympanError([
    exactly
      ? {
          severity: "error",
          code: "singular-network",
          path: ["elements"],
          elementIds: ids,
          message: `the network has no unique solution ${at}. Look for a part that is disconnected on one side, an ideal lossless resonance exactly at this frequency, or a coupling whose other port is open`,
        }
      : {
          severity: "error",
          code: "ill-conditioned-network",
          path: ["elements"],
          elementIds: ids,
          message: `the network is too ill-conditioned to solve accurately ${at}: its equations are singular to within double precision there, even after scaling`,
          hint: "look for values many decades apart (a length in millimetres typed in metres, a capacitance in farads instead of microfarads), or an almost lossless resonance at this frequency; add a little loss or correct the value",
        },
  ]);
}
