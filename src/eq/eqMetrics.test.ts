import { describe, expect, it } from "vitest";
import type { Biquad } from "./biquad.js";
import {
  PREAMP_HEADROOM_DB,
  cancellationIndex,
  presetPreampDb,
  trebleBoostDb,
} from "./eqMetrics.js";
import { eqResponseDb } from "./eqResponse.js";
import { eqFitGrid } from "./fitGrid.js";

const peak = (fcHz: number, gainDb: number, q = 2): Biquad => ({
  type: "peaking",
  fcHz,
  q,
  gainDb,
});

describe("cancellationIndex", () => {
  it("is 1 for filters that never overlap with opposite signs, and for no filters", () => {
    expect(cancellationIndex([])).toBe(1);
    expect(cancellationIndex([peak(1000, 3)])).toBeCloseTo(1, 12);
    // Same-sign overlap undoes nothing.
    expect(cancellationIndex([peak(1000, 3), peak(1200, 2)])).toBeCloseTo(1, 12);
  });

  it("grows without bound as two filters cancel: +6 dB and −5.9 dB at the same place", () => {
    const pair = [peak(2000, 6), peak(2000, -5.9)];
    // The sum is 0.1 dB where each filter is 6 dB: about 6 + 5.9 over 0.1.
    expect(cancellationIndex(pair)).toBeGreaterThan(100);
    expect(cancellationIndex([peak(2464, 3.6, 1.12), peak(2790, -2.7, 1.36)])).toBeGreaterThan(2);
  });
});

describe("presetPreampDb", () => {
  it("is −(the summed curve's maximum) less 0.2 dB, rounded down to 0.1 dB", () => {
    const filters = [peak(3000, 4.03, 1)];
    const top = Math.max(...eqResponseDb(filters, eqFitGrid()));
    expect(top).toBeCloseTo(4.03, 2);
    expect(presetPreampDb(filters)).toBe(-Math.ceil((top + PREAMP_HEADROOM_DB) * 10 - 1e-9) / 10);
    // A cut-only EQ peaks at 0 dB far from its filters: only the headroom remains.
    expect(presetPreampDb([peak(3000, -6)])).toBe(-PREAMP_HEADROOM_DB);
  });
});

describe("trebleBoostDb", () => {
  it("reads the summed EQ above 10 kHz only: a 1 kHz boost does not count, a 12 kHz one does", () => {
    expect(trebleBoostDb([peak(1000, 6)])).toBeLessThan(0.1);
    expect(trebleBoostDb([peak(12_000, 3)])).toBeCloseTo(3, 1);
  });
});
