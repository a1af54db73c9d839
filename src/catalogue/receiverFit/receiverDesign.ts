import type { Design } from "../../design/design.js";
import type { ReceiverFit } from "./fitReceiver.js";

/**
 * A design that runs the fitted receiver as the maker measured it: a voltage source at the
 * datasheet's drive, the receiver as balancedArmature elements (one per motor, wired in parallel,
 * spouts joined; a motor fed through a capacitor in the case gets a capacitor element in front of
 * it), the fitted fixture tube, a 711 and a probe `drum`. `tympan simulate` runs it; its
 * drum response is the fit's. Replace the fixture with your own tubing to use the receiver.
 */
export function receiverFitDesign(fit: ReceiverFit, name: string): Design {
  const ids = fit.motors.length === 1 ? ["receiver"] : fit.motors.map((_, m) => `receiver${m + 1}`);
  const receivers = fit.motors.flatMap((parameters, m) => {
    const capacitance = fit.seriesCapacitance[m];
    const feed = capacitance === undefined ? "in" : `${ids[m]!}Feed`;
    return [
      ...(capacitance === undefined
        ? []
        : [
            {
              id: `${ids[m]!}Capacitor`,
              type: "capacitor" as const,
              nodes: ["in", feed],
              capacitance: round(capacitance),
            },
          ]),
      {
        id: ids[m]!,
        type: "balancedArmature" as const,
        nodes: [feed, "0", "spout"],
        ...roundedParameters(parameters),
      },
    ];
  });
  const fixture =
    fit.fixture === undefined
      ? []
      : [
          {
            id: "fixture",
            type: "tube" as const,
            nodes: ["spout", "entrance"],
            length: round(fit.fixture.lengthM),
            radius: round(fit.fixture.radiusM),
          },
        ];
  const residuals = [
    ...fit.residuals.responses.map(
      (response) => `${response.rmsDb.toFixed(2)} dB RMS in ${response.load}`,
    ),
    ...(fit.residuals.impedanceRmsPercent === undefined
      ? []
      : [`|Z| ${fit.residuals.impedanceRmsPercent.toFixed(1)} % RMS`]),
  ].join(", ");
  return {
    tympan: 1,
    name,
    description:
      `Fitted by tympan fit-receiver: ${residuals}. The "fixture" tube stands in for the maker's ` +
      `unpublished test fixture (fitted, not part of the receiver): replace it with your tubing. ` +
      `In ${fit.secondLoad.load} the 5–95 % band of the fits the data allow is up to ${fit.secondLoad.widestDb.toFixed(1)} dB wide.`,
    elements: [
      { id: "source", type: "voltageSource", nodes: ["in", "0"], voltage: fit.driveVoltage },
      ...receivers,
      ...fixture,
      { id: "ear", type: "ear711", nodes: [fixture.length > 0 ? "entrance" : "spout", "drum"] },
    ],
    probes: [{ id: "drum", node: "drum" }],
  } as unknown as Design;
}

/** Six significant digits: a fit is not known better, and the file stays readable. */
function round(value: number): number {
  return Number(value.toPrecision(6));
}

function roundedParameters(parameters: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(parameters).map(([name, value]) => [name, round(value)]),
  );
}
