import { describe, expect, it } from "vitest";
import { validateDesign } from "../../design/design.js";
import { logFrequencies } from "../../core/frequencyGrid.js";
import { simulate } from "../../simulate/simulate.js";
import { electrostaticCoupling } from "../../elements/drivers/electrostaticTweeter.js";
import { ELECTROSTATIC_TWEETERS, EST_MODULE } from "./electrostaticTweeters.js";
import { type Part, partParameters } from "./part.js";

const GRID = Array.from(logFrequencies({ fromHz: 20, toHz: 20_000, points: 61 }));

/** The module straight into a 711 (its front at the entrance), rear chamber 0.05 cm³, at 1 V. */
function into711(part: Part) {
  return {
    tympan: 1,
    elements: [
      { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      {
        id: "est",
        type: part.elementType,
        nodes: ["in", "0", "entrance", "back"],
        ...partParameters(part),
      },
      { id: "rearChamber", type: "acousticVolume", nodes: ["back", "0"], volume: 0.05e-6 },
      { id: "ear", type: "ear711", nodes: ["entrance", "drum"] },
    ],
    probes: [{ id: "drum", node: "drum" }],
  };
}

describe("electrostatic tweeter parts", () => {
  it.each(ELECTROSTATIC_TWEETERS.map((part) => [part.id, part] as const))(
    "%s: every parameter is labelled illustrative (EST65-class numbers are not public), and it validates and simulates into a 711",
    (_id, part) => {
      for (const sourced of Object.values(part.parameters)) {
        expect(sourced.source.kind).toBe("illustrative");
        expect(Number.isFinite(sourced.value)).toBe(true);
      }
      const design = into711(part);
      const validated = validateDesign(design);
      expect(validated.ok ? [] : validated.issues).toEqual([]);
      const result = simulate(design, { frequencies: GRID });
      expect(result.probes.drum!.db.every(Number.isFinite)).toBe(true);
    },
  );

  it("EST module: stable, with the electrostatic pull well below the film's stiffness", () => {
    const values = partParameters(EST_MODULE) as unknown as Parameters<
      typeof electrostaticCoupling
    >[0];
    const { netStiffness, negativeStiffness } = electrostaticCoupling(values);
    expect(netStiffness).toBeGreaterThan(negativeStiffness);
  });

  it("EST module in a 711: plays the top octaves — ≥ 20 dB below its 10 kHz level up to 2 kHz, ≥ 40 dB at 100 Hz", () => {
    const frequencies = [100, 500, 1000, 2000, 10_000];
    const db = simulate(into711(EST_MODULE), { frequencies }).probes.drum!.db;
    const at10k = db[4]!;
    expect(at10k - db[0]!).toBeGreaterThan(40);
    for (const level of db.slice(0, 4)) expect(at10k - level).toBeGreaterThan(20);
  });

  it("EST module: the amplifier load stays at or above the primary resistance (≥ 100 Ω) over 20 Hz–20 kHz", () => {
    const impedance = simulate(into711(EST_MODULE), { frequencies: GRID }).inputImpedance!;
    expect(Math.min(...impedance.magnitudeOhm)).toBeGreaterThan(99.9);
  });
});
