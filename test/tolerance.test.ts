/** `tympan tolerance`, run in-process: bands, yield, pair matching, ranking, determinism, bad flags. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../src/index.js";
import { tympan } from "./support/cli.js";

const scratch = () => mkdtempSync(join(tmpdir(), "tympan-tolerance-"));
const QUICK = ["--runs", "40", "--points", "60"];

describe("tympan tolerance", () => {
  it("prints the tolerances with their sources, bands, yield, pair matching and ranking", async () => {
    const { code, out, err } = await tympan("tolerance", "single-ba", ...QUICK, "--spec", "3");
    expect(code).toBe(0);
    expect(out).toMatch(/damper\.ratingCgsOhm\s+±20 %\s+publication: Knowles BF-series/);
    expect(out).toMatch(/ba\.sensitivity\s+±3 dB\s+illustrative:/);
    expect(out).toMatch(/Level at drum, dB \(40 units, seed 1\):/);
    expect(out).toMatch(
      /Yield: [\d.]+ % of units \(\d+\/40\) within ±3 dB of the nominal at drum, 20–10000 Hz\./,
    );
    expect(out).toMatch(
      /Pair matching \(±1 dB, 20–10000 Hz at drum\): [\d.]+ % of random left\/right pairs; [\d.]+ % when units are binned/,
    );
    expect(out).toMatch(/What drives the spread .*: ba\.sensitivity [\d.]+ %/);
    expect(err).toMatch(/tolerance: 40 units in [\d.]+ s/);
  });

  it("--json has the issue's shape and the same bytes for the same seed", async () => {
    const a = await tympan(
      "tolerance",
      "single-ba",
      ...QUICK,
      "--seed",
      "4",
      "--spec",
      "2",
      "--json",
    );
    const b = await tympan(
      "tolerance",
      "single-ba",
      ...QUICK,
      "--seed",
      "4",
      "--spec",
      "2",
      "--json",
    );
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const json = JSON.parse(a.out);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(["frequencyHz", "probes", "yield", "pairMatching", "ranking"]),
    );
    expect(Object.keys(json.probes.drum)).toEqual(expect.arrayContaining(["p5", "p50", "p95"]));
    expect(json.frequencyHz).toHaveLength(60);
    const other = await tympan("tolerance", "single-ba", ...QUICK, "--seed", "5", "--json");
    expect(other.out).not.toBe(a.out);
  });

  it("*=0 collapses the bands onto simulate; a later flag overrides an earlier one", async () => {
    const folder = scratch();
    const design = join(folder, "d.json");
    const data = {
      tympan: 1,
      elements: [
        { id: "src", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
        { id: "R1", type: "resistor", nodes: ["in", "out"], resistance: 1000 },
        { id: "R2", type: "resistor", nodes: ["out", "0"], resistance: 1000 },
      ],
      probes: [{ id: "out", node: "out" }],
    };
    writeFileSync(design, JSON.stringify(data));
    const zero = JSON.parse(
      (
        await tympan(
          "tolerance",
          design,
          "--runs",
          "5",
          "--points",
          "3",
          "--tolerance",
          "*=0",
          "--json",
        )
      ).out,
    );
    const direct = simulate(data, { frequencies: zero.frequencyHz });
    expect(zero.probes.out.p5).toEqual(zero.probes.out.p95);
    zero.probes.out.p50.forEach((value: number, f: number) =>
      expect(value).toBeCloseTo(direct.probes.out!.db[f]!, 9),
    );
    const one = JSON.parse(
      (
        await tympan(
          "tolerance",
          design,
          "--runs",
          "5",
          "--points",
          "3",
          "--tolerance",
          "*=0",
          "--tolerance",
          "R2.resistance=3",
          "--tolerance",
          "R2.resistance=1",
          "--json",
        )
      ).out,
    );
    expect(one.tolerances).toEqual([
      expect.objectContaining({ elementId: "R2", amount: 1, source: "given" }),
    ]);
  });

  it("--plot draws the bands and will not overwrite without --force", async () => {
    const svg = join(scratch(), "bands.svg");
    expect((await tympan("tolerance", "single-ba", ...QUICK, "--plot", svg)).code).toBe(0);
    expect(readFileSync(svg, "utf8")).toContain("95th percentile");
    const again = await tympan("tolerance", "single-ba", ...QUICK, "--plot", svg);
    expect(again.code).toBe(2);
    expect(again.err).toContain("--force");
  });

  it("exits 2 naming the flag for bad input", async () => {
    const cases: [string[], RegExp][] = [
      [["--runs", "0"], /--runs 0: give a whole number from 1 to 100000/],
      [["--seed", "-1"], /--seed -1: give a whole number/],
      [["--tolerance", "nope.resistance=5"], /--tolerance: nope: the design has no element "nope"/],
      [["--tolerance", "damper.ratingCgsOhm"], /--tolerance: damper.ratingCgsOhm: write/],
      [["--tolerance", "damper.ratingCgsOhm=abc"], /--tolerance: .*a number ≥ 0/],
      [
        ["--tolerance", "damper.sensitivity=2dB"],
        /damper \(damper\) has no numeric parameter "sensitivity"/,
      ],
      [["--spec", "0"], /--spec 0: give a number > 0/],
      [["--band", "5000:100", "--spec", "1"], /--band 5000:100: give from < to/],
      [["--points", "0"], /--points/],
    ];
    for (const [flags, message] of cases) {
      const { code, err, out } = await tympan("tolerance", "single-ba", ...flags);
      expect(code, flags.join(" ")).toBe(2);
      expect(err).toMatch(message);
      expect(out).toBe("");
    }
  });
});
