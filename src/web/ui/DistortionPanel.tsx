// The designer's distortion view: THD, H2 and H3 against frequency at a chosen level at the drum,
// computed (on its own worker, once edits pause) only while the view is open.
import { useMemo, useState } from "preact/hooks";
import { distortionSettings } from "../state/appState.js";
import {
  distortionComputing,
  distortionFailure,
  distortionView,
} from "../state/designDistortion.js";
import {
  DISTORTION_LEVEL_RANGE_DB,
  DISTORTION_PRESETS_DB,
  distortionCaption,
  distortionChart,
  parseLevel,
} from "../view/distortionChartData.js";
import { NotesList } from "./NotesList.js";
import { UPlotChart } from "./UPlotChart.js";

export function DistortionPanel({ designName }: { designName: string }) {
  const view = distortionView.value;
  const { open, levelDb: level } = distortionSettings.value;
  const failure = distortionFailure.value;
  const [fieldError, setFieldError] = useState<string | null>(null);
  const chart = useMemo(() => (view && !view.linear ? distortionChart(view) : undefined), [view]);
  const setLevel = (levelDb: number) => {
    setFieldError(null);
    distortionSettings.value = { ...distortionSettings.value, levelDb };
  };
  return (
    <details
      class="distortion"
      open={open}
      onToggle={(event) => {
        const opened = event.currentTarget.open;
        if (opened !== distortionSettings.value.open)
          distortionSettings.value = { ...distortionSettings.value, open: opened };
      }}
    >
      <summary>Distortion at a chosen level</summary>
      <div class="distortion-level" role="group" aria-label="Distortion level">
        <span>Level at the drum, dB SPL at 1 kHz:</span>
        {DISTORTION_PRESETS_DB.map((preset) => (
          <button
            key={preset}
            type="button"
            aria-pressed={level === preset}
            onClick={() => setLevel(preset)}
          >
            {preset} dB
          </button>
        ))}
        <input
          type="number"
          aria-label="Distortion level (dB SPL at 1 kHz)"
          min={DISTORTION_LEVEL_RANGE_DB.min}
          max={DISTORTION_LEVEL_RANGE_DB.max}
          step={1}
          value={level}
          onChange={(event) => {
            const parsed = parseLevel(event.currentTarget.value);
            if ("levelDb" in parsed) setLevel(parsed.levelDb);
            else setFieldError(parsed.message);
          }}
        />
      </div>
      {fieldError ? (
        <p role="alert">
          {fieldError}; the view stays at {level} dB.
        </p>
      ) : null}
      {failure ? (
        <p role="alert">The distortion cannot be computed at this level: {failure}</p>
      ) : null}
      <p class="distortion-status" aria-live="polite">
        {distortionComputing.value
          ? `Computing the distortion at ${level} dB…`
          : view
            ? distortionCaption(view)
            : ""}
      </p>
      {chart && open ? (
        <UPlotChart
          title="Harmonic distortion at the eardrum: THD, H2 and H3 (% of the fundamental)"
          downloadName={`${designName} THD ${view?.levelDb ?? level} dB`}
          yLabel="% of fundamental"
          logY
          significantDigits={3}
          series={chart.series}
          data={chart.data as never}
          height={240}
        />
      ) : null}
      {view ? <NotesList label="Distortion notes" notes={view.warnings} /> : null}
    </details>
  );
}
