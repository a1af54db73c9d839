import { describe, expect, it } from "vitest";
import { DEFAULT_TARGET } from "../worker/targets.js";
import type { CurveData } from "../worker/protocol.js";
import { resolveTarget, uploadedTargetId } from "./uploadedTargets.js";

const curve: CurveData = {
  name: "My target",
  kind: "response",
  frequencyHz: [20, 1000, 20_000],
  values: [5, 0, -5],
};

describe("resolveTarget (the target the worker is asked for)", () => {
  it("adds an uploaded target's curve; a built-in target goes as it is", () => {
    const id = uploadedTargetId(curve);
    expect(id).toBe("file:My target");
    const spec = { ...DEFAULT_TARGET, base: id, bassDb: 2 };
    const uploaded = [{ id, fileName: "my.csv", curve }];
    expect(resolveTarget(spec, uploaded)).toEqual({ ...spec, curve });
    expect(resolveTarget(DEFAULT_TARGET, uploaded)).toBe(DEFAULT_TARGET);
  });

  it("falls back to the default target when the link's file is not loaded here", () => {
    const spec = { ...DEFAULT_TARGET, base: "file:elsewhere", trebleDb: 1 };
    expect(resolveTarget(spec, [])).toEqual({ ...spec, base: DEFAULT_TARGET.base });
  });
});
