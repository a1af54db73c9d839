import { describe, expect, it } from "vitest";
import type { Curve } from "../core/curve.js";
import { TympanError } from "../core/issues.js";
import { syntheticDriverImpedance } from "../../test/support/syntheticDriverImpedance.js";
import { thieleSmallFromImpedance } from "./thieleSmallFromImpedance.js";

/** Figures of two drivers (illustrative, typical of their classes). */
const WOOFER = { reOhm: 6.2, leH: 0.5e-3, fsHz: 42, qes: 0.45, qms: 4.2 };
const IEM_DRIVER = { reOhm: 28, leH: 25e-6, fsHz: 160, qes: 1.6, qms: 2.2 };
type Figures = typeof WOOFER;

const impedanceOf = (figures: Figures, options: { phase?: boolean; jitter?: number } = {}) =>
  syntheticDriverImpedance(figures, options);

const relative = (value: number, truth: number) => Math.abs(value / truth - 1);

describe("thieleSmallFromImpedance", () => {
  it.each([
    ["a woofer", WOOFER],
    ["an IEM driver", IEM_DRIVER],
  ])("recovers %s's Re, Le, fs, Qes, Qms from |Z| and phase to 1e-6", (_, truth) => {
    const fit = thieleSmallFromImpedance(impedanceOf(truth));
    for (const key of ["reOhm", "leH", "fsHz", "qes", "qms"] as const)
      expect(relative(fit[key], truth[key])).toBeLessThan(1e-6);
    expect(relative(fit.qts, (truth.qms * truth.qes) / (truth.qms + truth.qes))).toBeLessThan(1e-6);
    expect(fit.residualRmsPercent).toBeLessThan(1e-4);
    expect(fit.phaseRmsDeg!).toBeLessThan(1e-4);
  });

  it("recovers them from |Z| alone (no phase) to 1e-5", () => {
    const fit = thieleSmallFromImpedance(impedanceOf(WOOFER, { phase: false }));
    for (const key of ["reOhm", "leH", "fsHz", "qes", "qms"] as const)
      expect(relative(fit[key], WOOFER[key])).toBeLessThan(1e-5);
    expect(fit.phaseRmsDeg).toBeUndefined();
  });

  it("starts from Small's closed form: fs within 0.1 %, Qms within 2 %, Re and Qes within 5 %", () => {
    // Approximate by construction: Re is extrapolated from |Z| below fs/4 (10 Hz against fs 42 Hz),
    // where the motional part still adds, and an error in Re moves r0 and so Qes; the least-squares
    // refinement then lands on the truth (the tests above).
    const fit = thieleSmallFromImpedance(impedanceOf({ ...WOOFER, leH: 1e-9 }, { phase: false }));
    expect(relative(fit.closedForm.fsHz, WOOFER.fsHz)).toBeLessThan(0.001);
    expect(relative(fit.closedForm.qms, WOOFER.qms)).toBeLessThan(0.02);
    expect(relative(fit.closedForm.qes, WOOFER.qes)).toBeLessThan(0.05);
    expect(relative(fit.closedForm.reOhm, WOOFER.reOhm)).toBeLessThan(0.05);
    expect(relative(fit.qes, WOOFER.qes)).toBeLessThan(1e-5);
  });

  it("with ±2 % jitter on |Z|: each figure within 3 % and inside its stated 95 % interval", () => {
    const fit = thieleSmallFromImpedance(impedanceOf(IEM_DRIVER, { phase: false, jitter: 0.02 }));
    for (const key of ["reOhm", "fsHz", "qes", "qms"] as const) {
      expect(relative(fit[key], IEM_DRIVER[key])).toBeLessThan(0.03);
      const [low, high] = fit.intervals[key];
      expect(IEM_DRIVER[key]).toBeGreaterThanOrEqual(low);
      expect(IEM_DRIVER[key]).toBeLessThanOrEqual(high);
      expect(high / low).toBeLessThan(1.2);
    }
    // Le of an IEM driver barely shows below 20 kHz (ωLe = 3 Ω against 28 Ω): its interval says so.
    const [low, high] = fit.intervals.leH;
    expect(IEM_DRIVER.leH).toBeGreaterThanOrEqual(low);
    expect(IEM_DRIVER.leH).toBeLessThanOrEqual(high);
    expect(fit.residualRmsPercent).toBeGreaterThan(0.5);
    expect(fit.residualRmsPercent).toBeLessThan(1.5);
  });

  it("refuses a response, too few points, and a curve without a resonance peak, naming the file", () => {
    const curve = impedanceOf(WOOFER);
    expect(() => thieleSmallFromImpedance({ ...curve, kind: "response" })).toThrow(
      /synthetic\.zma: is a response, not an impedance/,
    );
    expect(() =>
      thieleSmallFromImpedance({
        ...curve,
        frequencyHz: curve.frequencyHz.slice(0, 5),
        values: curve.values.slice(0, 5),
      }),
    ).toThrow(TympanError);
    const above = curve.frequencyHz.flatMap((f, k) => (f > 200 ? [k] : []));
    expect(() =>
      thieleSmallFromImpedance({
        kind: "impedance",
        frequencyHz: above.map((k) => curve.frequencyHz[k]!),
        values: above.map((k) => curve.values[k]!),
        name: "above-fs.zma",
      }),
    ).toThrow(/above-fs\.zma: shows no resonance peak/);
  });
  it("gives Qts's interval from the same covariance, around Qts, and no warnings for a clean curve", () => {
    const fit = thieleSmallFromImpedance(impedanceOf(IEM_DRIVER, { jitter: 0.01 }));
    const qts = (IEM_DRIVER.qes * IEM_DRIVER.qms) / (IEM_DRIVER.qes + IEM_DRIVER.qms);
    expect(fit.intervals.qts[0]).toBeLessThanOrEqual(qts);
    expect(fit.intervals.qts[1]).toBeGreaterThanOrEqual(qts);
    expect(fit.intervals.qts[0]).toBeLessThan(fit.qts);
    expect(fit.warnings).toEqual([]);
  });

  it("refuses a curve that is the same at every frequency, and warns of one below 1 Ω or with a zero phase", () => {
    const flat: Curve = { ...impedanceOf(WOOFER, { phase: false }), name: "swfk.zma" };
    expect(() =>
      thieleSmallFromImpedance({ ...flat, values: flat.values.map(() => 0.109) }),
    ).toThrow(/swfk\.zma: is 0\.109 Ω at every frequency/);
    const kiloOhms = impedanceOf(WOOFER, { phase: false });
    const scaled = { ...kiloOhms, values: kiloOhms.values.map((value) => value / 1000) };
    expect(thieleSmallFromImpedance(scaled).warnings.map((issue) => issue.code)).toEqual([
      "broken-impedance",
    ]);
    const zeroPhase = { ...kiloOhms, phaseDeg: kiloOhms.values.map(() => 0) };
    expect(thieleSmallFromImpedance(zeroPhase).warnings.map((issue) => issue.code)).toEqual([
      "phase-all-zero",
    ]);
  });
});
