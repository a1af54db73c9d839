import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import { parseMeasurement } from "./parseMeasurement.js";
import { PLAUSIBLE_MEASUREMENT, implausibleValue } from "./plausibleValues.js";

function issuesOf(text: string, options = {}) {
  try {
    parseMeasurement(text, options);
  } catch (error) {
    if (error instanceof TympanError) return error.issues;
    throw error;
  }
  return [];
}

describe("the reader refuses values no measurement has", () => {
  it("a level of 1e300 dB, naming its line and saying what to check", () => {
    const issues = issuesOf("Frequency,dB\n20,80\n1000,1e300\n20000,70\n");
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe("implausible-value");
    expect(issues[0]!.path).toEqual(["line", 3]);
    expect(issues[0]!.message).toMatch(/line 3: the level 1e\+300 dB is beyond ±250 dB/);
  });

  it("frequencies of 1e-300 Hz and 1e12 Hz", () => {
    const issues = issuesOf("Frequency,dB\n1e-300,80\n1000,80\n1e12,70\n");
    expect(issues.map((issue) => issue.path)).toEqual([
      ["line", 2],
      ["line", 4],
    ]);
    expect(issues.every((issue) => /outside 1 Hz–1 MHz/.test(issue.message))).toBe(true);
  });

  it("an impedance above a gigaohm, but not a level of −200 dB or a frequency at the bounds", () => {
    expect(issuesOf("Frequency,Impedance\n20,32\n1000,1e12\n", { kind: "impedance" })).toHaveLength(
      1,
    );
    expect(issuesOf("Frequency,dB\n1,-200\n1000,80\n1000000,249\n")).toEqual([]);
  });

  it("states its bounds: inside passes, just outside fails", () => {
    const { fromHz, toHz, maxAbsLevelDb } = PLAUSIBLE_MEASUREMENT;
    expect(implausibleValue(fromHz, maxAbsLevelDb, "response")).toBeUndefined();
    expect(implausibleValue(toHz, -maxAbsLevelDb, "response")).toBeUndefined();
    expect(implausibleValue(fromHz * 0.999, 0, "response")).toBeDefined();
    expect(implausibleValue(1000, maxAbsLevelDb * 1.001, "response")).toBeDefined();
  });
});
