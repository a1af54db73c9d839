/**
 * The messages between the page and the simulation worker. The page never imports the library's code
 * (it would ship twice): it sends plain data here and gets plain data back. Types only come from the
 * library's public entry, so this file adds nothing to the page's bundle.
 */
import type {
  BiquadType,
  Design,
  ValueRange,
  EqPreset,
  Issue,
  PreferenceRating,
  SpecSheet,
  DriveRequirement,
  Hiss,
} from "../../index.js";

/** The prefix of an uploaded target's id ("file:My target"): never a built-in target's. */
export const UPLOADED_TARGET_PREFIX = "file:";

/**
 * A target the page can ask for: a built-in curve (or a file the user gave) and the graph tools'
 * tone controls.
 */
export interface TargetSpec {
  /** A built-in target id, or "file:<name>" for a target the user uploaded. */
  readonly base: string;
  readonly bassDb: number;
  readonly earGainDb: number;
  readonly trebleDb: number;
  readonly tiltDbPerOctave: number;
  /**
   * The uploaded target's curve when `base` is "file:…": the page adds it to requests (a link
   * carries only the name; the curve stays in this browser, like measurements).
   */
  readonly curve?: CurveData;
}

/** A curve as it crosses the worker boundary: plain arrays. */
export interface CurveData {
  readonly name: string;
  readonly kind: "response" | "impedance";
  readonly frequencyHz: number[];
  readonly values: number[];
}

export interface ElementParameterDoc {
  readonly unit: string;
  readonly description: string;
}

export interface Catalogue {
  readonly designs: { name: string; summary: string; design: Design }[];
  /** Element type → its terminals' names, in the order of `nodes`. */
  readonly terminals: Record<string, string[]>;
  /** Element type → parameter → unit and description, from the element registry. */
  readonly parameters: Record<string, Record<string, ElementParameterDoc>>;
  readonly targets: { id: string; name: string }[];
  readonly devicePresets: { id: string; name: string; variableFilterCount: boolean }[];
  readonly sourcePresets: { id: string; description: string }[];
  readonly fitScenarios: { id: string; description: string }[];
  /** E12 values (IEC 60063) from 1 pF to 10 MΩ: what resistors, capacitors and inductors are sold in. */
  readonly preferredValues: number[];
  /** The stock damper ratings (cgs acoustic Ω) the library's optimiser snaps to. */
  readonly stockDamperRatings: number[];
}

/** What the designer draws for one simulation. */
export interface DesignView {
  readonly frequencyHz: number[];
  /** The probe the charts show: "drum", else the first acoustic probe. */
  readonly probeId: string;
  readonly splDb: number[];
  /** Per-driver shares of that probe ("drum/dd" → its dB), when the design asks for them. */
  readonly shares: { id: string; db: number[] }[];
  readonly impedance?: { magnitudeOhm: number[]; phaseDeg: number[] };
  /** Phase of the probe's pressure, degrees, and its group delay, ms (when the library gives it). */
  readonly phaseDeg: number[];
  readonly groupDelayMs?: number[];
  /** The target on the same grid, at the level of the response (300 Hz–3 kHz means matched). */
  readonly targetDb: number[];
  readonly targetName: string;
  readonly rating?: PreferenceRating;
  readonly warnings: string[];
}

export interface SimulateRequest {
  readonly design: unknown;
  readonly points: number;
  readonly target: TargetSpec;
  /** A fit scenario (FIT_SCENARIOS) applied before simulating; "" for the design as drawn. */
  readonly fit: string;
  /** Output impedance of the source (Ω) replacing the design's, or undefined to leave it. */
  readonly outputImpedanceOhm?: number;
}

/** The designer's distortion view: the design as simulated, driven to a level at the drum. */
export interface DistortionRequest {
  readonly design: unknown;
  /** The fundamental's level at the shown probe at 1 kHz, dB SPL (reviewers use 94 or 114). */
  readonly levelDb: number;
  /** Log-spaced points from 20 Hz to 10 kHz (the CLI's default sweep is 31); 1 kHz is added. */
  readonly points: number;
  readonly fit: string;
  readonly outputImpedanceOhm?: number;
}

