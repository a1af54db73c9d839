import { describe, expect, it } from "vitest";
import type { SimulationResult } from "../simulate/result.js";
import {
  REPORT_TABLE_FREQUENCIES_HZ,
  designReportChart,
  reportFrequencies,
  reportStems,
  reportSummaryMarkdown,
} from "./designReport.js";

const probe = (db: number[]) => ({
  domain: "acoustic" as const,
  re: db.map(() => 0),
  im: db.map(() => 0),
  db,
  phaseDeg: db.map(() => 0),
});

describe("reportFrequencies()", () => {
  it("holds the table's landmarks exactly, sorted, within 20 Hz–20 kHz", () => {
    const grid = reportFrequencies();
    for (const f of REPORT_TABLE_FREQUENCIES_HZ) expect(grid).toContain(f);
    expect(grid[0]).toBe(20);
    expect(grid.at(-1)).toBeCloseTo(20_000, 6);
    expect(grid.every((f, i) => i === 0 || f > grid[i - 1]!)).toBe(true);
  });
});

describe("reportStems(files)", () => {
  it("uses base names, and the path where two designs share one", () => {
    expect(reportStems(["single-dd", "a/x.json", "b/y.yaml"])).toEqual(["single-dd", "x", "y"]);
    expect(reportStems(["./a/x.json", "a/x.yaml", "b/x.json"])).toEqual([
      "a-x-json",
      "a-x-yaml",
      "b-x-json",
    ]);
  });
});

describe("reportSummaryMarkdown(entries)", () => {
  // A level of 80 + 10·log10(f / 20) dB: exact at the table's frequencies, peak at the top.
  const frequencyHz = [20, 100, 1000, 2000, 5000, 10000, 20000];
  const result: SimulationResult = {
    frequencyHz,
    probes: { drum: probe(frequencyHz.map((f) => 80 + 10 * Math.log10(f / 20))) },
    inputImpedance: {
      magnitudeOhm: [32, 30, 16, 20, 24, 28, 30],
      phaseDeg: frequencyHz.map(() => 0),
    },
  };
  const entry = { file: "d.json", stem: "d", title: "Design", description: "A test.", result };

  it("tabulates each probe at the landmarks, its peak, and the impedance minimum", () => {
    const text = reportSummaryMarkdown([entry]);
    expect(text).toContain("| probe | 20 Hz | 100 Hz | 1 kHz | 2 kHz | 5 kHz | 10 kHz | peak |");
    const levels = REPORT_TABLE_FREQUENCIES_HZ.map((f) =>
      (80 + 10 * Math.log10(f / 20)).toFixed(2),
    );
    expect(text).toContain(`| drum (dB SPL) | ${levels.join(" | ")} | 110.00 at 20 kHz |`);
    expect(text).toContain(
      "| impedance (Ω) | 32.00 | 30.00 | 16.00 | 20.00 | 24.00 | 28.00 | min 16.00 at 1 kHz |",
    );
    expect(text).toContain("![Design](d.svg)");
  });

  it("draws each design titled by its name, its description as the subtitle", () => {
    expect(designReportChart(entry).subtitle).toBe("A test.");
    expect(designReportChart({ ...entry, description: "" }).subtitle).toBe("d.json");
    expect(designReportChart({ ...entry, description: "", file: "Design" }).subtitle).toBe("");
  });
});
