import { describe, expect, it } from "vitest";
import { type Air, STANDARD_AIR } from "../../core/air.js";
import { sharedTubeAbcd } from "./sharedTubeAbcd.js";
import { tubeAbcd } from "./transmissionLine.js";
import { TUBE_MODELS } from "./tubeModel.js";

const direct = (...args: Parameters<typeof sharedTubeAbcd>) => {
  const [model, radius, length, air] = args;
  return (omega: number) => {
    const out = new Float64Array(8);
    tubeAbcd(model, omega, radius, length, air, out);
    return [...out];
  };
};

describe("sharedTubeAbcd", () => {
  it("gives exactly tubeAbcd's values whichever alike or unlike tube asks first", () => {
    const humid = { ...STANDARD_AIR, speedOfSoundMPerS: 346 };
    for (const model of TUBE_MODELS) {
      // Two tubes alike, one of the same radius but longer, one in other air.
      const tubes: [radius: number, length: number, air: Air][] = [
        [6e-4, 3e-3, STANDARD_AIR],
        [6e-4, 3e-3, STANDARD_AIR],
        [6e-4, 8e-3, STANDARD_AIR],
        [6e-4, 3e-3, humid],
      ];
      const shared = tubes.map(([r, l, air]) => sharedTubeAbcd(model, r, l, air));
      const expected = tubes.map(([r, l, air]) => direct(model, r, l, air));
      for (const hz of [20, 1000, 1000, 20_000, 37, 20]) {
        const omega = 2 * Math.PI * hz;
        // In turn, and in reverse, as two networks stamping at one frequency would.
        for (const order of [
          [0, 1, 2, 3],
          [3, 2, 1, 0],
        ]) {
          for (const t of order) expect([...shared[t]!(omega)]).toEqual(expected[t]!(omega));
        }
      }
    }
  });

  it("reads the air when made: a later change to the object does not reach it", () => {
    const air: Record<keyof Air, number> = { ...STANDARD_AIR };
    const at = sharedTubeAbcd("exact", 5e-4, 2e-3, air);
    const before = direct("exact", 5e-4, 2e-3, { ...STANDARD_AIR })(2000);
    air.speedOfSoundMPerS = 300;
    expect([...at(2000)]).toEqual(before);
  });
});
