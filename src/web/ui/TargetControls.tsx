// The target and its tone controls (bass shelf, ear gain, treble shelf, tilt): the library's
// adjustableTarget, as the graph tools and `tympan --bass/--ear-gain/--treble/--tilt` define them.
import { catalogue, target } from "../state/appState.js";
import type { TargetSpec } from "../worker/protocol.js";

const CONTROLS: {
  field: keyof Omit<TargetSpec, "base">;
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
  return (
    <fieldset class="target-controls">
      <legend>Target</legend>
      <label>
        Target curve{" "}
        <select value={spec.base} onChange={(event) => set({ base: event.currentTarget.value })}>
          {targets.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </select>
      </label>
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
