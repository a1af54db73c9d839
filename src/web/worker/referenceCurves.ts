// Built-in reference designs as curves of the graph tool, beside measurements: simulated here with
// the library's simulate (not the designer's compiled session, which must stay on the design being
// edited), at the probe the designer would show.
import { logFrequencies, referenceDesign, simulate, REFERENCE_DESIGNS } from "../../index.js";
import { DESIGNER_RANGE_HZ, shownProbe } from "./designCalls.js";
import type { CurveData } from "./protocol.js";

/** A reference design's response at its shown probe ("drum"), `points` log-spaced 20 Hz–20 kHz. */
export function referenceDesignCurve({
  name,
  points,
}: {
  name: string;
  points: number;
}): CurveData {
  const reference = referenceDesign(name);
  if (reference === undefined) {
    throw new Error(
      `no reference design "${name}"; choose one of ${REFERENCE_DESIGNS.map((d) => d.name).join(", ")}`,
    );
  }
  const result = simulate(reference.design, {
    frequencies: logFrequencies({ ...DESIGNER_RANGE_HZ, points }),
  });
  const [, probe] = shownProbe(result);
  return {
    name,
    kind: "response",
    frequencyHz: [...result.frequencyHz],
    values: [...probe.db],
  };
}
