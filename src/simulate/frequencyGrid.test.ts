import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import { MAX_FREQUENCY_POINTS, frequencyGrid } from "./frequencyGrid.js";

/** The issue a bad request throws. */
function issueOf(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (error instanceof TympanError) return error.issues[0];
    throw error;
  }
  throw new Error("expected a TympanError");
}

describe("frequencyGrid", () => {
  it("defaults to 1000 log-spaced points from 20 Hz to 20 kHz, both ends exact", () => {
    const grid = frequencyGrid({});
    expect(grid).toHaveLength(1000);
    expect(grid[0]).toBe(20);
    expect(grid[999]).toBe(20_000);
    expect(grid[500]! / grid[499]!).toBeCloseTo(grid[1]! / grid[0]!, 12);
  });

  it("gives exactly the listed frequencies for at", () => {
    expect(frequencyGrid({ at: "100, 1000,2e3" })).toEqual([100, 1000, 2000]);
  });

  it("sweeps from, to, points", () => {
    const grid = frequencyGrid({ from: "10", to: "1000", points: "3" });
    expect(grid[0]).toBe(10);
    expect(grid[1]).toBeCloseTo(100, 10);
    expect(grid[2]).toBe(1000);
  });

  it("names the flag of a frequency outside the range simulate accepts", () => {
    const issue = issueOf(() => frequencyGrid({ at: "100,1e9" }));
    expect(issue.code).toBe("frequency-out-of-range");
    expect(issue.path).toEqual(["--at"]);
    expect(issue.message).toMatch(/1e9 Hz is outside 0.01 Hz–10 MHz/);
    expect(issueOf(() => frequencyGrid({ to: "2e7" })).path).toEqual(["--to"]);
  });

  it(`refuses more than ${MAX_FREQUENCY_POINTS} points, naming --points`, () => {
    expect(frequencyGrid({ points: String(MAX_FREQUENCY_POINTS) })).toHaveLength(
      MAX_FREQUENCY_POINTS,
    );
    const issue = issueOf(() => frequencyGrid({ points: "1000000" }));
    expect(issue.path).toEqual(["--points"]);
    expect(issue.message).toMatch(/1000000 points is more than the 100000/);
  });

  it("refuses text that is not a number, a reversed range and mixing at with a sweep", () => {
    expect(issueOf(() => frequencyGrid({ at: "100,abc" })).message).toMatch(/"abc" is not/);
    expect(issueOf(() => frequencyGrid({ at: "100,,200" })).code).toBe("invalid-frequency");
    expect(issueOf(() => frequencyGrid({ from: "x" })).path).toEqual(["--from"]);
    expect(issueOf(() => frequencyGrid({ from: "1000", to: "100" })).code).toBe(
      "invalid-frequency-range",
    );
    expect(issueOf(() => frequencyGrid({ points: "2.5" })).code).toBe("invalid-point-count");
    expect(issueOf(() => frequencyGrid({ at: "100", points: "5" })).code).toBe("usage");
  });
});
