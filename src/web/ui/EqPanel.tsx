// The EQ panel: the library's PEQ fit (the same function and defaults as `tympan eq`) to the target,
// for the designer's design or a measurement, with its presets as downloads.
import { signal } from "@preact/signals";
import { catalogue, eqSettings, measurements, showAlert } from "../state/appState.js";
import { targetRequest } from "../state/uploadedTargets.js";
import { labelOf } from "../state/curveLabels.js";
import { designCurve } from "../state/graphCurves.js";
import { client } from "../state/worker.js";
import type { EqView } from "../worker/protocol.js";
import { eqChart } from "../view/eqChartData.js";
import { downloadText, safeFileName } from "./download.js";
import { UPlotChart } from "./UPlotChart.js";
import { EqFilterTable } from "./EqFilterTable.js";
import type { BiquadType } from "../../index.js";

const eqView = signal<EqView | null>(null);
const fitting = signal(false);

export function EqPanel() {
  const settings = eqSettings.value;
  const presets = catalogue.value?.devicePresets ?? [];
  const view = eqView.value;
  const set = (change: Partial<typeof settings>) =>
    (eqSettings.value = { ...eqSettings.value, ...change });
  const chart = view ? eqChart(view) : undefined;
  return (
    <div class="eq-panel">
      <div class="toolbar" role="toolbar" aria-label="EQ">
        <label>
          Equalise{" "}
          <select
            value={settings.curve}
            onChange={(event) => set({ curve: event.currentTarget.value })}
          >
            <option value="design">the designer's design</option>
            {measurements.value.map((m) => (
              <option key={m.id} value={m.id}>
                {labelOf(m.id, m.curve.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Device{" "}
          <select
            value={settings.preset}
            onChange={(event) => set({ preset: event.currentTarget.value })}
          >
            {presets.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Max boost (dB){" "}
          <input
            type="number"
            min={0}
            step={0.5}
            value={settings.maxBoostDb ?? ""}
            placeholder="6"
            onInput={(event) => {
              const text = event.currentTarget.value;
              const value = Number(text);
              if (text === "") set({ maxBoostDb: undefined });
              else if (Number.isFinite(value) && value >= 0) set({ maxBoostDb: value });
            }}
          />
        </label>
        <button type="button" onClick={() => void fit()} disabled={fitting.value}>
          Fit EQ
        </button>
        <button
          type="button"
          disabled={!view}
          onClick={() =>
            view && downloadText(`${safeFileName(curveName())} ParametricEQ.txt`, view.equalizerApo)
          }
        >
          Download EqualizerAPO
        </button>
        <button
          type="button"
          disabled={!view}
          onClick={() =>
            view && downloadText(`${safeFileName(curveName())} GraphicEQ.txt`, view.graphicEq)
          }
        >
          Download GraphicEQ
        </button>
        <button
          type="button"
          disabled={!view || view.edited === true}
          title={
            view?.edited ? "the CSV describes the fit; fit again after editing filters" : undefined
          }
          onClick={() =>
            view && downloadText(`${safeFileName(curveName())} EQ.csv`, view.csv, "text/csv")
          }
        >
          Download fit CSV
        </button>
      </div>
      {fitting.value ? <p role="status">Fitting…</p> : null}
      {view ? (
        <>
          <p class="rating" aria-live="polite">
            Preference rating <strong>{view.ratingBefore.toFixed(1)}</strong> before EQ,{" "}
            <strong class="ppr-after">{view.ratingAfter.toFixed(1)}</strong> after; residual{" "}
            {view.residualBeforeDb.toFixed(2)} → {view.residualAfterDb.toFixed(2)} dB RMS (20 Hz–10
            kHz); preamp {view.preset.preampDb.toFixed(1)} dB.
          </p>
          {chart ? (
            <UPlotChart
              title="EQ fit"
              yLabel="dB"
              y2Label="EQ (dB)"
              y2Range={[-15, 15]}
              series={chart.series}
              data={chart.data as never}
              height={340}
            />
          ) : null}
          <EqFilterTable
            view={view}
            onChange={(index, change) => void preview(view, index, change)}
            onRefit={(types) => void fit(types)}
          />
          <pre class="preset" aria-label="EqualizerAPO preset">
            {view.equalizerApo}
          </pre>
        </>
      ) : (
        <p>Pick what to equalise and press Fit EQ.</p>
      )}
    </div>
  );
}

/** Shows the fit with one filter changed: response, rating and presets recomputed in the worker. */
async function preview(view: EqView, index: number, change: Partial<EqView["filters"][number]>) {
  const filters = view.filters.map((filter, i) =>
    i === index ? { ...filter, ...change } : filter,
  );
  const { reply } = await client.call("previewEq", { fit: view, filters });
  if (reply.ok) eqView.value = reply.value;
  else showAlert(reply.message);
}

/** The chosen curve as the legend names it (the user's label, if any): the downloads' names. */
function curveName(): string {
  const chosen = eqSettings.value.curve;
  if (chosen === "design") return "design";
  const measurement = measurements.value.find((m) => m.id === chosen);
  return measurement ? labelOf(measurement.id, measurement.curve.name) : chosen;
}

/** Fits the chosen curve; `slotTypes` replace the preset's filter types (the user changed them). */
async function fit(slotTypes?: BiquadType[]): Promise<void> {
  const settings = eqSettings.value;
  const curve =
    settings.curve === "design"
      ? designCurve.value?.curve
      : measurements.value.find((m) => m.id === settings.curve)?.curve;
  if (curve === undefined)
    return showAlert(
      "nothing to equalise yet: the design is still simulating, or the measurement was removed",
    );
  fitting.value = true;
  const { reply } = await client.call("fitEq", {
    curve,
    target: targetRequest.value,
    presetId: settings.preset,
    isDesign: settings.curve === "design",
    ...(slotTypes ? { slotTypes } : {}),
    ...(settings.maxBoostDb !== undefined ? { maxBoostDb: settings.maxBoostDb } : {}),
  });
  fitting.value = false;
  if (reply.ok) eqView.value = reply.value;
  else showAlert(reply.message);
}
