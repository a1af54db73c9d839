// Labels the user gives curves in the graph's legend: part of the shared state (the link carries
// them, "label.<curve id>=<text>"), applied where a curve is named — legend, chart, CSV, choosers.
import { graphSettings } from "./appState.js";

/** A curve's label: the user's, else its own name. */
export function labelOf(id: string, name: string): string {
  return graphSettings.value.labels[id] ?? name;
}

/** Sets a curve's label; an empty one gives the curve its own name back. */
export function renameCurve(id: string, label: string): void {
  const labels = { ...graphSettings.value.labels };
  const trimmed = label.trim();
  if (trimmed === "") delete labels[id];
  else labels[id] = trimmed;
  graphSettings.value = { ...graphSettings.value, labels };
}
