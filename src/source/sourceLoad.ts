import type { Curve } from "../core/curve.js";
import { interpolateLogFrequency } from "../analysis/interpolate.js";
import { milliwattMinusVoltDb } from "../analysis/sensitivity.js";
import { type Design, validateDesign } from "../design/design.js";
import { SPL_REFERENCE_PA } from "../core/air.js";
import { logFrequencies } from "../core/frequencyGrid.js";
import { type Issue, type IssueCode, TympanError } from "../core/issues.js";
import type { ElementDefinition } from "../elements/registry.js";
import { simulate } from "../simulate/simulate.js";

/**
 * What a headphone output drives, per frequency: the IEM's electrical input impedance and the
 * pressure it makes at the eardrum per volt across its terminals. Everything source matching computes
 * (spec sheet, drive requirement, hiss, damping) follows from these two, because an IEM is a linear
 * network with one electrical input: a source of open-circuit voltage V and output impedance Zout
 * puts V·Z/(Z + Zout) across the terminals, and the drum pressure is that times the pressure per volt.
 */
export interface SourceLoad {
  readonly name: string;
  /** Frequencies (Hz), increasing, including 1000 Hz. */
  readonly frequencyHz: readonly number[];
  /** Input impedance Z = re + j·im (Ω) at each frequency. */
  readonly impedanceRe: readonly number[];
  readonly impedanceIm: readonly number[];
  /** False when a measured impedance came without phase: Z is then taken as resistive (see notes). */
  readonly impedancePhaseKnown: boolean;
  /** |p_drum| per volt rms across the terminals (Pa/V). */
  readonly drumPaPerVolt: readonly number[];
  /**
   * False when no frequency response was measured (an impedance file alone): drumPaPerVolt is then
   * flat at the 1 kHz sensitivity, an assumption, so the response's shape and its −10 dB points are
   * unknown.
   */
  readonly responseKnown: boolean;
  /** Assumptions the figures rest on, as notes (severity "note"), for the output. */
  readonly notes: readonly Issue[];
}

/**
 * The grid source matching works on: 1/48 octave from 20 Hz to 20 kHz plus 1 kHz exactly, fine enough
 * for one-third-octave band integrals (about 16 points per band).
 */
export function sourceGrid(fromHz = 20, toHz = 20_000): number[] {
  const points = Math.round(48 * Math.log2(toHz / fromHz)) + 1;
  const grid = [...logFrequencies({ fromHz, toHz, points })];
  if (fromHz <= 1000 && toHz >= 1000) grid.push(1000);
  return [...new Set(grid)].sort((a, b) => a - b);
}

function loadIssue(code: IssueCode, message: string): TympanError {
  const issue: Issue = { severity: "error", code, path: [], message };
  return new TympanError([issue]);
}

/** An assumption the load rests on, said once in the output. */
function note(code: IssueCode, message: string): Issue {
  return { severity: "note", code, path: [], message };
}

/**
 * The load of a design: the design is simulated with its one voltage source set to 1 V and no output
 * impedance (so the impedance and the pressure are per terminal volt), at the probe `probeId` (default
 * "drum", or the design's only acoustic probe). A design with more than one source is not a
 * single-input network and is refused.
 */
