// Adds a built-in reference design to the graph as one more curve, beside the measurements (and
// the designer's own design), to compare a measured IEM with what a known design simulates.
import { useState } from "preact/hooks";
import { catalogue, graphSettings } from "../state/appState.js";
import { addGraphDesign } from "../state/graphDesigns.js";

export function GraphDesignPicker() {
  const names = (catalogue.value?.designs ?? []).map((entry) => entry.name);
  const shown = graphSettings.value.designs;
  const available = names.filter((name) => !shown.includes(name));
  const [chosen, setChosen] = useState<string>("");
  const name = available.includes(chosen) ? chosen : (available[0] ?? "");
  if (available.length === 0) return null;
  return (
    <span class="design-picker">
      <label>
        Reference design{" "}
        <select value={name} onChange={(event) => setChosen(event.currentTarget.value)}>
          {available.map((entry) => (
            <option key={entry} value={entry}>
              {entry}
            </option>
          ))}
        </select>
      </label>{" "}
      <button type="button" onClick={() => addGraphDesign(name)}>
        Add to graph
      </button>
    </span>
  );
}
