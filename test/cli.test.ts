/** The `tympan` command line, run in-process: outputs, files written, and exit codes for bad input. */
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tympan } from "./support/cli.js";
import { simulate } from "../src/index.js";

const CASE_D = "examples/case-d.json";
const scratch = () => mkdtempSync(join(tmpdir(), "tympan-cli-"));

describe("tympan simulate", () => {
  it("--json prints exactly what simulate() returns for the same frequencies", async () => {
    const { code, out } = await tympan(
      "simulate",
      CASE_D,
      "--from",
      "20",
      "--to",
      "20000",
      "--points",
      "50",
      "--json",
    );
    expect(code).toBe(0);
    const printed = JSON.parse(out);
    const design = JSON.parse(readFileSync(CASE_D, "utf8"));
    const direct = simulate(design, { frequencies: printed.frequencyHz });
    expect(printed).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(printed.frequencyHz).toHaveLength(50);
    expect(Object.keys(printed.probes.drum)).toEqual(
      expect.arrayContaining(["re", "im", "db", "phaseDeg"]),
    );
    expect(Object.keys(printed.inputImpedance)).toEqual(["magnitudeOhm", "phaseDeg"]);
  });

  it("defaults to 1000 log-spaced points from 20 Hz to 20 kHz", async () => {
    const { out } = await tympan("simulate", CASE_D, "--json");
    const { frequencyHz } = JSON.parse(out);
    expect(frequencyHz).toHaveLength(1000);
    expect(frequencyHz[0]).toBe(20);
    expect(frequencyHz[999]).toBe(20000);
    expect(frequencyHz[500] / frequencyHz[499]).toBeCloseTo(frequencyHz[1] / frequencyHz[0], 12);
  });

  it("--at gives exactly those frequencies; the table has a row each", async () => {
    const { code, out } = await tympan("simulate", CASE_D, "--at", "100,1000,2000");
    expect(code).toBe(0);
    const rows = out
      .trim()
      .split("\n")
      .filter((line) => /^\s*\d/.test(line));
    expect(rows).toHaveLength(3);
    expect(out).toContain("drum dB SPL");
    expect(out).toContain("117.74");
  });

  it("--csv prints a header and one row per frequency", async () => {
    const { out } = await tympan("simulate", CASE_D, "--at", "1000,2000", "--csv");
    const lines = out.trim().split("\n");
    expect(lines[0]).toMatch(/^frequency_hz,drum_db,drum_phase_deg,/);
    expect(lines).toHaveLength(3);
    expect(Number(lines[1]!.split(",")[1])).toBeCloseTo(117.74, 2);
  });

  it("--plot writes an SVG and a PNG, and will not overwrite without --force", async () => {
    const folder = scratch();
    const svg = join(folder, "d.svg");
    const png = join(folder, "d.png");
    expect((await tympan("simulate", CASE_D, "--points", "100", "--plot", svg)).code).toBe(0);
    expect(readFileSync(svg, "utf8")).toMatch(/^<svg[\s\S]*Frequency[\s\S]*<\/svg>\s*$/);
    expect((await tympan("simulate", CASE_D, "--points", "100", "--plot", png)).code).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
    const again = await tympan("simulate", CASE_D, "--points", "100", "--plot", svg);
    expect(again.code).toBe(2);
    expect(again.err).toContain("--force");
    expect(
      (await tympan("simulate", CASE_D, "--points", "100", "--plot", svg, "--force")).code,
    ).toBe(0);
  });

  it("reads YAML designs", async () => {
    const folder = scratch();
    const file = join(folder, "rc.yaml");
    writeFileSync(
      file,
      [
        "tympan: 1",
        "elements:",
        "  - { id: v, type: voltageSource, nodes: [in, '0'], voltage: 1 }",
        "  - { id: r, type: resistor, nodes: [in, out], resistance: 1000 }",
        "  - { id: c, type: capacitor, nodes: [out, '0'], capacitance: 1.0e-7 }",
        "probes: [{ id: out, node: out }]",
      ].join("\n"),
    );
    const { code, out } = await tympan("simulate", file, "--at", "1591.5494309189535", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out).probes.out.db[0]).toBeCloseTo(-3.0103, 4);
  });
});

