import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { itWithSharedData, sharedDataFile } from "../../test/support/sharedData.js";
import { TympanError } from "../core/issues.js";
import { parseMeasurement, tryParseMeasurement } from "./parseMeasurement.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/measurements/${name}`, import.meta.url), "utf8");
const read = (name: string, options: Parameters<typeof parseMeasurement>[1] = {}) =>
  parseMeasurement(fixture(name), { source: name, ...options });

/** The issues of a text that must fail, as [code, line] pairs. */
function failures(text: string, options: Parameters<typeof parseMeasurement>[1] = {}) {
  const result = tryParseMeasurement(text, options);
  if (result.ok) throw new Error("expected the text to be rejected");
  return result.issues;
}

describe("parseMeasurement(text) reads each common format", () => {
  it("a REW SPL export: 13 comments, the header comment, space-separated rows with phase", () => {
    const curve = read("rew-spl.txt");
    expect(curve.kind).toBe("response");
    expect(curve.name).toBe("rew-spl");
    expect(curve.frequencyHz).toHaveLength(8);
    expect(curve.frequencyHz[0]).toBe(20);
    expect(curve.values[0]).toBe(101.234);
    expect(curve.phaseDeg?.[0]).toBe(-12.5);
    expect(curve.frequencyHz[7]).toBe(22.134);
  });

  it("a REW impedance export (lower-case, tab-separated header comment, CRLF) is an impedance", () => {
    const curve = read("rew-impedance.txt");
    expect(curve.kind).toBe("impedance");
    expect(curve.frequencyHz).toEqual([10, 100, 1000, 2500, 5000, 10000]);
    expect(curve.values[3]).toBe(24.9);
    expect(curve.phaseDeg?.[3]).toBe(35.1);
  });

  it("REW with decimal commas and ';' delimiter", () => {
    const curve = read("rew-decimal-comma-semicolon.txt");
    expect(curve.frequencyHz[1]).toBe(20.292);
    expect(curve.values[1]).toBe(101.251);
    expect(curve.phaseDeg?.[1]).toBe(-13.1);
  });

  it("REW with decimal commas and tabs, no phase column", () => {
    const curve = read("rew-decimal-comma-tab.txt");
    expect(curve.frequencyHz.slice(0, 2)).toEqual([20, 20.29]);
    expect(curve.values[0]).toBe(101.23);
    expect(curve.phaseDeg).toBeUndefined();
  });

  it("an FRD file with ' comments and a zero phase column", () => {
    const curve = read("tweeter.frd");
    expect(curve.kind).toBe("response");
    expect(curve.frequencyHz).toEqual([20, 50, 100, 1000, 5000, 10000, 20000]);
    expect(curve.phaseDeg).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("a ZMA file with ; and # comments is an impedance", () => {
    const curve = read("driver.zma");
    expect(curve.kind).toBe("impedance");
    expect(curve.values).toEqual([16.12, 16.35, 17.02, 24.9, 31.2, 28.4]);
  });

  it("a ZMA without any header is an impedance by its extension; options.kind overrides", () => {
    const text = "20 16.1\n1000 17.0\n";
    expect(parseMeasurement(text, { source: "x.zma" }).kind).toBe("impedance");
    expect(parseMeasurement(text, { source: "x.zma", kind: "response" }).kind).toBe("response");
    expect(parseMeasurement(text).kind).toBe("response");
  });

  it("an AudioTools squig.link export: blank line, Frequency/dB/Unweighted, trailing tabs", () => {
    const curve = read("squig-audiotools.txt");
    expect(curve.kind).toBe("response");
    expect(curve.frequencyHz).toHaveLength(12);
    expect(curve.frequencyHz[0]).toBe(19.531);
    expect(curve.phaseDeg).toBeUndefined();
  });

  it("a two-column squig.link text without header", () => {
    const curve = read("squig-two-column.txt");
    expect(curve.frequencyHz[0]).toBe(19.53);
    expect(curve.values[0]).toBe(95.95);
  });

  it("an AutoEq measurement CSV", () => {
    const curve = read("autoeq-measurement.csv");
    expect(curve.frequencyHz.slice(0, 2)).toEqual([20, 20.2]);
    expect(curve.values[0]).toBe(6.65);
  });

  it("an AutoEq result CSV: raw by default, any column by name", () => {
    expect(read("autoeq-result.csv").values[0]).toBe(6.65);
    expect(read("autoeq-result.csv", { column: "target" }).values[0]).toBe(4.95);
    expect(read("autoeq-result.csv", { column: "Equalization" }).values[0]).toBe(-1.7);
  });

  it("an unknown column lists the available ones and suggests the closest", () => {
    const issues = failures(fixture("autoeq-result.csv"), { column: "targt" });
    expect(issues).toHaveLength(1);
    expect(issues[0].code).toBe("unknown-column");
    expect(issues[0].message).toContain('"frequency", "raw", "error"');
    expect(issues[0].message).toContain('Did you mean "target"?');
  });

  it("a TSV with a header whose units stand apart; a comma-space CSV", () => {
    const tsv = read("plain-header.tsv");
    expect(tsv.values[0]).toBe(101.23);
    expect(tsv.phaseDeg?.[0]).toBe(-12.5);
    const csv = read("comma-space.csv");
    expect(csv.frequencyHz[1]).toBe(20.292);
    expect(csv.phaseDeg?.[1]).toBe(-13.1);
  });

  it("a header-less CSV with integer values: the comma is the delimiter", () => {
    const curve = read("plain-no-header.csv");
    expect(curve.frequencyHz).toEqual([20, 100, 1000, 10000]);
    expect(curve.values).toEqual([84, 85, 84.5, 80]);
  });

  it("space-separated decimal commas", () => {
    const curve = read("space-decimal-comma.txt");
    expect(curve.frequencyHz[0]).toBe(20);
    expect(curve.values[0]).toBe(101.2);
  });

  it("an impedance CSV by its header", () => {
    expect(read("impedance-plain.csv").kind).toBe("impedance");
  });

  it("options.kind against the header wins, with a warning", () => {
    const result = tryParseMeasurement("Hz,Impedance\n20,16\n30,17\n", { kind: "response" });
    if (!result.ok) throw new Error("expected a curve");
    expect(result.value.kind).toBe("response");
    expect(result.warnings.map((warning) => warning.code)).toEqual(["kind-overridden"]);
  });

  it("REW's other comments that start with Frequency are not taken for the column header", () => {
    const text = "* Frequency Step: 1/48 octave\n* Start Frequency: 20.000 Hz\n20 1 5\n30 2 6\n";
    expect(parseMeasurement(text).phaseDeg).toEqual([5, 6]);
    expect(parseMeasurement("* Frequency Step: 1/48 octave\n20 1\n30 2\n").kind).toBe("response");
  });

  it("unsorted rows are sorted, with a warning naming the line", () => {
    const result = tryParseMeasurement("1000 80\n20 90\n100 85\n");
    if (!result.ok) throw new Error("expected a curve");
    expect(result.value.frequencyHz).toEqual([20, 100, 1000]);
    expect(result.value.values).toEqual([90, 85, 80]);
    expect(result.warnings.map((warning) => warning.path)).toEqual([["line", 2]]);
  });

  it("a byte-order mark and blank lines inside the data are ignored", () => {
    const curve = parseMeasurement("\uFEFFfrequency,raw\n20,1\n\n30,2\n");
    expect(curve.frequencyHz).toEqual([20, 30]);
  });
});

describe("parseMeasurement(text) rejects bad files with the line and a fix", () => {
  it("throws one TympanError naming the source and every bad line", () => {
    const text = "frequency,raw\n20,1\n30,abc\n40,\n-5,3\n0,2\n30,5\n";
    let error: unknown;
    try {
      parseMeasurement(text, { source: "bad.csv" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TympanError);
    const issues = (error as TympanError).issues;
    expect(issues.map((issue) => [issue.code, issue.path[1]])).toEqual([
      ["not-a-number", 3],
      ["missing-cell", 4],
      ["invalid-frequency", 5],
      ["invalid-frequency", 6],
    ]);
    expect(issues[0].message).toContain('line 3: the "raw" value "abc" is not a number');
    expect((error as TympanError).message).toMatch(/^bad\.csv: line 3: /);
  });

  it("a duplicate frequency names both lines", () => {
    const issues = failures("20 1\n30 2\n20 3\n");
    expect(issues.map((issue) => issue.code)).toEqual(["duplicate-frequency"]);
    expect(issues[0].path).toEqual(["line", 3]);
    expect(issues[0].message).toContain("line 3 repeats the frequency 20 Hz of line 1");
  });

  it("many repeated frequencies: the first lines named one by one, the rest counted in one issue", () => {
    const rows = Array.from({ length: 5000 }, (_, k) => `${20 + (k % 100)} 84`).join("\n");
    const issues = failures(`${rows}\n`);
    expect(issues).toHaveLength(20);
    expect(issues.every((issue) => issue.code === "duplicate-frequency")).toBe(true);
    expect(issues[0]!.message).toContain("line 101 repeats the frequency 20 Hz of line 1");
    expect(issues[18]!.path).toEqual(["line", 119]);
    // 4900 repeats: 19 named, the 20th line and 4880 after it together.
    expect(issues[19]!.message).toBe(
      "line 120 and 4880 later lines repeat frequencies of earlier lines; keep one row per frequency",
    );
  });

  it("a garbage line in the middle of the data is an error, not skipped", () => {
    const issues = failures("* comment\nFreq SPL\n20 1\n30 2\noops\n40 3\n");
    expect(issues.map((issue) => [issue.code, issue.path[1]])).toEqual([["unexpected-text", 5]]);
    expect(issues[0].message).toContain('line 5: "oops" is not a row of numbers');
  });

  it("NaN, Infinity and numbers with units are not numbers", () => {
    const issues = failures("20 NaN\n30 Infinity\n40 12dB\n1e999 4\n");
    expect(issues.map((issue) => issue.path[1])).toEqual([1, 2, 3, 4]);
    expect(new Set(issues.map((issue) => issue.code))).toEqual(new Set(["not-a-number"]));
  });

  it("fewer than two rows, no rows, and empty text are errors", () => {
    expect(failures("frequency,raw\n20,1\n")[0]).toMatchObject({
      code: "too-few-rows",
      path: ["line", 2],
    });
    expect(failures("frequency,raw\n")[0]?.code).toBe("no-data");
    expect(failures("")[0]?.code).toBe("no-data");
  });

  it("rows of different lengths without a header are errors", () => {
    const issues = failures("20 1 0\n30 2\n40 3 0\n");
    expect(issues.map((issue) => [issue.code, issue.path[1]])).toEqual([["cell-count", 2]]);
  });

  it("a second header line before the data is an error", () => {
    const issues = failures("My IEM\nfrequency,raw\n20,1\n30,2\n");
    expect(issues.map((issue) => [issue.code, issue.path[1]])).toEqual([["unexpected-text", 2]]);
  });

  it("four header-less columns (e.g. comma delimiter with decimal commas) are ambiguous", () => {
    const issues = failures("20,5,84,3\n21,5,84,4\n");
    expect(issues[0]?.code).toBe("ambiguous-columns");
    expect(issues[0]?.message).toContain("decimal commas");
  });

  it("mixed decimal separators name the cell", () => {
    const issues = failures("20.5\t84,3\n21.5\t84.4\n");
    expect(issues[0]?.message).toContain('"84,3" is not a number');
    expect(issues[0]?.message).toContain("decimal points and decimal commas");
  });

  it("one row with another delimiter is reported; the rest are read as the majority writes them", () => {
    const issues = failures("20 1\n30 2\n40;3\n50 4\n");
    expect(issues.map((issue) => [issue.code, issue.path[1]])).toEqual([["cell-count", 3]]);
  });

  it("a row missing the phase REW's header comment announces says which columns it needs", () => {
    const issues = failures("* Freq(Hz) SPL(dB) Phase(degrees)\n20 1 0\n30 2\n");
    expect(issues[0]).toMatchObject({ code: "missing-cell", path: ["line", 3] });
    expect(issues[0]?.message).toContain("phase in column 3");
  });

  it("a negative impedance is an error", () => {
    expect(failures("20 -3\n30 4\n", { kind: "impedance" })[0]?.code).toBe("invalid-impedance");
  });

  it("UTF-16 text (NUL bytes) is reported as such", () => {
    expect(failures("2\u00000\u0000 1\n")[0]?.code).toBe("not-text");
  });

  it("a column option on a header-less file is an error", () => {
    expect(failures("20 1\n30 2\n", { column: "target" })[0]?.code).toBe("unknown-column");
  });

  it("a file full of errors lists the first 20 problems and says how many more", () => {
    const text = Array.from({ length: 50 }, (_, index) => `${index + 1} x`).join("\n");
    const issues = failures(text);
    expect(issues).toHaveLength(21);
    expect(issues[19]?.path).toEqual(["line", 20]);
    expect(issues[20]).toMatchObject({ code: "more-issues", path: [] });
    expect(issues[20]?.message).toContain("30 more problems");
  });
});

describe("parseMeasurement reads the shared AutoEq data", () => {
  itWithSharedData("measurements/AKG N400.csv: 695 rows from 20 Hz at 6.65 dB", () => {
    const path = sharedDataFile("measurements/AKG N400.csv");
    const curve = parseMeasurement(readFileSync(path, "utf8"), { source: "AKG N400.csv" });
    expect(curve.kind).toBe("response");
    expect(curve.name).toBe("AKG N400");
    expect(curve.frequencyHz).toHaveLength(695);
    expect(curve.frequencyHz[0]).toBe(20);
    expect(curve.values[0]).toBe(6.65);
    expect(curve.frequencyHz[694]).toBeCloseTo(20 * 1.01 ** 694, 0);
  });

  itWithSharedData("autoeq-results/AKG N400.csv: raw, and the target column by name", () => {
    const path = sharedDataFile("autoeq-results/AKG N400.csv");
    const text = readFileSync(path, "utf8");
    const raw = parseMeasurement(text);
    const target = parseMeasurement(text, { column: "target" });
    expect(raw.values[0]).toBe(6.65);
    expect(target.values[0]).toBe(4.95);
    expect(target.frequencyHz).toHaveLength(695);
    expect(target.values[694]).toBe(-20.27);
  });
});

describe("parseMeasurement reads quoted cells as spreadsheets export them", () => {
  it("quoted header and quoted numbers, comma-delimited", () => {
    const curve = parseMeasurement('"frequency","raw"\n"20","84.3"\n"30","85"\n');
    expect(curve.frequencyHz).toEqual([20, 30]);
    expect(curve.values).toEqual([84.3, 85]);
  });

  it("quoted decimal commas between commas (a European spreadsheet's CSV)", () => {
    const curve = parseMeasurement('"Freq","SPL"\n"20,5","84,3"\n"31,5","85,25"\n');
    expect(curve.frequencyHz).toEqual([20.5, 31.5]);
    expect(curve.values).toEqual([84.3, 85.25]);
  });

  it("quoted decimal commas between semicolons, unquoted numbers mixed in", () => {
    const curve = parseMeasurement('20;"84,3"\n"30,5";85\n');
    expect(curve.frequencyHz).toEqual([20, 30.5]);
    expect(curve.values).toEqual([84.3, 85]);
  });

  it("an unmatched quote is a not-a-number error on its line, never a partial read", () => {
    const issues = failures('frequency,raw\n20,84.3\n"30,85\n40,86\n');
    expect(issues.map((issue) => issue.path)).toContainEqual(["line", 3]);
    expect(issues[0]?.message).toContain("line 3");
  });
});

describe("parseMeasurement checks what a header row says", () => {
  it("a header that names no frequency column but calls the first column a level is rejected", () => {
    const issues = failures("SPL,Phase\n20,84.3\n30,85\n");
    expect(issues[0]?.code).toBe("no-frequency-column");
    expect(issues[0]?.message).toContain('"SPL"');
    expect(issues[0]?.message).toContain("name the frequency column");
  });

  it("a header with an unknown first name still reads it as the frequency", () => {
    const curve = parseMeasurement("x,SPL\n20,84.3\n30,85\n");
    expect(curve.frequencyHz).toEqual([20, 30]);
  });
});

describe("parseMeasurement says which columns it left unread", () => {
  const warnings = (text: string, options: Parameters<typeof parseMeasurement>[1] = {}) => {
    const result = tryParseMeasurement(text, options);
    if (!result.ok) throw new Error("expected the text to be read");
    return result.warnings;
  };

  it("names the other value columns when it picked one by itself", () => {
    const [note] = warnings("frequency,index,SPL near,SPL far\n20,1,84,83\n30,2,85,84\n");
    expect(note?.code).toBe("unread-columns");
    expect(note?.message).toContain('read the column "SPL near"');
    expect(note?.message).toContain('"SPL far"');
    expect(note?.message).toContain("--column");
  });

  it("reads the left channel of a stereo file and says which channel it read", () => {
    const notes = warnings("frequency,left,SPL right,SPL left\n20,1,84,83\n30,2,85,84\n");
    expect(notes.map((note) => note.code)).toEqual(["channel-chosen"]);
    expect(notes[0]?.message).toContain('read the left channel (column "SPL left")');
    expect(notes[0]?.message).toContain('right channel (column "SPL right")');
    const curve = parseMeasurement("Frequency,Left,Right\n20,80,70\n30,81,71\n");
    expect(curve.values).toEqual([80, 81]);
  });

  it("an AutoEq result lists four of its other columns and counts the rest", () => {
    const [note] = warnings(fixture("autoeq-result.csv"));
    expect(note?.message).toContain('read the column "raw"');
    expect(note?.message).toMatch(/and \d+ more/);
  });

  it("says nothing when the column was asked for, or when there is only one", () => {
    expect(warnings(fixture("autoeq-result.csv"), { column: "target" })).toEqual([]);
    expect(warnings("frequency,raw\n20,84\n30,85\n")).toEqual([]);
    expect(warnings(fixture("rew-spl.txt"))).toEqual([]);
    expect(warnings(fixture("squig-audiotools.txt"))).toEqual([]);
  });

  it("reports cells beyond the columns the header names", () => {
    const [note] = warnings("frequency,raw\n20,84,1,2\n30,85,1,2\n");
    expect(note?.code).toBe("unnamed-columns");
    expect(note?.message).toContain("columns 3, 4 were not read");
    expect(note?.path).toEqual(["line", 2]);
  });
});
