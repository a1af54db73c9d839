// The graph tool's curves, re-prepared in the worker whenever the measurements, the settings, the
// target or the designer's design change.
import { computed, effect, signal } from "@preact/signals";
import type { GraphCurveInput, GraphView } from "../worker/protocol.js";
import { designView, graphSettings, measurements, tab } from "./appState.js";
import { targetRequest } from "./uploadedTargets.js";
import { labelOf } from "./curveLabels.js";
import { referenceCurveId, referenceCurves, startReferenceCurves } from "./graphDesigns.js";
import { client } from "./worker.js";

/** The id under which the designer's design appears in the graph. */
export const DESIGN_CURVE_ID = "design:current";

export const showDesignInGraph = signal(true);
export const graphView = signal<GraphView | null>(null);

/** The curve the designer shows, as a graph input (undefined until simulated). */
export const designCurve = computed<GraphCurveInput | undefined>(() => {
  const view = designView.value;
  if (view === null || view.rating === undefined) return undefined;
  return {
    id: DESIGN_CURVE_ID,
    curve: {
      name: "designer: current design",
      kind: "response",
      frequencyHz: view.frequencyHz,
      values: view.splDb,
    },
  };
});

export function startGraphCurves(): () => void {
  const stopReferences = startReferenceCurves();
  const stopCurves = effect(() => {
    // Only while the graph is open: preparing its curves must not delay the designer's next redraw.
    if (tab.value !== "graph") return;
    const inputs: GraphCurveInput[] = measurements.value.map((m) => ({ id: m.id, curve: m.curve }));
    const design = designCurve.value;
    if (design && showDesignInGraph.value) inputs.push(design);
    for (const name of graphSettings.value.designs) {
      const curve = referenceCurves.value.get(name);
      if (curve)
        inputs.push({
          id: referenceCurveId(name),
          curve: { ...curve, name: `${name} (reference design)` },
        });
    }
    // The user's labels name the curves everywhere the worker's answer reaches (legend, chart, CSV).
    const labelled = inputs.map(({ id, curve }) => ({
      id,
      curve: { ...curve, name: labelOf(id, curve.name) },
    }));
    const { normalize, smoothing, baseline } = graphSettings.value;
    const options = {
      target: targetRequest.value,
      normalize,
      smoothingOctaveFraction: smoothing,
      baseline,
    };
    void client.latestOn("graph", "graph", { curves: labelled, options }).then((result) => {
      if (result === undefined) return;
      if (result.reply.ok) graphView.value = result.reply.value;
    });
  });
  return () => {
    stopReferences();
    stopCurves();
  };
}
