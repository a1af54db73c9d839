import { describe, expect, it } from "vitest";
import { detectDialect, splitCells, splitHeader } from "./dialect.js";

describe("detectDialect(rows) tells delimiters from decimal commas", () => {
  const cases: [string, readonly string[], string, string][] = [
    ["space, points", ["20.0 84.3 -12.1"], " ", "."],
    ["tab, points", ["20.0\t84.3"], "\t", "."],
    ["tab, decimal commas", ["20,5\t84,3"], "\t", ","],
    ["semicolon, decimal commas", ["20,5;84,3;-12,1"], ";", ","],
    ["semicolon, points", ["20.5;84.3"], ";", "."],
    ["comma, points", ["20.00,6.65"], ",", "."],
    ["comma, integers: the comma delimits (20 Hz, 84 dB)", ["20,84", "21,85"], ",", "."],
    ["comma and space, points", ["20, 84.3"], ",", "."],
    ["comma and space, integers", ["20, 84", "30, 85"], ",", "."],
    ["space, decimal commas", ["20,5 84,3", "21 84,4"], " ", ","],
    ["a point anywhere makes commas delimiters", ["20,5 84,3", "21.5,84"], ",", "."],
    ["comma delimiter and decimal commas stays comma-delimited", ["20,5,84,3"], ",", "."],
  ];
  for (const [label, rows, delimiter, decimal] of cases) {
    it(label, () => {
      expect(detectDialect(rows)).toEqual({ delimiter, decimal });
    });
  }
});

describe("splitCells and splitHeader", () => {
  it("a trailing tab adds no cell; an empty cell in the middle stays", () => {
    expect(splitCells("19.531\t95.67\t", { delimiter: "\t", decimal: "." })).toEqual([
      "19.531",
      "95.67",
    ]);
    expect(splitCells("20,,3", { delimiter: ",", decimal: "." })).toEqual(["20", "", "3"]);
  });

  it("units in parentheses join their name in space-separated headers; quotes are dropped", () => {
    expect(splitHeader("Frequency (Hz) SPL (dB)", " ")).toEqual(["Frequency (Hz)", "SPL (dB)"]);
    expect(splitHeader('"frequency","raw"', ",")).toEqual(["frequency", "raw"]);
  });
});
