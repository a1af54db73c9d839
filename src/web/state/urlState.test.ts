import { describe, expect, it } from "vitest";
import { DEFAULT_STATE, type ShareState, decodeState, encodeState } from "./urlState.js";

const edited: ShareState = {
  ...DEFAULT_STATE,
  tab: "graph",
  design: {
    kind: "reference",
    name: "tribrid-1dd-4ba-2est",
    edits: [
      { elementId: "Rmid", parameter: "resistance", value: 2.2 },
      { elementId: "Cmid", parameter: "capacitance", value: 6.8e-7 },
      { elementId: "odd.id", parameter: "volume", value: 0.1 + 0.2 },
    ],
  },
  target: { ...DEFAULT_STATE.target, bassDb: 4, tiltDbPerOctave: -0.5 },
  fit: "broken-seal",
  outputImpedanceOhm: 10,
  graph: {
    normalize: "midband",
    smoothing: 12,
    baseline: "target",
    measurements: ["AKG N400", "x&y=z"],
    designs: ["single-dd", "hybrid-1dd-2ba"],
    labels: { "AKG N400": "my N400 (L)", "design:current": "a=b&c", "odd.label.id": "#1 <i>" },
  },
  eq: { preset: "qudelix-5k", maxBoostDb: 3, curve: "AKG N400" },
  source: {
    preset: "phone",
    levelDbSpl: 100,
    figures: { outputImpedanceOhm: 2.2, noiseMicrovoltsA: 3 },
  },
  distortion: { open: true, levelDb: 100 },
};

describe("encodeState / decodeState", () => {
  it("round-trips every field, numbers bit for bit (0.1 + 0.2 stays 0.30000000000000004)", () => {
    const { state, problems } = decodeState(`#${encodeState(edited)}`);
    expect(problems).toEqual([]);
    expect(state).toEqual(edited);
  });

  it("leaves defaults out of the link", () => {
    expect(encodeState(DEFAULT_STATE)).toBe("design=tribrid-1dd-4ba-2est");
  });

  it("carries a reference design's edits readably", () => {
    expect(encodeState(edited)).toContain("p.Rmid.resistance=2.2");
  });

  it("carries the distortion view as thd=<dB> while it is open, and refuses a level it cannot show", () => {
    expect(encodeState(edited)).toContain("thd=100");
    const closed = { ...edited, distortion: { open: false, levelDb: 100 } };
    expect(encodeState(closed)).not.toContain("thd");
    const { state, problems } = decodeState("design=single-dd&thd=500");
    expect(state.distortion).toEqual(DEFAULT_STATE.distortion);
    expect(problems).toEqual([
      'the link\'s thd=500: the level must be a number of dB SPL from 40 to 130 (got "500"); the distortion view was left closed',
    ]);
  });

  it("carries any other design whole, including non-ASCII text", () => {
    const design = { tympan: 1, name: "Ø2 nozzle — test", elements: [], probes: [] };
    const state: ShareState = { ...DEFAULT_STATE, design: { kind: "custom", design } };
    expect(decodeState(encodeState(state)).state.design).toEqual({ kind: "custom", design });
  });

  it("reports what it cannot read and keeps the rest", () => {
    const { state, problems } = decodeState(
      "design=single-ba&bass=loud&p.R1.resistance=abc&tab=nowhere",
    );
    expect(state.design).toEqual({ kind: "reference", name: "single-ba", edits: [] });
    expect(state.target.bassDb).toBe(0);
    expect(state.tab).toBe("designer");
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/bass=loud/);
  });

  it("says so when a whole design in the link is damaged", () => {
    const { state, problems } = decodeState("json=%%%");
    expect(state.design).toEqual(DEFAULT_STATE.design);
    expect(problems[0]).toMatch(/damaged/);
  });
});
