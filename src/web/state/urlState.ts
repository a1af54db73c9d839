// The share link: the whole state the page shows (design and edits, target and its controls, fit,
// EQ, view) as the URL's fragment. A reference design travels as its name plus the parameters that
// differ, readable in the link ("p.Rmid.resistance=2.2"); any other design travels whole, as
// base64url JSON. Measurements the user loaded stay local: the link carries only their names.
import type { ParameterEdit } from "./designEdits.js";
import type { SourceFigureValues, TargetSpec } from "../worker/protocol.js";
import { parseLevel } from "../view/distortionChartData.js";

export const TABS = ["designer", "graph", "eq", "source"] as const;
export type Tab = (typeof TABS)[number];

export type DesignChoice =
  | { readonly kind: "reference"; readonly name: string; readonly edits: readonly ParameterEdit[] }
  | { readonly kind: "custom"; readonly design: unknown };

export interface ShareState {
  readonly tab: Tab;
  readonly design: DesignChoice;
  readonly target: TargetSpec;
  /** Fit scenario id, "" for the design as drawn. */
  readonly fit: string;
  readonly outputImpedanceOhm?: number;
  readonly graph: {
    readonly normalize: string;
    readonly smoothing: number;
    readonly baseline: string;
    /** Names of the measurements on screen: the link cannot carry the files themselves. */
    readonly measurements: readonly string[];
    /** Reference designs drawn beside the measurements, by name ("gd=<name>" in the link). */
    readonly designs: readonly string[];
    /** Labels the user gave curves in the legend, by curve id ("label.<id>=<text>" in the link). */
    readonly labels: Readonly<Record<string, string>>;
  };
  readonly eq: { readonly preset: string; readonly maxBoostDb?: number; readonly curve: string };
  readonly source: {
    readonly preset: string;
    readonly levelDbSpl: number;
    readonly figures?: SourceFigureValues;
  };
  /** The designer's distortion view: open or not, and its level at the drum at 1 kHz. */
  readonly distortion: { readonly open: boolean; readonly levelDb: number };
}

export const DEFAULT_STATE: ShareState = {
  tab: "designer",
  design: { kind: "reference", name: "tribrid-1dd-4ba-2est", edits: [] },
  target: {
    base: "harman-in-ear-2019v2",
    bassDb: 0,
    earGainDb: 0,
    trebleDb: 0,
    tiltDbPerOctave: 0,
  },
  fit: "",
  graph: {
    normalize: "500",
    smoothing: 0,
    baseline: "",
    measurements: [],
    designs: [],
    labels: {},
  },
  // "design": the EQ is fitted to the designer's response; otherwise a measurement's name.
  eq: { preset: "parametric", curve: "design" },
  // Source preset names and the 110 dB SPL peak are `tympan source`'s (DEFAULT_PEAK_LEVEL_DB_SPL).
  source: { preset: "usb-dongle", levelDbSpl: 110 },
  // 94 dB SPL at the drum at 1 kHz: the level reviewers quote THD at.
  distortion: { open: false, levelDb: 94 },
};

const FIGURE_KEYS = {
  zsource: "outputImpedanceOhm",
  noise: "noiseMicrovoltsA",
  vmax: "maxVoltageVrms",
} as const;

const TONE_KEYS = {
  bass: "bassDb",
  earGain: "earGainDb",
  treble: "trebleDb",
  tilt: "tiltDbPerOctave",
} as const;

/** The fragment for a state, without "#"; defaults are left out so links stay short. */
export function encodeState(state: ShareState): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number, fallback: string | number) => {
    if (value !== fallback) params.append(key, String(value));
  };
  put("tab", state.tab, DEFAULT_STATE.tab);
  if (state.design.kind === "reference") {
    params.append("design", state.design.name);
    for (const edit of state.design.edits) {
      // String(number) is the shortest text that reads back as the same double: exact round trip.
      params.append(`p.${edit.elementId}.${edit.parameter}`, String(edit.value));
    }
  } else {
    params.append("json", toBase64Url(JSON.stringify(state.design.design)));
  }
  put("target", state.target.base, DEFAULT_STATE.target.base);
  for (const [key, field] of Object.entries(TONE_KEYS)) put(key, state.target[field], 0);
  put("fit", state.fit, "");
  if (state.outputImpedanceOhm !== undefined)
    params.append("zout", String(state.outputImpedanceOhm));
  put("norm", state.graph.normalize, DEFAULT_STATE.graph.normalize);
  put("smooth", state.graph.smoothing, 0);
  put("baseline", state.graph.baseline, "");
  for (const name of state.graph.measurements) params.append("m", name);
  for (const name of state.graph.designs) params.append("gd", name);
  for (const [id, label] of Object.entries(state.graph.labels)) {
    params.append(`${LABEL_PREFIX}${id}`, label);
  }
  put("eq", state.eq.preset, DEFAULT_STATE.eq.preset);
  if (state.eq.maxBoostDb !== undefined) params.append("boost", String(state.eq.maxBoostDb));
  put("eqcurve", state.eq.curve, DEFAULT_STATE.eq.curve);
  put("source", state.source.preset, DEFAULT_STATE.source.preset);
  put("level", state.source.levelDbSpl, DEFAULT_STATE.source.levelDbSpl);
  for (const [key, field] of Object.entries(FIGURE_KEYS)) {
    const value = state.source.figures?.[field];
    if (value !== undefined) params.append(key, String(value));
  }
  // "thd=<dB>": the distortion view open at that level.
  if (state.distortion.open) params.append("thd", String(state.distortion.levelDb));
  return params.toString();
}

