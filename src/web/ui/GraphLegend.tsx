// The graph's legend as a list people and screen readers can use: show/hide, colour, label (renamed
// in place), the preference rating as text, and remove.
import { type Measurement, measurements, showAlert } from "../state/appState.js";
import { client } from "../state/worker.js";
import { paletteColor } from "../view/palette.js";
import { graphView } from "../state/graphCurves.js";
import { removeStoredMeasurement } from "../storage/measurementStore.js";
import { CurveLabel } from "./CurveLabel.js";
import { REFERENCE_PREFIX } from "../view/graphChartData.js";
import { removeGraphDesign } from "../state/graphDesigns.js";

export function GraphLegend() {
  const view = graphView.value;
  if (view === null) return null;
  const update = (id: string, change: { hidden?: boolean; color?: string }) =>
    (measurements.value = measurements.value.map((m) => (m.id === id ? { ...m, ...change } : m)));
  return (
    <ul class="legend" aria-label="Curves">
      {view.curves.map((curve) => {
        const measurement = measurements.value.find((m) => m.id === curve.id);
        return (
          <li key={curve.id}>
            {measurement ? (
              <>
                <input
                  type="checkbox"
                  checked={!measurement.hidden}
                  aria-label={`show ${curve.name}`}
                  onChange={(event) => update(curve.id, { hidden: !event.currentTarget.checked })}
                />
                <input
                  type="color"
                  value={measurement.color}
                  aria-label={`colour of ${curve.name}`}
                  onInput={(event) => update(curve.id, { color: event.currentTarget.value })}
                />
              </>
            ) : null}
            <CurveLabel
              id={curve.id}
              name={curve.name}
              {...(curve.rating !== undefined ? { rating: curve.rating } : {})}
            />
            {curve.issue ? <span class="curve-issue"> ({curve.issue})</span> : null}
            {measurement?.note ? (
              <span class="curve-issue">
                {" "}
                ({measurement.note}
                {measurement.imbalanceBands?.length ? "; shaded on the graph" : ""})
              </span>
            ) : null}
            {measurement && rightOf(measurement) ? (
              <button
                type="button"
                onClick={() => void addAverage(measurement, rightOf(measurement)!)}
              >
                average L/R
              </button>
            ) : null}
            {curve.id.startsWith(REFERENCE_PREFIX) ? (
              <button
                type="button"
                aria-label={`remove ${curve.name}`}
                onClick={() => removeGraphDesign(curve.id.slice(REFERENCE_PREFIX.length))}
              >
                ×
              </button>
            ) : null}
            {measurement ? (
              <button
                type="button"
                aria-label={`remove ${curve.name}`}
                onClick={() => {
                  measurements.value = measurements.value.filter((m) => m.id !== curve.id);
                  void removeStoredMeasurement(curve.id).catch(() => undefined);
                }}
              >
                ×
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The R channel of a measurement named "… L", when it is loaded too. */
function rightOf(left: Measurement): Measurement | undefined {
  const match = /^(.*) L$/.exec(left.curve.name);
  if (!match) return undefined;
  return measurements.value.find((m) => m.curve.name === `${match[1]} R`);
}

async function addAverage(left: Measurement, right: Measurement): Promise<void> {
  const name = `${left.curve.name.replace(/ L$/, "")} (L/R average)`;
  const { reply } = await client.call("averageChannels", {
    left: left.curve,
    right: right.curve,
    name,
  });
  if (!reply.ok) return showAlert(reply.message);
  const id = `${name} ${measurements.value.length}`;
  measurements.value = [
    ...measurements.value,
    {
      id,
      fileName: `${left.fileName} + ${right.fileName}`,
      curve: reply.value.curve,
      hidden: false,
      color: paletteColor(measurements.value.length),
      note: reply.value.imbalance,
      imbalanceBands: reply.value.bands,
    },
  ];
}
