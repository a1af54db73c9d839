// The graph's legend as a list people and screen readers can use: show/hide, colour, label, the
// preference rating as text, and remove.
import { measurements } from "../state/appState.js";
import { graphView } from "../state/graphCurves.js";
import { removeStoredMeasurement } from "../storage/measurementStore.js";
import { legendLabel } from "../view/graphChartData.js";

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
            <span class="curve-name">{legendLabel(curve.name, curve.rating)}</span>
            {curve.issue ? <span class="curve-issue"> ({curve.issue})</span> : null}
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
