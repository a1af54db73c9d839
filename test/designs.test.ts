import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REFERENCE_DESIGNS } from "../src/catalogue/referenceDesigns.js";
import { tympan } from "./support/cli.js";

const scratch = () => mkdtempSync(join(tmpdir(), "tympan-designs-"));

describe("built-in reference designs on the command line", () => {
  it("tympan designs lists every design with one line each", async () => {
    const { code, out } = await tympan("designs");
    expect(code).toBe(0);
    for (const { name } of REFERENCE_DESIGNS) expect(out).toContain(name);
    expect(out).toContain(REFERENCE_DESIGNS[0]!.summary);
    expect(out.trim().split("\n").length).toBeGreaterThanOrEqual(REFERENCE_DESIGNS.length);
  });

  it("tympan simulate takes a built-in name, and lists the names for an unknown one", async () => {
    const { code, out } = await tympan(
      "simulate",
      "tribrid-1dd-4ba-2est",
      "--at",
      "100,1000",
      "--csv",
    );
    expect(code).toBe(0);
    expect(out).toContain("drum/est1");
    expect(out).toContain("drum/dd");
    const unknown = await tympan("simulate", "single-dynamic");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("no built-in design of that name");
    expect(unknown.err).toContain("single-dd");
    const compared = await tympan("compare", "singel-dd");
    expect(compared.code).toBe(2);
    expect(compared.err).toContain("no built-in design of that name");
  });

  it("tympan score and compare take built-in names; compare can draw each driver's share", async () => {
    const score = await tympan("score", "planar", "--json");
    expect(score.code).toBe(0);
    expect(JSON.parse(score.out).ppr).toBeGreaterThan(50);
    const folder = scratch();
    const plot = join(folder, "compare.svg");
    const compared = await tympan(
      "compare",
      "single-dd",
      "hybrid-1dd-2ba",
      "--drivers",
      "--plot",
      plot,
    );
    expect(compared.code).toBe(0);
    const svg = readFileSync(plot, "utf8");
    expect(svg).toContain("hybrid-1dd-2ba (drum/tweeter)");
  });

  it("tympan report with no designs compares every reference design and prints the claims", async () => {
    const folder = join(scratch(), "report");
    const { code } = await tympan("report", "--out", folder);
    expect(code).toBe(0);
    const summary = readFileSync(join(folder, "summary.md"), "utf8");
    expect(summary).toContain("The buyer's guides' claims, computed");
    // The configuration and source claims all hold; the distortion section's answer may be "no"
    // (a single DD does not distort more than the all-BA quad at 114 dB: issue 18).
    const [claims, distortion] = summary.split("## Distortion, computed");
    expect(claims).not.toContain("| **no** |");
    expect(distortion).toContain("| 94 dB | single-dd |");
    for (const stem of ["compare-response", "compare-impedance", "compare-seal", "quad-ba"])
      expect(existsSync(join(folder, `${stem}.png`))).toBe(true);
  }, 60_000);
});
