import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { handle } from "./handle.js";
import type { Reply, TargetSpec } from "./protocol.js";
import { DEFAULT_TARGET } from "./targets.js";

function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(reply.message);
  return reply.value;
}

const fixture = (path: string) =>
  readFileSync(new URL(`../../../test/fixtures/${path}`, import.meta.url), "utf8");

describe("uploaded targets (parseTarget, and a target curve in requests)", () => {
  it("parseTarget reads an AutoEq result by its target column, not its raw one", () => {
    const curve = value(
      handle("parseTarget", {
        fileName: "autoeq-result.csv",
        text: fixture("measurements/autoeq-result.csv"),
      }),
    );
    // The file's first row: raw 6.65 dB, target 4.95 dB at 20 Hz.
    expect(curve.frequencyHz[0]).toBe(20);
    expect(curve.values[0]).toBeCloseTo(4.95, 12);
    expect(curve.kind).toBe("response");
  });

  it("a graph rated against an uploaded target uses that curve: a curve rated against itself scores highest", () => {
    const tilted = value(
      handle("parseMeasurement", {
        fileName: "tilted.csv",
        text: fixture("rank/folder/tilted.csv"),
      }),
    );
    const flat = value(
      handle("parseMeasurement", {
        fileName: "flat-ish.csv",
        text: fixture("rank/folder/flat-ish.csv"),
      }),
    );
    const uploaded: TargetSpec = { ...DEFAULT_TARGET, base: "file:tilted", curve: tilted };
    const graph = (target: TargetSpec) =>
      value(
        handle("graph", {
          curves: [
            { id: "t", curve: tilted },
            { id: "f", curve: flat },
          ],
          options: { target, normalize: "500", smoothingOctaveFraction: 0, baseline: "target" },
        }),
      );
    const mine = graph(uploaded);
    const harman = graph(DEFAULT_TARGET);
    expect(mine.target.name).toBe("tilted");
    // Against itself, the tilted curve deviates nowhere and outrates the other curve.
    expect(Math.max(...mine.curves[0]!.db.map((db) => Math.abs(db ?? 0)))).toBeLessThan(1e-9);
    expect(mine.curves[0]!.rating!).toBeGreaterThan(mine.curves[1]!.rating!);
    expect(mine.curves[0]!.rating).not.toBeCloseTo(harman.curves[0]!.rating!, 3);
  });

  it("an uploaded target without its curve (a link from elsewhere) is a clear message", () => {
    const reply = handle("graph", {
      curves: [],
      options: {
        target: { ...DEFAULT_TARGET, base: "file:mine" },
        normalize: "500",
        smoothingOctaveFraction: 0,
        baseline: "",
      },
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.message).toMatch(/"mine" is a file that is not loaded here/);
  });
});
