import { describe, expect, it } from "vitest";
import { syntheticDriverImpedance } from "../../../test/support/syntheticDriverImpedance.js";
import { dynamicDriverFromThieleSmall } from "../thieleSmall.js";
import { driverFromImpedance } from "./driverFromImpedance.js";

/** A woofer's figures (illustrative) and its free-air |Z| with phase, 1/48 octave, 10 Hz–20 kHz. */
const WOOFER = {
  reOhm: 6.2,
  leH: 0.5e-3,
  fsHz: 42,
  qes: 0.45,
  qms: 4.2,
  sdM2: 0.0133,
  mmsKg: 0.021,
};
const impedance = () => syntheticDriverImpedance(WOOFER, { name: "woofer.zma" });

describe("driverFromImpedance", () => {
  it("gives the element's Bl, Mms, Cms, Rms and Vas as dynamicDriverFromThieleSmall does from the true figures, each inside its range", () => {
    const truth = dynamicDriverFromThieleSmall(WOOFER);
    for (const given of [
      { sdM2: WOOFER.sdM2, mmsKg: WOOFER.mmsKg },
      { sdM2: WOOFER.sdM2, cmsMPerN: truth.cms },
      { sdM2: WOOFER.sdM2, vasM3: 1.21 * 343 ** 2 * WOOFER.sdM2 ** 2 * truth.cms },
    ]) {
      const { mechanical, element } = driverFromImpedance(impedance(), given);
      const expected = {
        bl: truth.bl,
        mmsKg: truth.mms,
        cmsMPerN: truth.cms,
        rmsKgPerS: truth.rms,
      };
      for (const [key, value] of Object.entries(expected)) {
        const fitted = mechanical![key as keyof typeof expected];
        expect(fitted.value / value - 1, key).toBeLessThan(1e-6);
        expect(fitted.low, key).toBeLessThanOrEqual(value * (1 + 1e-9));
        expect(fitted.high, key).toBeGreaterThanOrEqual(value * (1 - 1e-9));
      }
      expect(element!.sd).toBe(WOOFER.sdM2);
    }
  });

  it("gives only the impedance's figures without datasheet figures, and refuses two suspension figures", () => {
    expect(driverFromImpedance(impedance()).mechanical).toBeUndefined();
    expect(() =>
      driverFromImpedance(impedance(), { sdM2: 0.01, mmsKg: 0.02, vasM3: 0.05 }),
    ).toThrow(/exactly one of Mms, Cms and Vas/);
  });
});
