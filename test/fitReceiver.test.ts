/** `tympan fit-receiver`, run in-process: what it prints, the design it writes, and bad input. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tympan } from "./support/cli.js";

const FR = "test/fixtures/receivers/ED-30262-000_fr.txt";
const Z = "test/fixtures/receivers/ED-30262-000_z.txt";
const scratch = () => mkdtempSync(join(tmpdir(), "tympan-fit-receiver-"));

describe("tympan fit-receiver", () => {
  it("prints parameters with intervals, residuals and the second-load band; --out writes a design simulate runs", async () => {
    const out = join(scratch(), "ed.json");
    const run = await tympan(
      "fit-receiver",
      FR,
      Z,
      "--drive",
      "0.101",
      "--starts",
      "2",
      "--out",
      out,
    );
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^coilResistance +\d/m);
    expect(run.out).toMatch(/diaphragmArea .*\(held\)/);
    expect(run.out).toMatch(/response \d\.\d\d dB RMS, 100 Hz–10 kHz/);
    expect(run.out).toMatch(/\|Z\| \d+\.\d % RMS, 20 Hz–10 kHz/);
    expect(run.out).toMatch(/5–95 % band up to \d+\.\d dB wide/);
    expect(run.out).toMatch(/^ +1000 +\d+\.\d +\d+\.\d +\d+\.\d$/m);
    expect(run.err).toMatch(/fit-receiver: 2 starts, \d+ evaluations/);
    const design = JSON.parse(readFileSync(out, "utf8"));
    expect(design.elements.map((element: { type: string }) => element.type)).toEqual([
      "voltageSource",
      "balancedArmature",
      "tube",
      "ear711",
    ]);
    expect(design.elements[0].voltage).toBe(0.101);
    const simulated = await tympan("simulate", out, "--at", "1000");
    expect(simulated.code).toBe(0);
    expect(simulated.out).toMatch(/drum/);
  }, 120_000);

  it("never replaces an existing --out file unless --force", async () => {
    const out = join(scratch(), "mine.json");
    writeFileSync(out, "keep me");
    const run = await tympan(
      "fit-receiver",
      FR,
      Z,
      "--drive",
      "0.101",
      "--starts",
      "1",
      "--out",
      out,
    );
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/already exists; pass --force/);
    expect(readFileSync(out, "utf8")).toBe("keep me");
  });

  it("rejects a bad drive, load, motor count or --response with exit code 2 and the flag named", async () => {
    const cases: [string[], RegExp][] = [
      [["--drive", "-1"], /--drive -1: give a number > 0/],
      [["--load", "fixture+bogus"], /--load: .*"bogus" is not a load the chain can end in/],
      [["--motors", "3"], /--motors 3: give 1 or 2/],
      [["--response", "nofile"], /--response nofile: write <file>@<load>/],
    ];
    for (const [flags, message] of cases) {
      const run = await tympan("fit-receiver", FR, Z, ...flags);
      expect(run.code, flags.join(" ")).toBe(2);
      expect(run.err).toMatch(message);
    }
  });

  it("warns when no drive is stated, and names a missing file", async () => {
    const plot = join(scratch(), "fit.svg");
    const run = await tympan("fit-receiver", FR, Z, "--starts", "1", "--plot", plot);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/warning: no drive voltage was stated/);
    expect(existsSync(plot)).toBe(true);
    const missing = await tympan("fit-receiver", "nope_fr.txt", Z);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope_fr\.txt/);
  }, 60_000);
});