/** The state a fragment describes, with defaults for what it leaves out, and what it could not read. */
export function decodeState(fragment: string): { state: ShareState; problems: string[] } {
  const params = new URLSearchParams(fragment.replace(/^#/, ""));
  const problems: string[] = [];
  const number = (key: string): number | undefined => {
    const text = params.get(key);
    if (text === null) return undefined;
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value)) {
      problems.push(`the link's ${key}=${text} is not a number; it was left out`);
      return undefined;
    }
    return value;
  };
  const tabText = params.get("tab") ?? DEFAULT_STATE.tab;
  const tab = (TABS as readonly string[]).includes(tabText) ? (tabText as Tab) : DEFAULT_STATE.tab;
  const target = {
    ...DEFAULT_STATE.target,
    base: params.get("target") ?? DEFAULT_STATE.target.base,
  };
  for (const [key, field] of Object.entries(TONE_KEYS)) {
    const value = number(key);
    if (value !== undefined) target[field] = value;
  }
  const zout = number("zout");
  const figures: { -readonly [K in keyof SourceFigureValues]: number } = {};
  for (const [key, field] of Object.entries(FIGURE_KEYS)) {
    const value = number(key);
    if (value !== undefined) figures[field] = value;
  }
  const boost = number("boost");
  const distortion = decodeDistortion(params.get("thd"), problems);
  return {
    state: {
      tab,
      design: decodeDesign(params, problems),
      target,
      fit: params.get("fit") ?? "",
      ...(zout !== undefined ? { outputImpedanceOhm: zout } : {}),
      graph: {
        normalize: params.get("norm") ?? DEFAULT_STATE.graph.normalize,
        smoothing: number("smooth") ?? 0,
        baseline: params.get("baseline") ?? "",
        measurements: params.getAll("m"),
        designs: params.getAll("gd"),
        labels: decodeLabels(params),
      },
      eq: {
        preset: params.get("eq") ?? DEFAULT_STATE.eq.preset,
        ...(boost !== undefined ? { maxBoostDb: boost } : {}),
        curve: params.get("eqcurve") ?? DEFAULT_STATE.eq.curve,
      },
      source: {
        preset: params.get("source") ?? DEFAULT_STATE.source.preset,
        levelDbSpl: number("level") ?? DEFAULT_STATE.source.levelDbSpl,
        ...(Object.keys(figures).length > 0 ? { figures } : {}),
      },
      distortion,
    },
    problems,
  };
}

/** "thd=<dB>": the distortion view open at a level the view takes; anything else a problem. */
function decodeDistortion(text: string | null, problems: string[]): ShareState["distortion"] {
  if (text === null) return DEFAULT_STATE.distortion;
  const parsed = parseLevel(text);
  if ("message" in parsed) {
    problems.push(`the link's thd=${text}: ${parsed.message}; the distortion view was left closed`);
    return DEFAULT_STATE.distortion;
  }
  return { open: true, levelDb: parsed.levelDb };
}

/** The key prefix of a curve's label: "label.<curve id>=<label>". */
const LABEL_PREFIX = "label.";

function decodeLabels(params: URLSearchParams): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, text] of params) {
    if (key.startsWith(LABEL_PREFIX) && text.trim() !== "") {
      labels[key.slice(LABEL_PREFIX.length)] = text;
    }
  }
  return labels;
}

function decodeDesign(params: URLSearchParams, problems: string[]): DesignChoice {
  const json = params.get("json");
  if (json !== null) {
    try {
      return { kind: "custom", design: JSON.parse(fromBase64Url(json)) as unknown };
    } catch {
      problems.push("the link's design (json=…) is damaged, so the default design is shown");
      return DEFAULT_STATE.design;
    }
  }
  const edits: ParameterEdit[] = [];
  for (const [key, text] of params) {
    if (!key.startsWith("p.")) continue;
    // Element ids may contain dots; parameter names never do, so split at the last one.
    const dot = key.lastIndexOf(".");
    const value = Number(text);
    if (dot <= 2 || text.trim() === "" || !Number.isFinite(value)) {
      problems.push(`the link's ${key}=${text} is not a parameter and a number; it was left out`);
      continue;
    }
    edits.push({ elementId: key.slice(2, dot), parameter: key.slice(dot + 1), value });
  }
  const name = params.get("design");
  return {
    kind: "reference",
    name: name ?? (DEFAULT_STATE.design as { name: string }).name,
    edits,
  };
}

function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
