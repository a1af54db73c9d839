// Reference designs drawn on the graph beside measurements: their names are shared state (the link
// carries them), their curves are simulated in the worker once each and kept here.
import { effect, signal } from "@preact/signals";
import type { CurveData } from "../worker/protocol.js";
import { REFERENCE_PREFIX } from "../view/graphChartData.js";
import { graphSettings, showAlert, tab } from "./appState.js";
import { DESIGNER_POINTS } from "./designSimulation.js";
import { client } from "./worker.js";

/** The graph's id of a reference design's curve. */
export function referenceCurveId(name: string): string {
  return `${REFERENCE_PREFIX}${name}`;
}

/** Simulated reference designs by name. */
export const referenceCurves = signal<ReadonlyMap<string, CurveData>>(new Map());

export function addGraphDesign(name: string): void {
  const designs = graphSettings.value.designs;
  if (designs.includes(name)) return;
  graphSettings.value = { ...graphSettings.value, designs: [...designs, name] };
}

export function removeGraphDesign(name: string): void {
  const designs = graphSettings.value.designs.filter((entry) => entry !== name);
  graphSettings.value = { ...graphSettings.value, designs };
}

/** Simulates each design the graph names that has no curve yet, while the graph is open. */
export function startReferenceCurves(): () => void {
  const pending = new Set<string>();
  return effect(() => {
    if (tab.value !== "graph") return;
    const known = referenceCurves.value;
    for (const name of graphSettings.value.designs) {
      if (known.has(name) || pending.has(name)) continue;
      pending.add(name);
      void client.call("referenceCurve", { name, points: DESIGNER_POINTS }).then(({ reply }) => {
        pending.delete(name);
        if (!reply.ok) {
          showAlert(reply.message);
          removeGraphDesign(name);
          return;
        }
        referenceCurves.value = new Map([...referenceCurves.value, [name, reply.value]]);
      });
    }
  });
}