describe("tympan on bad input: a message naming file, element and path, and exit code 2", () => {
  const badDesign = (elements: unknown[], probes: unknown[] = []) => {
    const folder = scratch();
    const file = join(folder, "bad.json");
    writeFileSync(file, JSON.stringify({ tympan: 1, elements, probes }, null, 2));
    return file;
  };

  it("a misspelt parameter is an error with a suggestion", async () => {
    const file = badDesign([
      { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      { id: "R1", type: "resistor", nodes: ["in", "0"], resistence: 10 },
    ]);
    const { code, err, out } = await tympan("simulate", file);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(file);
    expect(err).toContain("elements[1].resistence");
    expect(err).toContain('"R1"');
    expect(err).toContain('did you mean "resistance"');
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("an unknown element type is an error with a suggestion", async () => {
    const file = badDesign([{ id: "x", type: "dampr", nodes: ["a", "0"], ratingCgsOhm: 1500 }]);
    const { code, err } = await tympan("simulate", file);
    expect(code).toBe(2);
    expect(err).toContain("elements[0].type");
    expect(err).toContain('Did you mean "damper"');
  });

  it("a floating sub-network is named before solving", async () => {
    const file = badDesign([
      { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      { id: "load", type: "resistor", nodes: ["in", "0"], resistance: 10 },
      { id: "island", type: "capacitor", nodes: ["x", "y"], capacitance: 1e-6 },
    ]);
    const { code, err } = await tympan("simulate", file);
    expect(code).toBe(2);
    expect(err).toContain("elements[2]");
    expect(err).toContain("island");
    expect(err).toContain('no path to ground "0"');
  });

  it("an element joining domains is named", async () => {
    const file = badDesign([
      { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      { id: "ear", type: "ear711", nodes: ["in", "drum"] },
    ]);
    const { code, err } = await tympan("simulate", file);
    expect(code).toBe(2);
    expect(err).toMatch(/different domains: electrical \(v\) and acoustic \(ear\)/);
  });

  it("a loop of ideal sources is named", async () => {
    const file = badDesign([
      { id: "v1", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      { id: "v2", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
    ]);
    const { code, err } = await tympan("simulate", file);
    expect(code).toBe(2);
    expect(err).toMatch(/ideal sources v1, v2 .*form a loop/);
  });

  it("JSON syntax errors give line and column; a missing file is named", async () => {
    const folder = scratch();
    const file = join(folder, "broken.json");
    writeFileSync(file, '{\n  "tympan": 1,\n  "elements": [ }\n');
    const broken = await tympan("simulate", file);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/line 3, column \d+/);
    const missing = await tympan("simulate", join(folder, "nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no such file");
  });

  it("bad frequency arguments are usage errors", async () => {
    for (const argv of [
      ["--at", "100,abc"],
      ["--at", "-5"],
      ["--at", "0.001"],
      ["--at", "1e12"],
      ["--from", "100", "--to", "50"],
      ["--points", "1"],
      ["--at", "100", "--points", "10"],
      ["--json", "--csv"],
    ]) {
      const { code, err } = await tympan("simulate", CASE_D, ...argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(err).toMatch(/^tympan: /);
    }
  });

  it("unknown commands and options exit with 2", async () => {
    expect((await tympan("simulat", CASE_D)).code).toBe(2);
    expect((await tympan("simulate", CASE_D, "--jsn")).code).toBe(2);
  });
});

describe("tympan report", () => {
  it("writes a plot per design and a summary, and refuses a folder it did not write", async () => {
    const folder = join(scratch(), "report");
    const { code, out } = await tympan("report", "examples", "--out", folder);
    expect(code).toBe(0);
    expect(out).toContain("wrote");
    const summary = readFileSync(join(folder, "summary.md"), "utf8");
    expect(summary).toContain("Case D");
    for (const stem of ["case-a", "case-b", "case-c", "case-d"]) {
      expect(existsSync(join(folder, `${stem}.svg`))).toBe(true);
      expect(existsSync(join(folder, `${stem}.png`))).toBe(true);
    }
    // Running again replaces its own report.
    expect((await tympan("report", "examples", "--out", folder)).code).toBe(0);
    const foreign = join(scratch(), "mine");
    mkdirSync(foreign);
    writeFileSync(join(foreign, "notes.txt"), "keep me");
    const refused = await tympan("report", "examples", "--out", foreign);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(foreign, "notes.txt"), "utf8")).toBe("keep me");
  });
});

describe("tympan --version and --help", () => {
  it("print and exit 0", async () => {
    const version = await tympan("--version");
    expect(version.code).toBe(0);
    expect(version.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await tympan("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("simulate");
  });
});

describe("the installed command", () => {
  it("`tympan` runs as an executable (what npx calls), not only through node", async () => {
    const { execFileSync } = await import("node:child_process");
    const output = execFileSync(
      new URL("../dist/cli/main.js", import.meta.url).pathname,
      ["--version"],
      {
        encoding: "utf8",
      },
    );
    expect(output.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
