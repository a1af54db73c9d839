// The target and its tone controls (bass shelf, ear gain, treble shelf, tilt): the library's
// adjustableTarget, as the graph tools and `tympan --bass/--ear-gain/--treble/--tilt` define them.
// A target file picked or dropped here joins the built-in targets.
import { catalogue, target } from "../state/appState.js";
import {
  missingUploadedTarget,
  removeUploadedTarget,
  uploadedTargets,
} from "../state/uploadedTargets.js";
import { removeStoredMeasurement } from "../storage/measurementStore.js";
import type { TargetSpec } from "../worker/protocol.js";
import { addTargetFiles } from "./openFiles.js";

const CONTROLS: {
  field: keyof Omit<TargetSpec, "base" | "curve">;
  label: string;
  unit: string;
  min: number;
  max: number;
  step: number;
}[] = [
  { field: "bassDb", label: "Bass (shelf 105 Hz)", unit: "dB", min: -12, max: 12, step: 0.5 },
  { field: "earGainDb", label: "Ear gain (2.75 kHz)", unit: "dB", min: -12, max: 12, step: 0.5 },
  { field: "trebleDb", label: "Treble (shelf 2.5 kHz)", unit: "dB", min: -12, max: 12, step: 0.5 },
  {
    field: "tiltDbPerOctave",
    label: "Tilt (pivot 1 kHz)",
    unit: "dB/oct",
    min: -3,
    max: 3,
    step: 0.1,
  },
];

export function TargetControls({ idPrefix }: { idPrefix: string }) {
  const spec = target.value;
  const targets = catalogue.value?.targets ?? [];
  const set = (change: Partial<TargetSpec>) => (target.value = { ...target.value, ...change });
  const uploaded = uploadedTargets.value;
  const missing = missingUploadedTarget.value;
  const chosenUpload = uploaded.find((entry) => entry.id === spec.base);
  return (
    <fieldset
      class="target-controls"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        // A file dropped on the target is a target, not one more measurement for the graph.
        event.preventDefault();
        event.stopPropagation();
        if (event.dataTransfer) void addTargetFiles(Array.from(event.dataTransfer.files));
      }}
    >
      <legend>Target</legend>
      <label>
        Target curve{" "}
        <select value={spec.base} onChange={(event) => set({ base: event.currentTarget.value })}>
          {targets.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
          {uploaded.length > 0 ? (
            <optgroup label="Your targets">
              {uploaded.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.curve.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {missing !== undefined ? (
            <option value={spec.base}>{missing} (not loaded here)</option>
          ) : null}
        </select>
      </label>
      {chosenUpload !== undefined ? (
        <button
          type="button"
          aria-label={`Remove the target file "${chosenUpload.curve.name}"`}
          onClick={() => {
            removeUploadedTarget(chosenUpload.id);
            // Stored under "target:<id>" (see addTargetTexts).
            void removeStoredMeasurement(`target:${chosenUpload.id}`).catch(() => undefined);
          }}
        >
          Remove target file
        </button>
      ) : null}
      <label class="file-button">
        Add target file
        <input
          type="file"
          multiple
          accept=".txt,.csv,.tsv,.frd,text/plain,text/csv"
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            event.currentTarget.value = "";
            void addTargetFiles(files);
          }}
        />
      </label>
      {missing !== undefined ? (
        <p class="note" role="status">
          This link rates against the target file "{missing}", which stays on the computer that
          loaded it; the default target is used until you add that file here.
        </p>
      ) : null}
      {CONTROLS.map((control) => {
        const id = `${idPrefix}-${control.field}`;
        return (
          <div class="tone" key={control.field}>
            <label for={id}>{control.label}</label>
            <input
              id={id}
              type="range"
              min={control.min}
              max={control.max}
              step={control.step}
              value={spec[control.field]}
              aria-valuetext={`${spec[control.field]} ${control.unit}`}
              onInput={(event) => set({ [control.field]: Number(event.currentTarget.value) })}
            />
            <output for={id}>
              {spec[control.field] > 0 ? "+" : ""}
              {spec[control.field]} {control.unit}
            </output>
          </div>
        );
      })}
    </fieldset>
  );
}
