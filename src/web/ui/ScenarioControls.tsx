// What the listener's ear and the source do to the design: fit/seal scenarios and the source's output
// impedance, as toggles that re-simulate.
import { catalogue, fitScenario, outputImpedanceOhm } from "../state/appState.js";

export function ScenarioControls() {
  const scenarios = catalogue.value?.fitScenarios ?? [];
  const zout = outputImpedanceOhm.value;
  return (
    <fieldset class="scenarios">
      <legend>Fit and source</legend>
      <label>
        Fit{" "}
        <select
          value={fitScenario.value}
          onChange={(event) => (fitScenario.value = event.currentTarget.value)}
        >
          <option value="">as designed</option>
          {scenarios.map((scenario) => (
            <option key={scenario.id} value={scenario.id} title={scenario.description}>
              {scenario.id}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={zout !== undefined}
          onChange={(event) =>
            (outputImpedanceOhm.value = event.currentTarget.checked ? 10 : undefined)
          }
        />{" "}
        Source output impedance
      </label>
      {zout !== undefined ? (
        <label>
          Output impedance (Ω){" "}
          <input
            type="number"
            min={0}
            step="any"
            value={zout}
            onInput={(event) => {
              const value = Number(event.currentTarget.value);
              if (event.currentTarget.value !== "" && Number.isFinite(value) && value >= 0)
                outputImpedanceOhm.value = value;
            }}
          />
        </label>
      ) : null}
    </fieldset>
  );
}