export function loadFromDesign(
  design: unknown,
  name: string,
  options: { readonly probeId?: string; readonly frequencies?: readonly number[] } = {},
): SourceLoad {
  const validated = validateDesign(design);
  if (!validated.ok) throw new TympanError(validated.issues);
  const sources = validated.value.elements.filter(
    (element) => element.type === "voltageSource" || element.type === "currentSource",
  );
  if (sources.length !== 1 || sources[0]!.type !== "voltageSource") {
    throw loadIssue(
      "not-single-voltage-input",
      `source matching needs a design driven by exactly one voltageSource (the amplifier); this one has ${sources.length === 0 ? "none" : sources.map((s) => `${s.type} "${s.id}"`).join(", ")}`,
    );
  }
  const sourceId = sources[0]!.id;
  const unitDrive: Design = {
    ...validated.value,
    elements: validated.value.elements.map((element) =>
      element.id === sourceId
        ? ({
            id: element.id,
            type: "voltageSource",
            nodes: element.nodes,
            voltage: 1,
          } as ElementDefinition)
        : element,
    ),
  };
  const frequencies = [...(options.frequencies ?? sourceGrid())];
  const result = simulate(unitDrive, { frequencies });
  const probeId = options.probeId ?? pickProbe(result.probes, name);
  const probe = result.probes[probeId];
  if (probe === undefined || probe.domain !== "acoustic") {
    throw loadIssue(
      "no-acoustic-probe",
      `${name} has no acoustic probe "${probeId}"; its probes: ${Object.keys(result.probes).join(", ") || "none"}`,
    );
  }
  const z = result.inputImpedance!;
  return {
    name,
    frequencyHz: result.frequencyHz,
    impedanceRe: z.magnitudeOhm.map((m, i) => m * Math.cos((z.phaseDeg[i]! * Math.PI) / 180)),
    impedanceIm: z.magnitudeOhm.map((m, i) => m * Math.sin((z.phaseDeg[i]! * Math.PI) / 180)),
    impedancePhaseKnown: true,
    drumPaPerVolt: probe.re.map((re, i) => Math.hypot(re, probe.im[i]!)),
    responseKnown: true,
    notes: [
      note(
        "simulated-at-probe",
        `simulated at the "${probeId}" probe of ${name} (an IEC 60318-4 ear simulator's drum in the reference designs; the standard covers 100 Hz–10 kHz)`,
      ),
    ],
  };
}

/** "drum" when there is one; else the only acoustic probe (not a driver's share). */
function pickProbe(probes: Record<string, { domain: string }>, name: string): string {
  if (probes.drum?.domain === "acoustic") return "drum";
  const acoustic = Object.keys(probes).filter(
    (id) => probes[id]!.domain === "acoustic" && !id.includes("/"),
  );
  if (acoustic.length === 1) return acoustic[0]!;
  throw loadIssue(
    "ambiguous-probe",
    `${name}: source matching reads the pressure at the eardrum; name that probe "drum" (acoustic probes found: ${acoustic.join(", ") || "none"})`,
  );
}

/** A sensitivity as a spec sheet prints it: dB SPL for 1 mW, or for 1 V rms, at 1 kHz. */
export interface SensitivityFigure {
  readonly db: number;
  readonly per: "mW" | "V";
}

/** Reads "110 dB/mW", "110dB SPL/mW", "118 dB/V" or "118/V". */
export function parseSensitivity(text: string): SensitivityFigure | undefined {
  const match = /^\s*([+-]?\d+(?:\.\d+)?)\s*(?:dB\s*(?:SPL)?)?\s*\/\s*(mW|V)\s*$/i.exec(text);
  if (!match) return undefined;
  return { db: Number(match[1]), per: match[2]!.toLowerCase() === "mw" ? "mW" : "V" };
}

/**
 * The load of a measured IEM: its impedance curve (magnitude, with phase when the file has it), the
 * sensitivity its spec sheet or a measurement gives at 1 kHz, and optionally a frequency-response
 * curve for the shape (its level is set so that 1 kHz matches the sensitivity). Without phase the
 * impedance is taken as resistive; without a response the pressure per volt is flat at the 1 kHz
 * value. Both assumptions are stated in `notes`.
 */
