// The graph tool: measurements from files (picker, drop, folder), normalised, smoothed, against a
// target with tone controls or a baseline, each with its preference rating in the legend.
import { useMemo, useState } from "preact/hooks";
import { graphSettings, measurements } from "../state/appState.js";
import { labelOf } from "../state/curveLabels.js";
import { DESIGN_CURVE_ID, graphView, showDesignInGraph } from "../state/graphCurves.js";
import { missingMeasurements } from "../state/urlSync.js";
import { graphChart } from "../view/graphChartData.js";
import { graphCsv } from "../view/graphCsv.js";
import { GraphDesignPicker } from "./GraphDesignPicker.js";
import { GraphLegend } from "./GraphLegend.js";
import { filesOfDrop, folderMeasurementFiles } from "./folderFiles.js";
import { addMeasurementFiles } from "./openFiles.js";
import { TargetControls } from "./TargetControls.js";
import { UPlotChart } from "./UPlotChart.js";
import { downloadText } from "./download.js";

/** Zoom presets (Hz): the bands graph tools name. */
const ZOOMS: Record<string, [number, number]> = {
  full: [20, 20_000],
  bass: [20, 250],
  mid: [250, 4000],
  treble: [4000, 20_000],
};

const SMOOTHING = [0, 3, 6, 12, 24, 48];

export function GraphTool() {
  const [zoom, setZoom] = useState("full");
  const [dragging, setDragging] = useState(false);
  const settings = graphSettings.value;
  const view = graphView.value;
  const chart = useMemo(
    () => (view ? graphChart(view, measurements.value) : undefined),
    [view, measurements.value],
  );
  const missing = missingMeasurements(settings.measurements);
  const set = (change: Partial<typeof settings>) =>
    (graphSettings.value = { ...graphSettings.value, ...change });
  return (
    <div
      class={`graph-tool${dragging ? " dragging" : ""}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        // A dropped folder is walked like a picked one (its measurement files and phone book).
        if (event.dataTransfer) void filesOfDrop(event.dataTransfer).then(addMeasurementFiles);
      }}
    >
      <div class="toolbar" role="toolbar" aria-label="Measurements">
        <label class="file-button">
          Add measurement
          <input
            type="file"
            multiple
            accept=".txt,.csv,.tsv,.frd,.zma,.json,text/plain,text/csv"
            onChange={(event) => {
              const files = Array.from(event.currentTarget.files ?? []);
              event.currentTarget.value = "";
              void addMeasurementFiles(files);
            }}
          />
        </label>
        <label class="file-button">
          Add folder
          <input
            type="file"
            multiple
            {...{ webkitdirectory: true }}
            onChange={(event) => {
              // A folder's measurement files, and its phone_book.json if it is a squig.link database.
              const files = folderMeasurementFiles(event.currentTarget.files ?? []);
              event.currentTarget.value = "";
              void addMeasurementFiles(files);
            }}
          />
        </label>
        <span class="hint">or drop files or a folder here</span>
        <label>
          Normalise{" "}
          <select
            value={settings.normalize}
            onChange={(event) => set({ normalize: event.currentTarget.value })}
          >
            <option value="500">60 dB at 500 Hz</option>
            <option value="1000">60 dB at 1 kHz</option>
            <option value="midband">average 300 Hz–3 kHz</option>
            <option value="loudness">loudness 100 Hz–10 kHz</option>
          </select>
        </label>
        <label>
          Smoothing{" "}
          <select
            value={settings.smoothing}
            onChange={(event) => set({ smoothing: Number(event.currentTarget.value) })}
          >
            {SMOOTHING.map((n) => (
              <option key={n} value={n}>
                {n === 0 ? "none" : `1/${n} octave`}
              </option>
            ))}
          </select>
        </label>
        <label>
          Baseline{" "}
          <select
            value={settings.baseline}
            onChange={(event) => set({ baseline: event.currentTarget.value })}
          >
            <option value="">none</option>
            <option value="target">the target</option>
            {measurements.value.map((m) => (
              <option key={m.id} value={m.id}>
                {labelOf(m.id, m.curve.name)}
              </option>
            ))}
            {showDesignInGraph.value ? (
              <option value={DESIGN_CURVE_ID}>the designer's design</option>
            ) : null}
          </select>
        </label>
        <span role="group" aria-label="Zoom">
          {Object.keys(ZOOMS).map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={zoom === name}
              onClick={() => setZoom(name)}
            >
              {name}
            </button>
          ))}
        </span>
        <label>
          <input
            type="checkbox"
            checked={showDesignInGraph.value}
            onChange={(e) => (showDesignInGraph.value = e.currentTarget.checked)}
          />{" "}
          the designer's design
        </label>
        <GraphDesignPicker />
        <button
          type="button"
          disabled={!view}
          onClick={() => view && downloadText("tympan-graph.csv", graphCsv(view), "text/csv")}
        >
          Download curves CSV
        </button>
      </div>
      {missing.length > 0 ? (
        <p class="note" role="status">
          This link showed {missing.join(", ")}; measurements stay on the computer that loaded them,
          so add the files to see them here.
        </p>
      ) : null}
      <div class="graph-body">
        <div class="charts">
          {chart ? (
            <UPlotChart
              title="Frequency response"
              downloadName="tympan-graph"
              yLabel={settings.baseline ? "dB re baseline" : "dB"}
              series={chart.series}
              data={chart.data as never}
              bands={chart.bands}
              xRange={ZOOMS[zoom]}
              height={380}
            />
          ) : (
            <p>Add measurement files to compare them.</p>
          )}
          <GraphLegend />
        </div>
        <aside class="side">
          <TargetControls idPrefix="graph" />
        </aside>
      </div>
    </div>
  );
}
