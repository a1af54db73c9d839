// The source panel's call: what `tympan source` computes for one source and the design — the
// library's chooseSources (a preset, its figures replaced by any the user typed) and matchSource.
import { chooseSources, loadFromDesign, matchSource, specSheet } from "../../index.js";
import type { SourceRequest, SourceView } from "./protocol.js";

export function matchDesignSource(request: SourceRequest): SourceView {
  const [source] = chooseSources({ preset: request.source, figures: request.figures ?? {} });
  const load = loadFromDesign(request.design, request.name);
  const { drive, hiss, damping } = matchSource(load, source!, request.levelDbSpl);
  return {
    spec: specSheet(load),
    drive,
    hiss,
    frequencyHz: [...damping.frequencyHz],
    changeDb: [...damping.changeDb],
    spreadDb: damping.spreadDb,
    sourceName: source!.name,
    sourceDescription: source!.description,
    figures: {
      outputImpedanceOhm: source!.outputImpedanceOhm,
      noiseMicrovoltsA: source!.noiseMicrovoltsA,
      maxVoltageVrms: source!.maxVoltageVrms,
    },
  };
}
