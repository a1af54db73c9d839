// What the page lists: the reference designs, each element type's parameters with their units, the
// targets, EQ devices, sources and fit scenarios — all straight from the library's registries.
import {
  DEVICE_PRESETS,
  ELEMENT_MODELS,
  FIT_SCENARIOS,
  FIT_SCENARIO_NAMES,
  REFERENCE_DESIGNS,
  SOURCE_PRESETS,
  SOURCE_PRESET_NAMES,
  STOCK_DAMPER_RATINGS,
  preferredValues,
} from "../../index.js";
import type { Catalogue } from "./protocol.js";
import { targetList } from "./targets.js";

export function catalogue(): Catalogue {
  return {
    designs: REFERENCE_DESIGNS.map(({ name, summary, design }) => ({ name, summary, design })),
    terminals: Object.fromEntries(
      Object.values(ELEMENT_MODELS).map((model) => [model.type, [...model.terminals]]),
    ),
    parameters: Object.fromEntries(
      Object.values(ELEMENT_MODELS).map((model) => [model.type, { ...model.parameters }]),
    ),
    targets: targetList(),
    devicePresets: DEVICE_PRESETS.map(({ id, name, variableFilterCount }) => ({
      id,
      name,
      variableFilterCount,
    })),
    sourcePresets: SOURCE_PRESET_NAMES.map((id) => ({
      id,
      description: SOURCE_PRESETS[id].description,
    })),
    preferredValues: preferredValues("E12", 1e-12, 1e7),
    stockDamperRatings: [...STOCK_DAMPER_RATINGS.valuesCgsOhm],
    fitScenarios: FIT_SCENARIO_NAMES.map((id) => ({
      id,
      description: FIT_SCENARIOS[id].description,
    })),
  };
}
