// The designer: pick or open a design, edit its parameters, see the response at the drum with each
// driver's share, the impedance and phase, the target and the rating — redrawn on every edit.
import {
  baseDesignName,
  catalogue,
  currentDesign,
  designFailure,
  designFileName,
  designHistory,
  designView,
  openDesign,
  redoEdit,
  undoEdit,
} from "../state/appState.js";
import { markDrawn } from "../state/redrawTiming.js";
import { impedanceChart, phaseChart, responseChart } from "../view/designChartData.js";
import { downloadText, safeFileName } from "./download.js";
import { openDesignFile } from "./openFiles.js";
import { ParameterTable } from "./ParameterTable.js";
import { RatingText } from "./RatingText.js";
import { ScenarioControls } from "./ScenarioControls.js";
import { TargetControls } from "./TargetControls.js";
import { UPlotChart } from "./UPlotChart.js";

export function Designer() {
  const designs = catalogue.value?.designs ?? [];
  const design = currentDesign.value;
  const view = designView.value;
  const history = designHistory.value;
  const failure = designFailure.value;
  const response = view ? responseChart(view) : undefined;
  const impedance = view ? impedanceChart(view) : undefined;
  const phase = view ? phaseChart(view) : undefined;
  const designName = design?.name ?? baseDesignName.value ?? designFileName.value ?? "design";
  return (
    <div class="designer">
      <div class="toolbar" role="toolbar" aria-label="Design">
        <label>
          Design{" "}
          <select
            value={baseDesignName.value ?? ""}
            onChange={(event) => {
              const chosen = designs.find((entry) => entry.name === event.currentTarget.value);
              if (chosen) openDesign(chosen.design, chosen.name, null);
            }}
          >
            {baseDesignName.value === null ? (
              <option value="">{designName} (opened file)</option>
            ) : null}
            {designs.map((entry) => (
              <option key={entry.name} value={entry.name} title={entry.summary}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
        <label class="file-button">
          Open design file
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void openDesignFile(file);
              event.currentTarget.value = "";
            }}
          />
        </label>
        <button
          type="button"
          onClick={undoEdit}
          disabled={!history || history.past.length === 0}
          aria-keyshortcuts="Control+Z"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={redoEdit}
          disabled={!history || history.future.length === 0}
          aria-keyshortcuts="Control+Y"
        >
          Redo
        </button>
        <button
          type="button"
          disabled={!design}
          onClick={() =>
            design &&
            downloadText(
              `${safeFileName(designName)}.json`,
              `${JSON.stringify(design, null, 2)}\n`,
              "application/json",
            )
          }
        >
          Download design
        </button>
        <button
          type="button"
          disabled={!view}
          onClick={() =>
            view && downloadText(`${safeFileName(designName)}.csv`, view.csv, "text/csv")
          }
        >
          Download CSV
        </button>
      </div>
      {failure ? (
        <div class="design-failure" role="alert">
          <strong>The design cannot be simulated as it is.</strong> {failure.message}
          <p>The charts show the last valid state; fix the field marked below or press Undo.</p>
        </div>
      ) : null}
      <div class="designer-body">
        <aside class="side">
          <ScenarioControls />
          <TargetControls idPrefix="designer" />
        </aside>
        <div class="charts">
          {view ? <RatingText view={view} /> : <p aria-live="polite">Simulating…</p>}
          {response ? (
            <UPlotChart
              title="SPL at the eardrum, with each driver's share"
              yLabel="dB SPL"
              series={response.series}
              data={response.data as never}
              {...(response.yRange ? { yRange: response.yRange } : {})}
              onDrawn={markDrawn}
            />
          ) : null}
          {impedance ? (
            <UPlotChart
              title="Impedance seen by the source"
              yLabel="|Z| (Ω)"
              y2Label="phase (°)"
              logY
              series={impedance.series}
              data={impedance.data as never}
              height={220}
            />
          ) : null}
          {phase ? (
            <UPlotChart
              title="Phase at the eardrum"
              yLabel="phase (°)"
              series={phase.series}
              data={phase.data as never}
              height={200}
              yRange={[-180, 180]}
            />
          ) : null}
          {view && view.warnings.length > 0 ? (
            <ul class="notes" aria-label="Notes">
              {view.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      <ParameterTable />
    </div>
  );
}
