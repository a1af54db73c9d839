import { describe, expect, it } from "vitest";
import { validateDesign } from "../../design/design.js";
import { simulate } from "../../simulate/simulate.js";
import {
  DD_10MM_BERYLLIUM,
  DD_10MM_PET,
  DD_6MM_PET,
  DYNAMIC_DRIVERS,
  partBreakupHz,
} from "./dynamicDrivers.js";
import { type Part, partParameters } from "./part.js";
import { describeProvenance } from "./provenance.js";

/**
 * An IEM shell: front cavity 0.15 cm³ into the 711, rear cavity 0.2 cm³ vented to ambient through
 * the microspeaker's 8-hole vent (docs/physics.md §5: r 0.41 mm × 0.5 mm).
 */
function inShell(part: Part, drive: Record<string, unknown>) {
  return {
    tympan: 1,
    elements: [
      drive,
      {
        id: "driver",
        type: part.elementType,
        nodes: ["in", "0", "front", "back"],
        ...partParameters(part),
      },
      { id: "frontCavity", type: "acousticVolume", nodes: ["front", "0"], volume: 0.15e-6 },
      { id: "rearCavity", type: "acousticVolume", nodes: ["back", "0"], volume: 0.2e-6 },
      {
        id: "vent",
        type: "duct",
        nodes: ["back", "0"],
        radius: 0.41e-3,
        length: 0.5e-3,
        count: 8,
      },
      { id: "ear", type: "ear711", nodes: ["front", "drum"] },
    ],
    probes: [
      { id: "drum", node: "drum" },
      { id: "in", node: "in" },
    ],
  };
}

/** Drum SPL for 1 mW into Re (V = √(1 mW·Re)). */
function levelsFor1mW(part: Part, frequencies: number[]): number[] {
  const voltage = Math.sqrt(1e-3 * part.parameters.re!.value);
  const source = { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage };
  return simulate(inShell(part, source), { frequencies }).probes.drum!.db;
}

/**
 * Diaphragm displacement (m) per drum pascal at a bass frequency, both rms. With 1 A in, the input
 * impedance less the blocked coil (Re + jωLe) is the motional EMF Bl·v, so x = |Bl·v|/(Bl·ω).
 */
function excursionPerPascal(part: Part, frequency: number): number {
  const source = { id: "is", type: "currentSource", nodes: ["in", "0"], current: 1 };
  const { probes } = simulate(inShell(part, source), { frequencies: [frequency] });
  const omega = 2 * Math.PI * frequency;
  const value = (name: string) => part.parameters[name]!.value;
  const emf = Math.hypot(probes.in!.re[0]! - value("re"), probes.in!.im[0]! - omega * value("le"));
  const displacement = emf / value("bl") / omega;
  return displacement / Math.hypot(probes.drum!.re[0]!, probes.drum!.im[0]!);
}