export function loadFromMeasurement(
  impedance: Curve,
  sensitivity: SensitivityFigure,
  response?: Curve,
): SourceLoad {
  const name = impedance.name ?? "measured IEM";
  if (impedance.kind !== "impedance") {
    throw loadIssue(
      "not-an-impedance",
      `${name} holds a frequency response, not an impedance; give an impedance export (.zma or a file with an Ω/impedance column)`,
    );
  }
  const first = impedance.frequencyHz[0]!;
  const last = impedance.frequencyHz[impedance.frequencyHz.length - 1]!;
  if (!(first <= 1000 && last >= 1000)) {
    throw loadIssue(
      "impedance-misses-1khz",
      `${name} covers ${first}–${last} Hz; the sensitivity is at 1 kHz, so the impedance must include 1 kHz`,
    );
  }
  const notes: Issue[] = [];
  const fromHz = Math.max(20, first);
  const toHz = Math.min(20_000, last);
  if (fromHz > 20 || toHz < 20_000)
    notes.push(
      note(
        "partial-range",
        `the impedance covers ${fromHz}–${toHz} Hz only: figures are for that range`,
      ),
    );
  const grid = sourceGrid(fromHz, toHz);
  const magnitude = interpolateLogFrequency(impedance, grid);
  if (magnitude.some((value) => !(value > 0))) {
    throw loadIssue("non-positive-impedance", `${name} has impedance values ≤ 0 Ω; check the file`);
  }
  const phaseKnown = impedance.phaseDeg !== undefined;
  const phase = phaseKnown
    ? interpolateLogFrequency({ ...impedance, values: impedance.phaseDeg! }, grid)
    : grid.map(() => 0);
  if (!phaseKnown)
    notes.push(
      note(
        "phase-assumed",
        "the impedance file has no phase: the impedance is taken as resistive (0°), which gives the largest level loss through an output impedance",
      ),
    );
  const at1k = grid.indexOf(1000);
  const dbPerVolt =
    sensitivity.per === "V"
      ? sensitivity.db
      : sensitivity.db - milliwattMinusVoltDb(magnitude[at1k]!, phase[at1k]!);
  let shapeDb: number[];
  if (response === undefined) {
    shapeDb = grid.map(() => 0);
    notes.push(
      note(
        "response-not-measured",
        "no frequency response given: the pressure per volt is taken as flat at the 1 kHz sensitivity, so the response's shape and range are unknown (give --response for them)",
      ),
    );
  } else {
    if (response.kind !== "response")
      throw loadIssue(
        "not-a-response",
        `${response.name ?? "--response"} is not a frequency response`,
      );
    const values = interpolateLogFrequency(response, grid);
    const rFirst = response.frequencyHz[0]!;
    const rLast = response.frequencyHz[response.frequencyHz.length - 1]!;
    if (rFirst > fromHz || rLast < toHz)
      notes.push(
        note(
          "partial-range",
          `the response covers ${rFirst}–${rLast} Hz; outside that its end values are held`,
        ),
      );
    shapeDb = values.map((value) => value - values[at1k]!);
    notes.push(
      note(
        "response-shape",
        `response shape from ${response.name ?? "the response file"}, set to the sensitivity at 1 kHz`,
      ),
    );
  }
  return {
    name,
    frequencyHz: grid,
    impedanceRe: magnitude.map((m, i) => m * Math.cos((phase[i]! * Math.PI) / 180)),
    impedanceIm: magnitude.map((m, i) => m * Math.sin((phase[i]! * Math.PI) / 180)),
    impedancePhaseKnown: phaseKnown,
    drumPaPerVolt: shapeDb.map((db) => SPL_REFERENCE_PA * 10 ** ((dbPerVolt + db) / 20)),
    responseKnown: response !== undefined,
    notes,
  };
}

/** |Z| at each frequency. */
export function impedanceMagnitude(load: SourceLoad): number[] {
  return load.impedanceRe.map((re, i) => Math.hypot(re, load.impedanceIm[i]!));
}

/** The index of 1 kHz on the load's grid (every loader puts 1000 Hz on it). */
export function indexOf1kHz(load: SourceLoad): number {
  const index = load.frequencyHz.indexOf(1000);
  if (index < 0) throw new Error("source load grid lacks 1 kHz");
  return index;
}

/**
 * |Z/(Z + Zout)|: the fraction of the source's open-circuit voltage across the IEM's terminals with a
 * resistive output impedance Zout (the voltage divider).
 */
export function dividerGain(load: SourceLoad, outputImpedanceOhm: number): number[] {
  return load.impedanceRe.map((re, i) => {
    const im = load.impedanceIm[i]!;
    return Math.hypot(re, im) / Math.hypot(re + outputImpedanceOhm, im);
  });
}
