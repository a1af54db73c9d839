import { describe, expect, it } from "vitest";
import type { Curve } from "../core/curve.js";
import { formatCsv, formatRew, formatSquig } from "./formatMeasurement.js";
import { parseMeasurement } from "./parseMeasurement.js";

const response: Curve = {
  kind: "response",
  frequencyHz: [20, 20.2, 1000, 19955.54],
  values: [6.654, -0.004, 0, -26.27],
  name: "IEM",
};
const impedance: Curve = {
  kind: "impedance",
  frequencyHz: [10, 100, 1000, 10000],
  values: [16.12, 16.35, 17.02, 28.4],
  phaseDeg: [1.2, 3.9, 12.4, -7.5],
};

/** Each value rounded to the writer's decimals, as a reader of its text sees it. */
function rounded(values: readonly number[], decimals: number): number[] {
  return values.map((value) => Number(value.toFixed(decimals)) + 0);
}

describe("writers", () => {
  it("formatCsv(response) is AutoEq's frequency,raw with two decimals", () => {
    expect(formatCsv(response)).toBe(
      "frequency,raw\n20.00,6.65\n20.20,0.00\n1000.00,0.00\n19955.54,-26.27\n",
    );
  });

  it("formatCsv(impedance) names the impedance and phase columns", () => {
    expect(formatCsv(impedance).split("\n")[0]).toBe("frequency,impedance,phase");
  });

  it("formatRew writes * comments and REW's column header", () => {
    const lines = formatRew(impedance).split("\n");
    expect(lines[0]).toBe("* Measurement data exported by Tympan");
    expect(lines[1]).toBe("* Freq(Hz) Z(Ohms) Phase(degrees)");
    expect(lines[2]).toBe("10.00 16.120 1.200");
  });

  it("formatSquig writes the AudioTools header and tab-separated rows", () => {
    const lines = formatSquig(response).split("\n");
    expect(lines.slice(0, 3)).toEqual(["", "Frequency\tdB\tUnweighted", "20.00\t6.654"]);
  });

  it("frequencies get more decimals when two would print alike", () => {
    const dense: Curve = { kind: "response", frequencyHz: [20, 20.001, 20.002], values: [1, 2, 3] };
    expect(formatCsv(dense).split("\n")[2]).toBe("20.001,2.00");
  });

  it("frequencies below 0.005 Hz get the decimals they need to stay above 0", () => {
    const low: Curve = { kind: "response", frequencyHz: [0.001, 1], values: [1, 2] };
    const firstRow = formatCsv(low).split("\n")[1]!;
    expect(Number(firstRow.split(",")[0])).toBe(0.001);
  });

  for (const [label, write, decimals] of [
    ["formatCsv", formatCsv, 2],
    ["formatRew", formatRew, 3],
    ["formatSquig", formatSquig, 3],
  ] as const) {
    for (const curve of [response, impedance]) {
      it(`${label}(${curve.kind}) then parseMeasurement gives the same curve`, () => {
        const read = parseMeasurement(write(curve));
        expect(read.kind).toBe(curve.kind);
        expect(read.frequencyHz).toEqual(rounded(curve.frequencyHz, 2));
        expect(read.values).toEqual(rounded(curve.values, decimals));
        expect(read.phaseDeg).toEqual(curve.phaseDeg && rounded(curve.phaseDeg, decimals));
      });
    }
  }
});