describe("the dynamic-driver catalogue", () => {
  it("has unique ids and gives every parameter a provenance", () => {
    expect(new Set(DYNAMIC_DRIVERS.map((part) => part.id)).size).toBe(DYNAMIC_DRIVERS.length);
    for (const part of DYNAMIC_DRIVERS) {
      for (const [name, sourced] of Object.entries(part.parameters)) {
        expect(Number.isFinite(sourced.value), `${part.id}.${name}`).toBe(true);
        expect(describeProvenance(sourced.source).length, `${part.id}.${name}`).toBeGreaterThan(20);
      }
      expect(part.settings?.diaphragmMaterial).toBeDefined();
    }
  });

  it.each(DYNAMIC_DRIVERS.map((part) => [part.id, part] as const))(
    "%s validates and simulates into the 711 to finite numbers",
    (_, part) => {
      const design = inShell(part, {
        id: "vs",
        type: "voltageSource",
        nodes: ["in", "0"],
        voltage: 0.1,
      });
      const validated = validateDesign(design);
      expect(validated.ok ? [] : validated.issues).toEqual([]);
      const frequencies = Array.from({ length: 61 }, (_, k) => 20 * 1000 ** (k / 60));
      const result = simulate(design, { frequencies });
      expect(result.probes.drum!.db.every(Number.isFinite)).toBe(true);
      expect(result.inputImpedance!.magnitudeOhm.every(Number.isFinite)).toBe(true);
    },
  );

  it.each(DYNAMIC_DRIVERS.map((part) => [part.id, part] as const))(
    // This bare shell has no mesh, damper or front vent: the driver works stiffness-controlled into
    // the sealed ear, the loudest it can be. The reference designs' acoustic damping brings their
    // sensitivity to 95–125 dB SPL/mW (tested in src/designs).
    "%s gives 120–140 dB SPL for 1 mW at 1 kHz in a bare 711 shell (front 0.15 cm³, rear vented)",
    (_, part) => {
      const [level] = levelsFor1mW(part, [1000]);
      expect(level).toBeGreaterThan(120);
      expect(level).toBeLessThan(140);
    },
  );

  it.each(DYNAMIC_DRIVERS.map((part) => [part.id, part] as const))(
    "%s has a 16–32 Ω impedance with a visible resonance peak near fs in free air",
    (_, part) => {
      const frequencies = Array.from({ length: 121 }, (_, k) => 50 * 20 ** (k / 120));
      const result = simulate(
        {
          tympan: 1,
          elements: [
            { id: "is", type: "currentSource", nodes: ["in", "0"], current: 1 },
            {
              id: "driver",
              type: part.elementType,
              nodes: ["in", "0", "front", "0"],
              ...partParameters(part),
            },
            { id: "air", type: "acousticResistance", nodes: ["front", "0"], resistance: 1e3 },
          ],
          probes: [{ id: "in", node: "in" }],
        },
        { frequencies },
      );
      const magnitude = result.probes.in!.re.map((re, k) =>
        Math.hypot(re, result.probes.in!.im[k]!),
      );
      const re = part.parameters.re!.value;
      expect(re).toBeGreaterThanOrEqual(16);
      expect(re).toBeLessThanOrEqual(32);
      const peak = Math.max(...magnitude);
      expect(peak / re).toBeGreaterThan(1.05);
      const at = frequencies[magnitude.indexOf(peak)]!;
      const fs =
        1 / (2 * Math.PI * Math.sqrt(part.parameters.mms!.value * part.parameters.cms!.value));
      expect(Math.abs(Math.log2(at / fs))).toBeLessThan(0.1);
    },
  );

  it("puts a beryllium-coated diaphragm's first breakup above the PET one's of the same size", () => {
    expect(partBreakupHz(DD_10MM_BERYLLIUM)).toBeGreaterThan(1.5 * partBreakupHz(DD_10MM_PET));
    expect(partBreakupHz(DD_10MM_PET)).toBeGreaterThan(4000);
    expect(partBreakupHz(DD_10MM_PET)).toBeLessThan(8000);
  });

  it("keeps dd-10mm-beryllium identical to dd-10mm-pet but for the diaphragm (and its mass)", () => {
    const differing = Object.keys(DD_10MM_BERYLLIUM.parameters).filter(
      (name) => DD_10MM_BERYLLIUM.parameters[name]!.value !== DD_10MM_PET.parameters[name]?.value,
    );
    expect(differing.sort()).toEqual(["coatingThickness", "mms"]);
    const added = DD_10MM_BERYLLIUM.parameters.mms!.value - DD_10MM_PET.parameters.mms!.value;
    expect(added).toBeCloseTo(1850 * 1e-6 * Math.PI * 0.005 ** 2, 15);
  });

  it("keeps dd-6mm-pet and dd-10mm-pet alike but for size: same coil, fs, Qms, Bl/d, Mms/Sd", () => {
    const [small, large] = [DD_6MM_PET.parameters, DD_10MM_PET.parameters];
    const v = (p: typeof small, name: string) => p[name]!.value;
    for (const name of ["re", "le", "diaphragmThickness", "domeStiffening", "modalMassFraction"])
      expect(v(small, name)).toBe(v(large, name));
    const fs = (p: typeof small) => 1 / Math.sqrt(v(p, "mms") * v(p, "cms"));
    const qms = (p: typeof small) => (fs(p) * v(p, "mms")) / v(p, "rms");
    expect(fs(small) / fs(large)).toBeCloseTo(1, 12);
    expect(qms(small) / qms(large)).toBeCloseTo(1, 12);
    expect(v(small, "bl") / 6 / (v(large, "bl") / 10)).toBeCloseTo(1, 12);
    expect(v(small, "mms") / v(small, "sd") / (v(large, "mms") / v(large, "sd"))).toBeCloseTo(
      1,
      12,
    );
  });

  it("shows a bigger driver (10 vs 6 mm) needing less excursion for the same bass SPL", () => {
    const [small, large] = [
      excursionPerPascal(DD_6MM_PET, 50),
      excursionPerPascal(DD_10MM_PET, 50),
    ];
    expect(large).toBeLessThan(small);
    // Bass in a closed ear is set by the displaced volume Sd·x, so x ∝ 1/Sd.
    const areaRatio = DD_10MM_PET.parameters.sd!.value / DD_6MM_PET.parameters.sd!.value;
    expect(small / large / areaRatio).toBeGreaterThan(0.8);
    expect(small / large / areaRatio).toBeLessThan(1.25);
  });
});
