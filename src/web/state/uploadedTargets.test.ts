import { describe, expect, it } from "vitest";
import { DEFAULT_TARGET } from "../worker/targets.js";
import type { CurveData } from "../worker/protocol.js";
import { target } from "./appState.js";
import {
  addUploadedTarget,
  removeUploadedTarget,
  resolveTarget,
  uploadedTargetId,
  uploadedTargets,
} from "./uploadedTargets.js";

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

describe("removeUploadedTarget", () => {
  it("forgets the target, and chooses the default target when it was the chosen one", () => {
    const id = addUploadedTarget("my.csv", curve);
    const other = addUploadedTarget("other.csv", { ...curve, name: "Other" });
    target.value = { ...DEFAULT_TARGET, base: id, bassDb: 3 };
    removeUploadedTarget(id);
    expect(uploadedTargets.value.map((entry) => entry.id)).toEqual([other]);
    expect(target.value).toEqual({ ...DEFAULT_TARGET, bassDb: 3 });
    // Removing one that is not chosen leaves the choice alone.
    target.value = { ...DEFAULT_TARGET, base: "harman-in-ear-2019v2-without-bass" };
    removeUploadedTarget(other);
    expect(uploadedTargets.value).toEqual([]);
    expect(target.value.base).toBe("harman-in-ear-2019v2-without-bass");
  });
});
