// The source panel: what a headphone output does with the design — the voltage and headroom for a
// peak level, hiss at the eardrum, and the response change from its output impedance (`tympan source`).
import { signal, effect } from "@preact/signals";
import { catalogue, currentDesign, sourceSettings, tab } from "../state/appState.js";
import { client } from "../state/worker.js";
import type { SourceView } from "../worker/protocol.js";
import { UPlotChart } from "./UPlotChart.js";

const sourceView = signal<SourceView | null>(null);
const sourceError = signal<string | null>(null);

export function startSourceMatching(): () => void {
  return effect(() => {
    const design = currentDesign.value;
    const { preset, levelDbSpl, figures } = sourceSettings.value;
    // Only while the panel is open: it simulates too, and must not delay the designer's redraws.
    if (design === null || tab.value !== "source") return;
    const request = {
      design,
      name: design.name ?? "design",
      source: preset,
      levelDbSpl,
      ...(figures ? { figures } : {}),
    };
    void client.latestOn("source", "source", request).then((result) => {
      if (result === undefined) return;
      sourceError.value = result.reply.ok ? null : result.reply.message;
      if (result.reply.ok) sourceView.value = result.reply.value;
    });
  });
}

/** The figures a user may change, as `tympan source --output-impedance/--noise/--max-voltage`. */
const FIGURES = [
  { field: "outputImpedanceOhm", label: "Output impedance (Ω)", step: 0.1 },
  { field: "noiseMicrovoltsA", label: "Noise (µV, A-weighted)", step: 0.1 },
  { field: "maxVoltageVrms", label: "Max voltage (V rms)", step: 0.1 },
] as const;

export function SourcePanel() {
  const settings = sourceSettings.value;
  const presets = catalogue.value?.sourcePresets ?? [];
  const view = sourceView.value;
  const set = (change: Partial<typeof settings>) =>
    (sourceSettings.value = { ...sourceSettings.value, ...change });
  return (
    <div class="source-panel">
      <div class="toolbar" role="toolbar" aria-label="Source">
        <label>
          Source{" "}
          <select
            value={settings.preset}
            onChange={(event) => set({ preset: event.currentTarget.value, figures: undefined })}
          >
            {presets.map((preset) => (
              <option key={preset.id} value={preset.id} title={preset.description}>
                {preset.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Peak level (dB SPL){" "}
          <input
            type="number"
            min={60}
            max={140}
            step={1}
            value={settings.levelDbSpl}
            onInput={(event) => {
              const value = Number(event.currentTarget.value);
              if (event.currentTarget.value !== "" && value > 0 && value < 200)
                set({ levelDbSpl: value });
            }}
          />
        </label>
        {FIGURES.map(({ field, label, step }) => (
          <label key={field}>
            {label}{" "}
            <input
              type="number"
              min={0}
              step={step}
              value={view?.figures[field] ?? ""}
              onChange={(event) => {
                const value = Number(event.currentTarget.value);
                if (event.currentTarget.value === "" || !Number.isFinite(value)) return;
                set({ figures: { ...settings.figures, [field]: value } });
              }}
            />
          </label>
        ))}
      </div>
      {sourceError.value ? <p role="alert">{sourceError.value}</p> : null}
      {view ? (
        <div class="source-figures">
          <p>
            <strong>{view.sourceName}</strong>: {view.sourceDescription}
          </p>
          <dl>
            <dt>Sensitivity</dt>
            <dd>
              {view.spec.sensitivityDbSplPerVolt.toFixed(1)} dB SPL/V,{" "}
              {view.spec.sensitivityDbSplPerMilliwatt.toFixed(1)} dB SPL/mW
            </dd>
            <dt>Impedance at 1 kHz</dt>
            <dd>
              {view.spec.impedanceAt1kHzOhm.toFixed(1)} Ω (minimum{" "}
              {view.spec.minimumImpedanceOhm.toFixed(1)} Ω at{" "}
              {Math.round(view.spec.minimumImpedanceAtHz)} Hz)
            </dd>
            <dt>Drive for {view.drive.levelDbSpl} dB SPL</dt>
            <dd>
              {(view.drive.voltageVrms * 1000).toFixed(1)} mV rms,{" "}
              {(view.drive.powerW * 1000).toFixed(3)} mW
            </dd>
            <dt>Headroom</dt>
            <dd>
              {view.drive.headroomDb.toFixed(1)} dB ({view.drive.binding} limit); loudest clean
              level {view.drive.maximumLevelDbSpl.toFixed(1)} dB SPL
            </dd>
            <dt>Hiss at the eardrum</dt>
            <dd>
              {view.hiss.aWeightedDbSpl.toFixed(1)} dB(A) SPL — {view.hiss.verdict}
            </dd>
            <dt>Output impedance reshapes the response by</dt>
            <dd>{view.spreadDb.toFixed(2)} dB</dd>
          </dl>
          <UPlotChart
            title="Response change from the source's output impedance"
            yLabel="dB"
            series={[{ label: "change (dB)", color: "#D55E00", width: 2 }]}
            data={[view.frequencyHz, view.changeDb] as never}
            height={220}
          />
        </div>
      ) : (
        <p>Computing…</p>
      )}
    </div>
  );
}
