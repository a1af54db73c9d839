// The source panel's call: what `tympan source` computes for one source and a design.
import {
  SOURCE_PRESET_NAMES,
  driveRequirement,
  hissAtDrum,
  loadFromDesign,
  outputImpedanceDamping,
  sourcePreset,
  specSheet,
} from "../../index.js";
import type { SourceRequest, SourceView } from "./protocol.js";

export function matchSource(request: SourceRequest): SourceView {
  const source = sourcePreset(request.source);
  if (source === undefined) {
    throw new Error(
      `no source "${request.source}"; choose one of ${SOURCE_PRESET_NAMES.join(", ")}`,
    );
  }
  const load = loadFromDesign(request.design, request.name);
  const damping = outputImpedanceDamping(load, source.outputImpedanceOhm);
  return {
    spec: specSheet(load),
    drive: driveRequirement(load, source, request.levelDbSpl),
    hiss: hissAtDrum(load, source),
    frequencyHz: [...damping.frequencyHz],
    changeDb: [...damping.changeDb],
    spreadDb: damping.spreadDb,
    sourceDescription: source.description,
  };
}
