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
  showAlert,
  undoEdit,
} from "../state/appState.js";
import { useMemo } from "preact/hooks";
import type { Design } from "../../index.js";
import { simulateRequest } from "../state/designSimulation.js";
import { markDrawn } from "../state/redrawTiming.js";
import { client } from "../state/worker.js";
import { impedanceChart, phaseChart, responseChart } from "../view/designChartData.js";
import { DistortionPanel } from "./DistortionPanel.js";
import { downloadText, safeFileName } from "./download.js";
import { openDesignFile } from "./openFiles.js";
import { ParameterTable } from "./ParameterTable.js";
import { RatingText } from "./RatingText.js";
import { ScenarioControls } from "./ScenarioControls.js";
import { TargetControls } from "./TargetControls.js";
import { NotesList } from "./NotesList.js";
import { UPlotChart } from "./UPlotChart.js";

/** Download CSV: the worker writes `tympan simulate --csv` of exactly what is drawn. */
async function downloadCsv(design: Design, name: string): Promise<void> {
  const { reply } = await client.call("simulationCsv", simulateRequest(design));
  if (reply.ok) downloadText(`${safeFileName(name)}.csv`, reply.value, "text/csv");
  else showAlert(reply.message);
}

export function Designer() {
  const designs = catalogue.value?.designs ?? [];
  const design = currentDesign.value;
  const view = designView.value;
  const history = designHistory.value;
  const failure = designFailure.value;
  // New chart data only for a new simulation: the charts redraw (and the redraw is timed) when the
  // worker's answer arrives, not when the edit re-renders the page with the previous answer.
  const { response, impedance, phase } = useMemo(
    () => ({
      response: view ? responseChart(view) : undefined,
      impedance: view ? impedanceChart(view) : undefined,
      phase: view ? phaseChart(view) : undefined,
    }),
    [view],
  );
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
            accept=".json,.yaml,.yml,application/json"
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
          disabled={!view || !design}
          onClick={() => design && void downloadCsv(design, designName)}
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
              downloadName={`${designName} SPL`}
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
              title="Phase and group delay at the eardrum"
              yLabel="phase (°)"
              y2Label="group delay (ms)"
              {...(phase.y2Range ? { y2Range: phase.y2Range } : {})}
              series={phase.series}
              data={phase.data as never}
              height={200}
              yRange={[-180, 180]}
            />
          ) : null}
          <DistortionPanel designName={designName} />
          {view ? <NotesList label="Notes" notes={view.warnings} /> : null}
        </div>
      </div>
      {/* A new design starts the fields afresh: units and slider scales chosen from its values. */}
      <ParameterTable key={`${baseDesignName.value}|${designFileName.value}`} />
    </div>
  );
}
