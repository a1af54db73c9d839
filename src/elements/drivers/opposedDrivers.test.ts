import { describe, expect, it } from "vitest";
import { MICROSPEAKER } from "../../catalogue/parts/microspeaker.js";
import { STANDARD_AIR } from "../../core/air.js";
import { expandElements } from "../../design/expand.js";
import { simulate } from "../../simulate/simulate.js";
import type { ElementDefinition } from "../registry.js";

/** The MathWorks microspeaker of docs/physics.md §5, with every optional model switched on. */
const DRIVER = {
  ...MICROSPEAKER,
  r2: 12,
  l2: 0.05e-3,
  semiInductance: 0.02,
  semiInductanceExponent: 0.6,
  diaphragmMaterial: "PET",
  diaphragmDiameter: 10e-3,
  diaphragmThickness: 38e-6,
  domeStiffening: 4,
  modalMassFraction: 0.2,
  modalAreaFraction: 0.45,
  modalLossFactor: 0.05,
} as const;

const FREQUENCIES = [20, 100, 500, 1000, 2000, 5000, 6500, 10_000, 20_000];

/** Drum pressure and input voltage for 1 A into the transducer, rear volume sealed, into the 711. */
function response(transducer: Record<string, unknown>) {
  const result = simulate(
    {
      tympan: 1,
      elements: [
        { id: "is", type: "currentSource", nodes: ["in", "0"], current: 1 },
        { ...transducer, id: "t", nodes: ["in", "0", "front", "back"] },
        { id: "rear", type: "acousticVolume", nodes: ["back", "0"], volume: 2e-7 },
        { id: "ear", type: "ear711", nodes: ["front", "drum"] },
      ],
      probes: [
        { id: "in", node: "in" },
        { id: "drum", node: "drum" },
      ],
    },
    { frequencies: FREQUENCIES },
  );
  return (["in", "drum"] as const).flatMap((probe) =>
    result.probes[probe]!.re.map((re, k) => [re, result.probes[probe]!.im[k]!] as const),
  );
}

function expectSameResponse(
  actual: ReturnType<typeof response>,
  expected: ReturnType<typeof response>,
) {
  actual.forEach(([re, im], k) => {
    const [eRe, eIm] = expected[k]!;
    expect(Math.hypot(re - eRe, im - eIm) / Math.hypot(eRe, eIm)).toBeLessThan(1e-9);
  });
}

describe("opposedDynamicDrivers", () => {
  it("in parallel equals one driver with Re/2, Z_L/2, Bl, 2·Mms, Cms/2, 2·Rms, 2·Sd", () => {
    const pair = response({ type: "opposedDynamicDrivers", ...DRIVER, wiring: "parallel" });
    const single = response({
      type: "dynamicDriver",
      ...DRIVER,
      re: DRIVER.re / 2,
      le: DRIVER.le / 2,
      r2: DRIVER.r2 / 2,
      l2: DRIVER.l2 / 2,
      semiInductance: DRIVER.semiInductance / 2,
      mms: 2 * DRIVER.mms,
      cms: DRIVER.cms / 2,
      rms: 2 * DRIVER.rms,
      sd: 2 * DRIVER.sd,
    });
    expectSameResponse(pair, single);
  });

  it("in series equals one driver with 2·Re, 2·Z_L, 2·Bl, 2·Mms, Cms/2, 2·Rms, 2·Sd", () => {
    const pair = response({ type: "opposedDynamicDrivers", ...DRIVER, wiring: "series" });
    const single = response({
      type: "dynamicDriver",
      ...DRIVER,
      re: 2 * DRIVER.re,
      le: 2 * DRIVER.le,
      r2: 2 * DRIVER.r2,
      l2: 2 * DRIVER.l2,
      semiInductance: 2 * DRIVER.semiInductance,
      bl: 2 * DRIVER.bl,
      mms: 2 * DRIVER.mms,
      cms: DRIVER.cms / 2,
      rms: 2 * DRIVER.rms,
      sd: 2 * DRIVER.sd,
    });
    expectSameResponse(pair, single);
  });

  it("expands into two dynamicDrivers pushing into the same front and back", () => {
    const pair = {
      id: "pp",
      type: "opposedDynamicDrivers",
      nodes: ["a", "b", "f", "r"],
      ...DRIVER,
      wiring: "series",
    } as unknown as ElementDefinition;
    const primitives = expandElements([pair], STANDARD_AIR).map(({ definition }) => definition);
    const transformers = primitives.filter((part) => part.type === "transformer");
    expect(transformers.map((part) => part.nodes.slice(2))).toEqual([
      ["f", "r"],
      ["f", "r"],
      ["f", "r"],
      ["f", "r"],
    ]);
    const resistances = primitives.filter((part) => part.id.endsWith("/Re"));
    expect(resistances.map((part) => part.nodes)).toEqual([
      ["a", "#pp/A/coil"],
      ["#pp/between", "#pp/B/coil"],
    ]);
  });

  it("counts as one driver in per-driver contributions: its two motors' shares summed", () => {
    const result = simulate(
      {
        tympan: 1,
        elements: [
          { id: "vs", type: "voltageSource", nodes: ["a", "0"], voltage: 1 },
          {
            id: "pp",
            type: "opposedDynamicDrivers",
            nodes: ["a", "0", "f", "r"],
            ...DRIVER,
            wiring: "parallel",
          },
          { id: "rear", type: "acousticVolume", nodes: ["r", "0"], volume: 1e-7 },
          { id: "ear", type: "ear711", nodes: ["f", "drum"] },
        ],
        probes: [{ id: "drum", node: "drum", byDriver: true }],
      },
      { frequencies: [100, 1000, 5000] },
    );
    expect(Object.keys(result.probes).sort()).toEqual(["drum", "drum/pp"]);
    result.probes.drum!.db.forEach((level, f) => {
      expect(result.probes["drum/pp"]!.db[f]).toBeCloseTo(level, 9);
    });
  });
});
