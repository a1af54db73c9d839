import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import type { TwoPortTable } from "../elements/drivers/huntTwoPort.js";
import { formatTwoPortCsv, parseTwoPortCsv } from "./twoPortCsv.js";

const TABLE: TwoPortTable = {
  frequencyHz: [100, 1000.5, 1e4],
  ze: { re: [100.1, 101.3, 140.7], im: [6.283185307179586, 62.9, -1e-3] },
  transduction: { re: [5e5, 4.9e5, 1 / 3], im: [0, -1e4, 2e-7] },
  za: { re: [1e6, 2e6, 3e6], im: [-1.1e9, -1.1e8, 1.1e7] },
};

function thrown(work: () => unknown): TympanError {
  try {
    work();
  } catch (error) {
    if (error instanceof TympanError) return error;
    throw error;
  }
  throw new Error("expected a TympanError");
}

describe("formatTwoPortCsv and parseTwoPortCsv", () => {
  it("round-trips a table bit for bit, with a header comment and the Thevenin columns", () => {
    const text = formatTwoPortCsv(TABLE, { comments: ["loads: 0.4 cc, 2 cc, 711"] });
    expect(text.startsWith("# Tympan measured-receiver two-port (Hunt)")).toBe(true);
    expect(text).toContain("# loads: 0.4 cc, 2 cc, 711\n");
    expect(text).toContain(
      "frequency_hz,ze_re,ze_im,t_re,t_im,za_re,za_im,p_s_re,p_s_im,zs_re,zs_im\n",
    );
    expect(parseTwoPortCsv(text)).toEqual(TABLE);
  });

  it("writes p_s = T/Ze and Z_s = Za + T²/Ze", () => {
    const row = formatTwoPortCsv(TABLE)
      .split("\n")
      .find((line) => line.startsWith("100,"))!;
    const cells = row.split(",").map(Number);
    // Row 1: T = 5e5 real, Ze = 100.1 + 6.2832j.
    const d = 100.1 ** 2 + 6.283185307179586 ** 2;
    expect(cells[7]).toBeCloseTo((5e5 * 100.1) / d, 9);
    expect(cells[8]).toBeCloseTo((-5e5 * 6.283185307179586) / d, 9);
    expect(cells[9]).toBeCloseTo(1e6 + (2.5e11 * 100.1) / d, 0);
    expect(cells[10]! / (-1.1e9 - (2.5e11 * 6.283185307179586) / d)).toBeCloseTo(1, 14);
  });

  it("finds columns by name in any order and ignores extra columns", () => {
    const text =
      "T_IM,t_re,frequency_hz,za_re,za_im,ze_re,ze_im,note\n0,1,10,3,4,5,6,x\n0,1,20,3,4,5,6,y\n";
    const table = parseTwoPortCsv(text);
    expect(table.frequencyHz).toEqual([10, 20]);
    expect(table.transduction.re).toEqual([1, 1]);
    expect(table.ze.im).toEqual([6, 6]);
  });

  it("names the file and line of bad numbers, short rows and unsorted frequencies", () => {
    const text = [
      "# comment",
      "frequency_hz,ze_re,ze_im,t_re,t_im,za_re,za_im",
      "100,1,2,3,4,5,6",
      "200,1,abc,3,4,5,6",
      "300,1,2,3",
      "50,1,2,3,4,5,6",
    ].join("\n");
    const error = thrown(() => parseTwoPortCsv(text, "rx.csv"));
    expect(error.message).toContain('rx.csv: line 4: ze_im is "abc", not a finite number');
    expect(error.message).toContain("rx.csv: line 5: has 4 cells but the header has 7");
    expect(error.message).toContain("rx.csv: line 6: frequency 50 Hz is not above the previous");
  });

  it("rejects a file without the two-port header, or with fewer than two rows", () => {
    expect(thrown(() => parseTwoPortCsv("Freq,SPL\n100,90\n", "fr.csv")).message).toContain(
      "fr.csv: line 1: the header must name the columns",
    );
    expect(
      thrown(() =>
        parseTwoPortCsv("frequency_hz,ze_re,ze_im,t_re,t_im,za_re,za_im\n1,1,1,1,1,1,1\n"),
      ).message,
    ).toContain("at least 2 rows");
    expect(thrown(() => parseTwoPortCsv("# only comments\n")).message).toContain("no header");
  });
});
