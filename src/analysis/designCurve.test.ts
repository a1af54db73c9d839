import { describe, expect, it } from "vitest";
import type { SimulationResult } from "../simulate/result.js";
import { designCurve } from "./designCurve.js";

const probe = (domain: "acoustic" | "electrical", db: number[]) => ({
  domain,
  re: db.map(() => 0),
  im: db.map(() => 0),
  db,
  phaseDeg: db.map(() => 0),
});

describe("designCurve(result, name)", () => {
  it("reads the drum probe, named after the design, with its drivers' shares", () => {
    const result: SimulationResult = {
      frequencyHz: [100, 1000],
      probes: {
        vin: probe("electrical", [0, 0]),
        canal: probe("acoustic", [1, 2]),
        drum: probe("acoustic", [90, 95]),
        "drum/woofer": probe("acoustic", [89, 80]),
        "canal/woofer": probe("acoustic", [1, 1]),
      },
    };
    const { curve, probeId, shares } = designCurve(result, "Case D");
    expect(probeId).toBe("drum");
    expect(curve).toEqual({
      kind: "response",
      frequencyHz: [100, 1000],
      values: [90, 95],
      name: "Case D (drum)",
    });
    expect(shares.map((share) => [share.name, share.values])).toEqual([
      ["Case D (drum/woofer)", [89, 80]],
    ]);
  });

  it("falls back to the first acoustic probe, and refuses a design without one", () => {
    const result: SimulationResult = {
      frequencyHz: [100, 1000],
      probes: { vin: probe("electrical", [0, 0]), coupler: probe("acoustic", [70, 71]) },
    };
    expect(designCurve(result, "x").curve.name).toBe("x (coupler)");
    expect(() =>
      designCurve({ frequencyHz: [1, 2], probes: { vin: probe("electrical", [0, 0]) } }, "y"),
    ).toThrow(/no acoustic probe.*"id": "drum"/);
  });
});