/** THD and the 2nd and 3rd harmonics per frequency, as % of the fundamental at the probe. */
export interface DistortionView {
  readonly frequencyHz: number[];
  readonly probeId: string;
  readonly levelDb: number;
  /** The drive that puts the probe at `levelDb` at 1 kHz, V rms at the first voltage source. */
  readonly voltageRms: number;
  /** No driver has large-signal parameters: nothing to draw, and the page says so. */
  readonly linear: boolean;
  /** Null where the level is below the solver's floor (nothing to draw on a log axis). */
  readonly thdPercent: (number | null)[];
  readonly h2Percent: (number | null)[];
  readonly h3Percent: (number | null)[];
  /** THD at exactly 1 kHz, where the level is set. */
  readonly thdAt1kHzPercent: number;
  readonly warnings: string[];
}

/** A user's measurement file, as read text. */
export interface FileText {
  readonly fileName: string;
  readonly text: string;
  /** The curve's name, when not the file's (a phone book's "Brand Model L"). */
  readonly name?: string;
}

/** The phones a phone_book.json lists: each name with its file stem ("<stem> L.txt", "R.txt"). */
export interface PhoneBookView {
  readonly files: { name: string; file: string }[];
  /** Entries the book has but that could not be understood, as sentences. */
  readonly skipped: string[];
}

export interface GraphCurveInput {
  readonly id: string;
  readonly curve: CurveData;
}

export interface GraphOptions {
  readonly target: TargetSpec;
  /** "midband", "loudness" or a frequency in Hz as text, e.g. "500". */
  readonly normalize: string;
  /** Fractional-octave smoothing width, e.g. 12 for 1/12 octave; 0 for none. */
  readonly smoothingOctaveFraction: number;
  /** Id of the curve to subtract from every curve (compensation), or "" for none, "target" for the target. */
  readonly baseline: string;
}

export interface GraphView {
  readonly frequencyHz: number[];
  readonly curves: {
    id: string;
    name: string;
    db: (number | null)[];
    rating?: number;
    issue?: string;
  }[];
  readonly target: { name: string; db: (number | null)[] };
}

export interface FitEqRequest {
  readonly curve: CurveData;
  readonly target: TargetSpec;
  readonly presetId: string;
  readonly filterCount?: number;
  readonly maxBoostDb?: number;
  /** A simulated design rather than a measurement (the fit weighs the treble differently). */
  readonly isDesign: boolean;
  /** Filter types replacing the preset's, slot by slot (the user changed a filter's type). */
  readonly slotTypes?: BiquadType[];
}

/** What the device preset lets one filter be: its type and fc, Q and gain ranges (min = max: fixed). */
export interface FilterLimits {
  readonly type: BiquadType;
  readonly fcHz: ValueRange;
  readonly q: ValueRange;
  readonly gainDb: ValueRange;
}

/** Filters the user edited, previewed on the fit they came from. */
export interface EqPreviewRequest {
  readonly fit: EqView;
  readonly filters: EqPreset["filters"];
}

export interface EqView {
  readonly preset: EqPreset;
  readonly filters: EqPreset["filters"];
  /** Each filter's limits from the device preset (the slot the fit placed it in). */
  readonly limits: FilterLimits[];
  readonly frequencyHz: number[];
  readonly beforeDb: number[];
  readonly eqDb: number[];
  readonly afterDb: number[];
  readonly targetDb: number[];
  readonly ratingBefore: number;
  readonly ratingAfter: number;
  readonly residualBeforeDb: number;
  readonly residualAfterDb: number;
  readonly equalizerApo: string;
  readonly graphicEq: string;
  readonly sampleRateHz: number;
  /** `tympan eq --format csv` of the fit (not updated by edits). */
  readonly csv: string;
  /** True once the user changed a filter by hand. */
  readonly edited?: boolean;
}

export interface SourceRequest {
  readonly design: unknown;
  readonly name: string;
  readonly source: string;
  readonly levelDbSpl: number;
  /** Figures replacing the preset's (`tympan source --output-impedance/--noise/--max-voltage`). */
  readonly figures?: SourceFigureValues;
}

