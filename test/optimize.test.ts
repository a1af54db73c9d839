/** `tympan optimize`, run in-process: output, files written, determinism and exit codes for bad flags. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { STOCK_DAMPER_RATINGS, referenceDesign } from "../src/index.js";
import { tympan } from "./support/cli.js";

const scratch = () => mkdtempSync(join(tmpdir(), "tympan-optimize-"));
const QUICK = ["--free", "damper.ratingCgsOhm", "--free", "bore1.length", "--evaluations", "80"];

describe("tympan optimize", () => {
  it("prints before/after rating and error and the chosen values; --out writes the tuned design", async () => {
    const folder = scratch();
    const out = join(folder, "tuned.json");
    const { code, out: text, err } = await tympan("optimize", "single-ba", ...QUICK, "--out", out);
    expect(code).toBe(0);
    expect(text).toMatch(/^before\s+rating\s+[\d.]+\s+error [\d.]+ dB rms \(20–10000 Hz\)/m);
    expect(text).toMatch(/^after \(orderable\)\s+rating/m);
    expect(text).toMatch(
      /^damper\.ratingCgsOhm\s+1500\s+\S+\s+\S+\s+cgs acoustic Ω\s+stock damper ratings$/m,
    );
    expect(err).toMatch(/optimize: \d+ evaluations \(global \d+, local \d+, snapping \d+\)/);
    const tuned = JSON.parse(readFileSync(out, "utf8"));
    const damper = tuned.elements.find((element: { id: string }) => element.id === "damper");
    expect(STOCK_DAMPER_RATINGS.valuesCgsOhm).toContain(damper.ratingCgsOhm);
    // Never overwrites unasked.
    const again = await tympan("optimize", "single-ba", ...QUICK, "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toContain("--force");
  });

  it("is deterministic with --seed (same JSON bytes), and --no-snap keeps the continuous optimum", async () => {
    const a = await tympan("optimize", "single-ba", ...QUICK, "--seed", "9", "--json");
    const b = await tympan("optimize", "single-ba", ...QUICK, "--seed", "9", "--json");
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const loose = JSON.parse(
      (await tympan("optimize", "single-ba", ...QUICK, "--no-snap", "--json")).out,
    );
    expect(loose.snapped).toBe(false);
    expect(loose.values[0].after).toBe(loose.values[0].continuous);
  });

  it("--plot draws before and after", async () => {
    const svg = join(scratch(), "tuned.svg");
    const { code } = await tympan("optimize", "single-ba", ...QUICK, "--plot", svg);
    expect(code).toBe(0);
    const text = readFileSync(svg, "utf8");
    expect(text).toContain("before");
    expect(text).toContain("after (orderable parts)");
  });

  it("exits 2 naming the flag for bad input, before any work", async () => {
    const cases: [string[], RegExp][] = [
      [[], /--free: name at least one parameter/],
      [["--free", "nope.resistance"], /--free: nope: the design has no element "nope"/],
      [
        ["--free", "damper.resistance"],
        /a damper has no parameter "resistance" \(it has ratingCgsOhm\)/,
      ],
      [["--free", "damper.ratingCgsOhm=5000:9000"], /does not contain the design's value 1500/],
      [
        ["--free", "damper.ratingCgsOhm", "--objective", "max"],
        /--objective max: choose rating or rms/,
      ],
      [
        ["--free", "damper.ratingCgsOhm", "--band", "20-10000"],
        /--band 20-10000: give the band as from:to/,
      ],
      [["--free", "damper.ratingCgsOhm", "--seed", "x"], /--seed x: give a whole number/],
      [
        ["--free", "damper.ratingCgsOhm", "--min-impedance", "-3"],
        /--min-impedance -3: give a number > 0/,
      ],
      [["--free", "damper.ratingCgsOhm", "--target", "no-such-target.csv"], /no-such-target\.csv/],
    ];
    for (const [flags, message] of cases) {
      const { code, err, out } = await tympan("optimize", "single-ba", ...flags);
      expect(code, flags.join(" ")).toBe(2);
      expect(err).toMatch(message);
      expect(err).not.toMatch(/at .*\.ts:\d+/);
      expect(out).toBe("");
    }
  });

  it("tunes a design file and leaves the file alone", async () => {
    const folder = scratch();
    const design = join(folder, "d.json");
    writeFileSync(design, JSON.stringify(referenceDesign("single-ba")!.design));
    const before = readFileSync(design, "utf8");
    const result = await tympan("optimize", design, ...QUICK);
    expect(result.code).toBe(0);
    expect(readFileSync(design, "utf8")).toBe(before);
    expect(existsSync(join(folder, "tuned.json"))).toBe(false);
  });
});
