// The designer's call: simulate the design being edited and shape the result for its charts.
import {
  type Curve,
  type Design,
  type SimulationResult,
  FIT_SCENARIOS,
  interpolateLogFrequency,
  type FitScenarioName,
  TympanError,
  formatIssue,
  groupDelaySeconds,
  logFrequencies,
  normalize,
  preferenceRating,
  simulationCsv,
  validateDesign,
  withFit,
} from "../../index.js";
import type { DesignView, SimulateRequest } from "./protocol.js";
import { evaluateDesign } from "./designSession.js";
import { targetCurve } from "./targets.js";

/** The designer's frequency axis: 20 Hz–20 kHz, log-spaced (the issue's "default resolution"). */
export const DESIGNER_RANGE_HZ = { fromHz: 20, toHz: 20_000 } as const;

/**
 * The one place the worker simulates: the compile-once/evaluate-many path goes here when the
 * library offers it.
 */
function simulateRequest(request: SimulateRequest): SimulationResult {
  const frequencies = logFrequencies({ ...DESIGNER_RANGE_HZ, points: request.points });
  return evaluateDesign(preparedDesign(request), frequencies);
}

/** `tympan simulate --csv` of what the designer shows: made on demand, not at every edit. */
export function designCsv(request: SimulateRequest): string {
  return simulationCsv(simulateRequest(request));
}

export function simulateDesign(request: SimulateRequest): DesignView {
  const result = simulateRequest(request);
  const acoustic = Object.entries(result.probes).filter(([, p]) => p.domain === "acoustic");
  const [probeId, probe] = shownProbe(result);
  const frequencyHz = result.frequencyHz;
  const response: Curve = { kind: "response", frequencyHz, values: probe.db };
  const target = targetCurve(request.target);
  const isAcoustic = probe.domain === "acoustic";
  return {
    frequencyHz,
    probeId,
    splDb: probe.db,
    phaseDeg: probe.phaseDeg,
    groupDelayMs: groupDelaySeconds(frequencyHz, probe.phaseDeg).map((s) => s * 1000),
    shares: acoustic
      .filter(([id]) => id.startsWith(`${probeId}/`))
      .map(([id, share]) => ({ id: id.slice(probeId.length + 1), db: share.db })),
    ...(result.inputImpedance ? { impedance: result.inputImpedance } : {}),
    targetDb: isAcoustic ? targetAtLevelOf(response, target) : [],
    targetName: target.name ?? request.target.base,
    ...(isAcoustic ? { rating: preferenceRating(response, target) } : {}),
    warnings: (result.warnings ?? []).map((warning) => formatIssue(warning)),
  };
}

/**
 * The probe a design's charts show: "drum", else the first acoustic probe, else the first probe.
 *
 * @throws TympanError when the design has no probe.
 */
export function shownProbe(result: SimulationResult): [string, SimulationResult["probes"][string]] {
  const entries = Object.entries(result.probes);
  const acoustic = entries.filter(([, p]) => p.domain === "acoustic");
  const chosen = acoustic.find(([id]) => id === "drum") ?? acoustic[0] ?? entries[0];
  if (chosen === undefined) {
    throw new TympanError([
      {
        code: "no-probe",
        severity: "error",
        path: ["probes"],
        message: 'the design has no probe to draw; add one, e.g. { "id": "drum", "node": "drum" }',
      },
    ]);
  }
  return chosen;
}

/** The design with the fit scenario and source impedance the page asked for. */
export function preparedDesign(
  request: Pick<SimulateRequest, "design" | "fit" | "outputImpedanceOhm">,
): unknown {
  const needsEdits = request.fit !== "" || request.outputImpedanceOhm !== undefined;
  if (!needsEdits) return request.design;
  const validated = validateDesign(request.design);
  if (!validated.ok) throw new TympanError(validated.issues);
  let design: Design = validated.value;
  if (request.outputImpedanceOhm !== undefined) {
    const ohm = request.outputImpedanceOhm;
    const first = design.elements.findIndex((element) => element.type === "voltageSource");
    design = {
      ...design,
      elements: design.elements.map((element, index) =>
        index === first ? { ...element, outputImpedance: ohm } : element,
      ),
    };
  }
  if (request.fit !== "") {
    const scenario = FIT_SCENARIOS[request.fit as FitScenarioName];
    if (scenario === undefined) throw new Error(`no fit scenario "${request.fit}"`);
    design = withFit(design, scenario);
  }
  return design;
}

/** The target shifted so its 300 Hz–3 kHz mean equals the response's (normalize's "midband"). */
function targetAtLevelOf(response: Curve, target: Curve): number[] {
  const responseOffset = response.values[0]! - normalize(response, "midband").values[0]!;
  const onGrid = normalize(target, "midband");
  return interpolateLogFrequency(onGrid, response.frequencyHz).map(
    (value) => value + responseOffset,
  );
}