export interface SourceFigureValues {
  readonly outputImpedanceOhm?: number;
  readonly noiseMicrovoltsA?: number;
  readonly maxVoltageVrms?: number;
}

export interface SourceView {
  readonly spec: SpecSheet;
  readonly drive: DriveRequirement;
  readonly hiss: Hiss;
  readonly frequencyHz: number[];
  readonly changeDb: number[];
  /** How much the output impedance reshapes the response (largest minus smallest change), dB. */
  readonly spreadDb: number;
  readonly sourceName: string;
  readonly sourceDescription: string;
  /** The figures used, the preset's or the user's. */
  readonly figures: Required<SourceFigureValues>;
}

/** A chart on screen, to be drawn by the library's SVG renderer (the report's charts) for download. */
export interface ChartSvgRequest {
  readonly title: string;
  readonly yLabel: string;
  readonly series: {
    name: string;
    xHz: number[];
    y: number[];
    color: string;
    dash: "solid" | "dashed" | "dotted";
  }[];
  readonly xRangeHz?: [number, number];
}

/** Two channels of one headphone averaged (the library's averageChannels) and their imbalance. */
export interface ChannelAverage {
  readonly curve: CurveData;
  /** "L − R up to +3.1 dB at 6.2 kHz; |L − R| > 2 dB over 5.1–7.4 kHz", or "within 2 dB". */
  readonly imbalance: string;
  /** Where |L − R| exceeds the threshold (the library's channelImbalance bands), for the chart. */
  readonly bands: ImbalanceBandData[];
}

/** A stretch of frequencies where the channels differ by more than the threshold. */
export interface ImbalanceBandData {
  readonly fromHz: number;
  readonly toHz: number;
  /** The largest signed L − R in the band, dB. */
  readonly maxDb: number;
}

/** Every call the worker answers: its request and the value it replies with. */
export interface Calls {
  catalogue: { request: Record<string, never>; reply: Catalogue };
  simulate: { request: SimulateRequest; reply: DesignView };
  /** `tympan simulate --csv` of the same request (Download CSV). */
  simulationCsv: { request: SimulateRequest; reply: string };
  /** Whether a file is small enough to read (the library's limit for user files). */
  fileSize: { request: { fileName: string; bytes: number; what: string }; reply: true };
  parseDesign: { request: FileText; reply: Design };
  /** A reference design's response at its shown probe, for the graph tool. */
  referenceCurve: { request: { name: string; points: number }; reply: CurveData };
  parseMeasurement: { request: FileText; reply: CurveData };
  /** A target file (an AutoEq result is read by its "target" column). */
  parseTarget: { request: FileText; reply: CurveData };
  phoneBook: { request: FileText; reply: PhoneBookView };
  graph: { request: { curves: GraphCurveInput[]; options: GraphOptions }; reply: GraphView };
  fitEq: { request: FitEqRequest; reply: EqView };
  previewEq: { request: EqPreviewRequest; reply: EqView };
  source: { request: SourceRequest; reply: SourceView };
  chartSvg: { request: ChartSvgRequest; reply: string };
  /** THD and H2/H3 against frequency at a level at the drum (on its own worker). */
  distortion: { request: DistortionRequest; reply: DistortionView };
  averageChannels: {
    request: { left: CurveData; right: CurveData; name: string };
    reply: ChannelAverage;
  };
}

export type CallKind = keyof Calls;

/** The outcome of a call: its value, or the library's issues (with the file they are about). */
export type Reply<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly issues: Issue[];
      readonly source?: string;
      /** The issues as the library words them for people (formatIssues), file name first. */
      readonly message: string;
    };

export interface RequestEnvelope<K extends CallKind = CallKind> {
  readonly id: number;
  readonly kind: K;
  readonly request: Calls[K]["request"];
}

export interface ReplyEnvelope<K extends CallKind = CallKind> {
  readonly id: number;
  readonly reply: Reply<Calls[K]["reply"]>;
  /** Milliseconds the worker spent on the call, for the performance panel and bench. */
  readonly workerMs: number;
}
