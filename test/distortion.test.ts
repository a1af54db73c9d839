/** `tympan distortion`, run in-process: the JSON shape, the drive flags, the plot and bad input. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tympan } from "./support/cli.js";
import { distortion, intermodulation, maxSplAtThd, referenceDesign } from "../src/index.js";

const scratch = () => mkdtempSync(join(tmpdir(), "tympan-distortion-"));

describe("tympan distortion", () => {
  it("--json prints { frequencyHz, probes: { id: { fundamentalDb, harmonicsDb, thdPercent } } } as distortion() gives", async () => {
    const { code, out } = await tympan(
      "distortion",
      "single-dd",
      "--voltage",
      "0.3",
      "--at",
      "50,1000",
      "--harmonics",
      "4",
      "--json",
    );
    expect(code).toBe(0);
    const printed = JSON.parse(out);
    expect(printed.frequencyHz).toEqual([50, 1000]);
    const drum = printed.probes.drum;
    expect(Object.keys(drum).sort()).toEqual(["fundamentalDb", "harmonicsDb", "thdPercent"]);
    expect(Object.keys(drum.harmonicsDb)).toEqual(["2", "3", "4"]);
    expect(drum.harmonicsDb["2"]).toHaveLength(2);
    const direct = distortion(referenceDesign("single-dd")!.design, {
      frequencies: [50, 1000],
      voltageRms: 0.3,
      harmonics: 4,
    });
    expect(printed).toEqual(JSON.parse(JSON.stringify(direct)));
    // A loud bass note distorts more than a quiet treble one, and THD follows from the harmonics.
    expect(drum.thdPercent[0]).toBeGreaterThan(drum.thdPercent[1]);
    const thd = Math.sqrt(
      ["2", "3", "4"].reduce(
        (sum, k) => sum + 10 ** ((drum.harmonicsDb[k][0] - drum.fundamentalDb[0]) / 10),
        0,
      ),
    );
    expect(drum.thdPercent[0]).toBeCloseTo(100 * thd, 9);
  });

  it("--spl sets the drum fundamental at 1 kHz (or --spl-at), and 20 dB more drive raises THD", async () => {
    const run = async (...args: string[]) =>
      JSON.parse(
        (await tympan("distortion", "single-dd", "--at", "100,1000", "--json", ...args)).out,
      );
    const at94 = await run("--spl", "94");
    expect(at94.probes.drum.fundamentalDb[1]).toBeCloseTo(94, 2);
    const at114 = await run("--spl", "114");
    expect(at114.probes.drum.fundamentalDb[1]).toBeCloseTo(114, 2);
    expect(at114.probes.drum.thdPercent[0]).toBeGreaterThan(3 * at94.probes.drum.thdPercent[0]);
    const at100Hz = await run("--spl", "94", "--spl-at", "100");
    expect(at100Hz.probes.drum.fundamentalDb[0]).toBeCloseTo(94, 2);
  });

  it("prints a table per probe, and --weak gives the Volterra path's H2 and H3", async () => {
    const { code, out } = await tympan(
      "distortion",
      "single-dd",
      "--spl",
      "94",
      "--at",
      "100,1000",
    );
    expect(code).toBe(0);
    expect(out).toMatch(/drive [\d.]+ V rms \(harmonic-balance\)/);
    expect(out).toContain("drum H1 dB");
    expect(out).toContain("THD %");
    const weak = JSON.parse(
      (
        await tympan(
          "distortion",
          "single-dd",
          "--voltage",
          "0.01",
          "--at",
          "1000",
          "--weak",
          "--json",
        )
      ).out,
    );
    expect(Object.keys(weak.probes.drum.harmonicsDb)).toEqual(["2", "3"]);
    expect(weak.method).toBe("volterra");
  });

  it("--plot draws levels and THD to an SVG, and will not replace a file without --force", async () => {
    const dir = scratch();
    const path = join(dir, "thd.svg");
    const args = ["distortion", "single-dd", "--spl", "94", "--points", "8", "--plot", path];
    expect((await tympan(...args)).code).toBe(0);
    expect(readFileSync(path, "utf8")).toContain("THD");
    const again = await tympan(...args);
    expect(again.code).toBe(2);
    expect(again.err).toContain("--force");
    expect((await tympan(...args, "--force")).code).toBe(0);
  });

  it("a design without large-signal curves: zero THD and a note on standard error", async () => {
    // single-ba with its receiver's large-signal coefficients taken out.
    const design = structuredClone(referenceDesign("single-ba")!.design) as unknown as {
      elements: Record<string, unknown>[];
    };
    for (const element of design.elements)
      for (const key of Object.keys(element))
        if (/^(transduction|magneticStiffness)\d$/.test(key)) delete element[key];
    const path = join(scratch(), "linear-ba.json");
    writeFileSync(path, JSON.stringify(design));
    const { code, out, err } = await tympan("distortion", path, "--voltage", "0.1", "--at", "1000");
    expect(code).toBe(0);
    expect(out).toMatch(/\s0\n/);
    expect(err).toContain("no driver in the design has large-signal parameters");
  });

  it.each([
    [["single-dd"], "--voltage <V rms> or --spl <dB>"],
    [["single-dd", "--voltage", "1", "--spl", "94"], "--voltage <V rms> or --spl <dB>"],
    [["single-dd", "--voltage", "-1"], "--voltage -1: give a number > 0"],
    [
      ["single-dd", "--voltage", "1", "--harmonics", "1"],
      "--harmonics 1: give a whole number from 2 to 20",
    ],
    [["single-dd", "--spl", "loud"], "--spl loud: give a number"],
    [["single-dd", "--spl", "94", "--probe", "ear"], 'no probe "ear"'],
    [["single-dd", "--voltage", "1", "--at", "0"], "--at"],
    [["nope.json", "--voltage", "1"], "nope.json"],
    [["single-dd", "--max-spl", "--thd", "0"], "--thd 0: give a number > 0"],
    [["single-dd", "--max-spl", "--voltage", "1"], "leave out --voltage and --spl"],
    [["single-dd", "--max-spl", "--imd"], "--max-spl or --imd"],
    [["single-dd", "--imd", "--voltage", "0.1", "--imd-tones", "60"], "--imd-tones 60"],
    [["single-dd", "--imd", "--voltage", "0.1", "--imd-tones", "60,7000"], "whole multiple"],
  ])("bad input %j: exit 2 and says %s", async (args, message) => {
    const { code, err } = await tympan("distortion", ...args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("names a design without a voltage source", async () => {
    const dir = scratch();
    const path = join(dir, "undriven.json");
    const design = referenceDesign("single-dd")!.design;
    writeFileSync(
      path,
      JSON.stringify({
        ...design,
        elements: design.elements.map((e) =>
          e.type === "voltageSource"
            ? { id: e.id, type: "resistor", nodes: e.nodes, resistance: 1 }
            : e,
        ),
      }),
    );
    const { code, err } = await tympan("distortion", path, "--voltage", "1", "--at", "100");
    expect(code).toBe(2);
    expect(err).toContain("undriven.json");
    expect(err).toContain("distortion needs a drive");
    expect(existsSync(path)).toBe(true);
  });

  it("--max-spl --thd 3 --json prints maxSplAtThd's result: where THD reaches 3 % per frequency", async () => {
    const { code, out } = await tympan(
      "distortion",
      "single-dd",
      "--max-spl",
      "--thd",
      "3",
      "--at",
      "50,1000",
      "--json",
    );
    expect(code).toBe(0);
    const printed = JSON.parse(out);
    expect(printed).toEqual(
      maxSplAtThd(referenceDesign("single-dd")!.design, { frequencies: [50, 1000], thdPercent: 3 }),
    );
    expect(printed.limitedBy).toEqual(["thd", "thd"]);
    const table = await tympan("distortion", "single-dd", "--max-spl", "--at", "50");
    expect(table.out).toContain("drum dB at 1 % THD");
  });

  it("--imd prints the two-tone figure and its convention; --json is intermodulation()'s", async () => {
    const { code, out } = await tympan("distortion", "single-dd", "--imd", "--voltage", "0.05");
    expect(code).toBe(0);
    expect(out).toContain("SMPTE RP120-style: 60 Hz + 7020 Hz, 4:1");
    expect(out).toMatch(/IMD %/);
    const json = await tympan(
      "distortion",
      "single-dd",
      "--imd",
      "--voltage",
      "0.05",
      "--imd-tones",
      "50,1000",
      "--json",
    );
    expect(JSON.parse(json.out)).toEqual(
      intermodulation(referenceDesign("single-dd")!.design, {
        voltageRms: 0.05,
        lowHz: 50,
        highHz: 1000,
      }),
    );
  });

  it("--adiabatic-cavities compresses the sealed chambers: planar's bass THD at 114 dB rises from ~0, and --imd with it (the library's option)", async () => {
    const planar = referenceDesign("planar")!.design;
    const run = async (...extra: string[]) => {
      const args = ["distortion", "planar", "--spl", "114", "--at", "100", "--json", ...extra];
      const { code, out } = await tympan(...args);
      expect(code).toBe(0);
      return JSON.parse(out);
    };
    const plain = await run();
    const compressed = await run("--adiabatic-cavities");
    const voltageRms = compressed.voltageRms;
    expect(compressed).toEqual(
      JSON.parse(
        JSON.stringify(
          distortion(planar, { frequencies: [100], voltageRms, adiabaticCavities: true }),
        ),
      ),
    );
    // The planar's film is nearly linear; its 30 mm³ front and 240 mm³ rear chambers are not.
    expect(plain.probes.drum.thdPercent[0]).toBeLessThan(0.001);
    expect(compressed.probes.drum.thdPercent[0]).toBeGreaterThan(0.01);
    const imd = await tympan("distortion", "planar", "--imd", "--voltage", "1.4", "--json");
    const imdCompressed = await tympan(
      "distortion",
      "planar",
      "--imd",
      "--voltage",
      "1.4",
      "--adiabatic-cavities",
      "--json",
    );
    expect(JSON.parse(imdCompressed.out)).toEqual(
      intermodulation(planar, { voltageRms: 1.4, adiabaticCavities: true }),
    );
    expect(JSON.parse(imdCompressed.out).probes.drum.imdPercent).toBeGreaterThan(
      3 * JSON.parse(imd.out).probes.drum.imdPercent,
    );
  });
});
