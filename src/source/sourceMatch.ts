import { type Issue, TympanError, isNonEmpty } from "../core/issues.js";
import { type DriveRequirement, driveRequirement } from "./driveRequirement.js";
import { type Hiss, hissAtDrum } from "./hiss.js";
import { type Damping, outputImpedanceDamping } from "./outputImpedanceDamping.js";
import type { SourceLoad } from "./sourceLoad.js";
import { type SourceModel, sourceProblems } from "./sourceModel.js";
import { SOURCE_PRESETS, SOURCE_PRESET_NAMES, sourcePreset } from "./sourcePresets.js";

/** Everything source matching computes for one source driving one load. */
export interface SourceMatch {
  readonly source: SourceModel;
  readonly drive: DriveRequirement;
  readonly hiss: Hiss;
  readonly damping: Damping;
}

/**
 * How `source` drives `load`: the voltage, current and power for `levelDbSpl` (dB SPL at the drum)
 * with the headroom left (driveRequirement), the hiss at the drum against the threshold of hearing
 * (hissAtDrum) and the response change its output impedance causes (outputImpedanceDamping).
 */
export function matchSource(
  load: SourceLoad,
  source: SourceModel,
  levelDbSpl: number,
): SourceMatch {
  return {
    source,
    drive: driveRequirement(load, source, levelDbSpl),
    hiss: hissAtDrum(load, source),
    damping: outputImpedanceDamping(load, source.outputImpedanceOhm),
  };
}

/** A source's own figures, each optional: given ones replace a preset's or make a custom source. */
export interface SourceFigures {
  readonly outputImpedanceOhm?: number | undefined;
  readonly noiseMicrovoltsA?: number | undefined;
  readonly maxVoltageVrms?: number | undefined;
  readonly maxCurrentArms?: number | undefined;
}

/** The command-line flag of each figure, for messages that say what to add. */
const FIGURE_FLAGS: Readonly<Record<keyof SourceFigures, string>> = {
  outputImpedanceOhm: "--output-impedance",
  noiseMicrovoltsA: "--noise",
  maxVoltageVrms: "--max-voltage",
  maxCurrentArms: "--max-current",
};

function sourceError(issues: readonly Issue[]): TympanError {
  if (!isNonEmpty(issues)) throw new Error("sourceError needs an issue");
  return new TympanError(issues);
}

/**
 * The sources to compare: the preset named `preset` (with any given `figures` replacing its own,
 * renamed "<preset> (modified)"), or a custom source from `figures` alone (output impedance, noise
 * and maximum voltage all needed; maximum current optional), or every preset (SOURCE_PRESETS) when
 * neither is given. Throws a TympanError for an unknown preset, missing or invalid figures, naming
 * the command-line flag to give.
 */
export function chooseSources(
  options: { readonly preset?: string | undefined; readonly figures?: SourceFigures } = {},
): SourceModel[] {
  const figures = Object.fromEntries(
    Object.entries(options.figures ?? {}).filter(([, value]) => value !== undefined),
  ) as SourceFigures;
  const given = Object.keys(figures) as (keyof SourceFigures)[];
  let source: SourceModel;
  if (options.preset !== undefined) {
    const preset = sourcePreset(options.preset);
    if (preset === undefined) {
      throw sourceError([
        {
          severity: "error",
          code: "invalid-source",
          path: ["--source"],
          message: `${options.preset}: no such preset; choose one of ${SOURCE_PRESET_NAMES.join(", ")}`,
        },
      ]);
    }
    if (given.length === 0) return [preset];
    source = {
      ...preset,
      ...figures,
      name: `${preset.name} (modified)`,
      provenance: `${preset.provenance}; figures replaced on the command line: ${given.join(", ")}`,
    };
  } else {
    if (given.length === 0) return SOURCE_PRESET_NAMES.map((name) => SOURCE_PRESETS[name]);
    const required = ["outputImpedanceOhm", "noiseMicrovoltsA", "maxVoltageVrms"] as const;
    const missing = required.filter((key) => figures[key] === undefined);
    if (missing.length > 0) {
      throw sourceError([
        {
          severity: "error",
          code: "invalid-source",
          path: [],
          message: `a custom source needs --output-impedance, --noise and --max-voltage (missing: ${missing.map((key) => FIGURE_FLAGS[key]).join(", ")}); or start from a preset with --source`,
        },
      ]);
    }
    source = {
      name: "custom",
      description: "the source given on the command line",
      outputImpedanceOhm: figures.outputImpedanceOhm!,
      noiseMicrovoltsA: figures.noiseMicrovoltsA!,
      maxVoltageVrms: figures.maxVoltageVrms!,
      ...(figures.maxCurrentArms !== undefined ? { maxCurrentArms: figures.maxCurrentArms } : {}),
      provenance: "given on the command line",
    };
  }
  const problems = sourceProblems(source).map((issue) => ({
    ...issue,
    path: [FIGURE_FLAGS[issue.path[0] as keyof SourceFigures] ?? String(issue.path[0])],
  }));
  if (problems.length > 0) throw sourceError(problems);
  return [source];
}
