import { describe, expect, it } from "vitest";
import { MICROSPEAKER } from "../../catalogue/parts/microspeaker.js";
import { STANDARD_AIR, bulkModulusPa } from "../../core/air.js";
import { validateDesign } from "../../design/design.js";
import { simulate } from "../../simulate/simulate.js";
import { balancedArmature, netStiffness } from "./balancedArmature.js";

const RHO_C2 = bulkModulusPa(STANDARD_AIR);

/** A full-range receiver (the catalogue's), sealed rear cavity. */
const RECEIVER = {
  coilResistance: 50,
  coilInductance: 6e-3,
  semiInductance: 0.3,
  semiInductanceExponent: 0.5,
  transduction: 2.46,
  movingMass: 5.36e-6,
  armatureStiffness: 6000,
  diaphragmStiffness: 300,
  magneticStiffness: 5620,
  mechanicalResistance: 0.005,
  diaphragmArea: 11.9e-6,
  frontVolume: 20e-9,
  rearVolume: 53.7e-9,
  spoutLength: 0.61e-3,
  spoutRadius: 0.7e-3,
};
type Receiver = typeof RECEIVER & {
  rearVentRadius?: number;
  rearVentLength?: number;
  diaphragmVentRadius?: number;
  diaphragmVentLength?: number;
};

/** The receiver driven by `drive` (a source element on node "in"), its spout into a volume. */
function intoVolume(receiver: Receiver, volumeM3: number, drive: Record<string, unknown>) {
  return {
    tympan: 1,
    elements: [
      drive,
      { id: "rcv", type: "balancedArmature", nodes: ["in", "0", "out"], ...receiver },
      { id: "load", type: "acousticVolume", nodes: ["out", "0"], volume: volumeM3 },
    ],
    probes: [
      { id: "out", node: "out" },
      { id: "force", node: "#rcv/force" },
      { id: "front", node: "#rcv/front" },
      { id: "rear", node: "#rcv/rear" },
    ],
  };
}

const CURRENT_DRIVE = { id: "is", type: "currentSource", nodes: ["in", "0"], current: 1e-3 };
const VOLTAGE_DRIVE = { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 0.1 };

/** Stiffness (N/m) a sealed air volume V adds to a piston of area S: ρc²·S²/V. */
const airStiffness = (area: number, volume: number) => (RHO_C2 * area * area) / volume;

describe("balancedArmature", () => {
  it("names its motor: a gyrator of T whose second port is [#id/force, 0]", () => {
    const definition = { id: "rcv", type: "balancedArmature" as const, nodes: ["a", "b", "c"] };
    const parts = balancedArmature.expand({ ...definition, ...RECEIVER }, STANDARD_AIR);
    const motor = parts.find(
      (part) => part.id === `rcv/${balancedArmature.motor!(definition as never)}`,
    );
    expect(motor).toMatchObject({ type: "gyrator", transduction: RECEIVER.transduction });
    expect(motor!.nodes.slice(2)).toEqual(["#rcv/force", "0"]);
    expect(balancedArmature.terminalDomains).toEqual(["electrical", "electrical", "acoustic"]);
  });

  it("splits by driver: in a hybrid with a dynamic woofer the shares sum to the whole", () => {
    const hybrid = {
      tympan: 1,
      elements: [
        VOLTAGE_DRIVE,
        {
          id: "woofer",
          type: "dynamicDriver",
          nodes: ["in", "0", "f1", "b1"],
          ...MICROSPEAKER,
        },
        { id: "rear1", type: "acousticVolume", nodes: ["b1", "0"], volume: 1e-7 },
        { id: "rcv", type: "balancedArmature", nodes: ["in", "0", "f2"], ...RECEIVER },
        { id: "t1", type: "tube", nodes: ["f1", "nozzle"], radius: 0.5e-3, length: 6e-3 },
        { id: "t2", type: "tube", nodes: ["f2", "nozzle"], radius: 0.4e-3, length: 8e-3 },
        { id: "ear", type: "ear711", nodes: ["nozzle", "drum"] },
      ],
      probes: [{ id: "drum", node: "drum", byDriver: true }],
    };
    const frequencies = [100, 1000, 3000, 8000];
    const { probes } = simulate(hybrid, { frequencies });
    const [drum, woofer, receiver] = [probes.drum!, probes["drum/woofer"]!, probes["drum/rcv"]!];
    frequencies.forEach((_, f) => {
      const scale = Math.hypot(drum.re[f]!, drum.im[f]!);
      expect(Math.abs(woofer.re[f]! + receiver.re[f]! - drum.re[f]!)).toBeLessThan(1e-9 * scale);
      expect(Math.abs(woofer.im[f]! + receiver.im[f]! - drum.im[f]!)).toBeLessThan(1e-9 * scale);
    });
  });

  it("is stiffness-controlled below resonance: p = ρc²·Sd·(T·i/k_total)/V into a sealed volume", () => {
    // Tiny spout, so front cavity and load are one volume; at 10 Hz the moving mass is a 2e-5
    // correction (k − ω²m) and the losses a 1e-10 one.
    const receiver = { ...RECEIVER, spoutLength: 1e-6, spoutRadius: 1e-3 };
    const loadM3 = 1.25e-6;
    const result = simulate(intoVolume(receiver, loadM3, CURRENT_DRIVE), { frequencies: [10] });
    // The spout's own air, isothermal at 10 Hz in so narrow a bore, counts γ times its volume.
    const spoutAir =
      STANDARD_AIR.heatCapacityRatio * Math.PI * receiver.spoutRadius ** 2 * receiver.spoutLength;
    const front = receiver.frontVolume + loadM3 + spoutAir;
    const area = receiver.diaphragmArea;
    const kTotal =
      netStiffness({ ...receiver, id: "rcv", type: "balancedArmature", nodes: [] }) +
      airStiffness(area, front) +
      airStiffness(area, receiver.rearVolume);
    const omega = 2 * Math.PI * 10;
    const displacement =
      (receiver.transduction * 1e-3) / (kTotal - omega ** 2 * receiver.movingMass);
    const expected = (RHO_C2 * area * displacement) / front;
    const out = result.probes.out!;
    expect(Math.hypot(out.re[0]!, out.im[0]!) / expected - 1).toBeCloseTo(0, 6);
    // The rear cavity is sucked in by the same displacement: opposite sign.
    const rear = result.probes.rear!;
    const expectedRear = -(RHO_C2 * area * displacement) / receiver.rearVolume;
    expect(rear.re[0]! / expectedRear - 1).toBeCloseTo(0, 6);
    // The motor force is T·i.
    expect(result.probes.force!.re[0]! / (receiver.transduction * 1e-3) - 1).toBeCloseTo(0, 9);
  });

  it("gives a flat bass into a sealed volume under current drive (within 0.02 dB, 20–100 Hz)", () => {
    // The rise towards the resonance, 1/(1 − ω²m/k), is 0.017 dB at 100 Hz.
    const result = simulate(intoVolume(RECEIVER, 1.25e-6, CURRENT_DRIVE), {
      frequencies: [20, 50, 100],
    });
    const db = result.probes.out!.db;
    for (const level of db) expect(Math.abs(level - db[0]!)).toBeLessThan(0.02);
  });

  it("has Z = Re + jωLe + K·(jω)ⁿ + T²/Zm at low frequency, Zm the spring-loaded piston", () => {
    const receiver = { ...RECEIVER, spoutLength: 1e-6, spoutRadius: 1e-3 };
    const loadM3 = 1.25e-6;
    const frequency = 20;
    const result = simulate(intoVolume(receiver, loadM3, VOLTAGE_DRIVE), {
      frequencies: [frequency],
    });
    const omega = 2 * Math.PI * frequency;
    const area = receiver.diaphragmArea;
    const kTotal =
      receiver.armatureStiffness +
      receiver.diaphragmStiffness -
      receiver.magneticStiffness +
      airStiffness(area, receiver.frontVolume + loadM3) +
      airStiffness(area, receiver.rearVolume);
    // Zm = Rm + j(ωm − k/ω); T²/Zm.
    const [zmRe, zmIm] = [
      receiver.mechanicalResistance,
      omega * receiver.movingMass - kTotal / omega,
    ];
    const zmSquared = zmRe * zmRe + zmIm * zmIm;
    const t2 = receiver.transduction ** 2;
    const eddy = receiver.semiInductance * Math.sqrt(omega) * Math.SQRT1_2;
    const zRe = receiver.coilResistance + eddy + (t2 * zmRe) / zmSquared;
    const zIm = omega * receiver.coilInductance + eddy - (t2 * zmIm) / zmSquared;
    const impedance = result.inputImpedance!;
    expect(impedance.magnitudeOhm[0]! / Math.hypot(zRe, zIm) - 1).toBeCloseTo(0, 5);
    expect(impedance.phaseDeg[0]!).toBeCloseTo((Math.atan2(zIm, zRe) * 180) / Math.PI, 3);
    // Near DC the motional part is an inductance T²/k_total: |Z| is close to Re + eddy part.
    expect(impedance.magnitudeOhm[0]! / receiver.coilResistance).toBeLessThan(1.2);
  });

  it("has an impedance rising strongly above 1–2 kHz (×3 from 1 to 10 kHz)", () => {
    const result = simulate(
      {
        tympan: 1,
        elements: [
          VOLTAGE_DRIVE,
          { id: "rcv", type: "balancedArmature", nodes: ["in", "0", "out"], ...RECEIVER },
          { id: "ear", type: "ear711", nodes: ["out", "drum"] },
        ],
        probes: [{ id: "drum", node: "drum" }],
      },
      { frequencies: [100, 1000, 4000, 7000, 10000] },
    );
    const [z100, z1k, z4k, z7k, z10k] = result.inputImpedance!.magnitudeOhm as [
      number,
      number,
      number,
      number,
      number,
    ];
    expect(z1k).toBeGreaterThan(z100);
    expect(z10k).toBeGreaterThan(3 * z1k);
    expect(z7k).toBeGreaterThan(z4k);
    expect(z10k).toBeGreaterThan(z7k);
    expect(z1k).toBeGreaterThan(10);
    expect(z1k).toBeLessThan(300);
  });

  it("loses the rear cavity's stiffness through a rear vent at very low frequency", () => {
    const vented = {
      ...RECEIVER,
      spoutLength: 1e-6,
      spoutRadius: 1e-3,
      rearVentRadius: 0.3e-3,
      rearVentLength: 0.5e-3,
    };
    const loadM3 = 1.25e-6;
    const frequency = 0.05; // vent R·Sd² ≈ 0.4 N·s/m against k/ω ≈ 3000 N·s/m
    const result = simulate(intoVolume(vented, loadM3, CURRENT_DRIVE), {
      frequencies: [frequency],
    });
    const front = vented.frontVolume + loadM3;
    const kTotal =
      vented.armatureStiffness +
      vented.diaphragmStiffness -
      vented.magneticStiffness +
      airStiffness(vented.diaphragmArea, front);
    const expected =
      (RHO_C2 * vented.diaphragmArea * (vented.transduction * 1e-3)) / kTotal / front;
    const out = result.probes.out!;
    expect(Math.hypot(out.re[0]!, out.im[0]!) / expected - 1).toBeCloseTo(0, 3);
    expect(Math.hypot(result.probes.rear!.re[0]!, result.probes.rear!.im[0]!)).toBeLessThan(
      1e-3 * expected,
    );
  });

  it("leaks round the diaphragm through a diaphragm vent: the closed form at the vent's corner", () => {
    // Tiny spout: front cavity and load are one volume V1; rear V2; vent R + jωM from front to rear.
    const receiver = { ...RECEIVER, spoutLength: 1e-6, spoutRadius: 1e-3 };
    const vent = { diaphragmVentRadius: 15e-6, diaphragmVentLength: 40e-6 };
    const loadM3 = 1.25e-6;
    const air = STANDARD_AIR;
    const resistance = (8 * air.viscosityPaS * vent.diaphragmVentLength) / (Math.PI * 15e-6 ** 4);
    const inertance =
      ((4 / 3) * air.densityKgPerM3 * vent.diaphragmVentLength) / (Math.PI * 15e-6 ** 2);
    const front = receiver.frontVolume + loadM3;
    // The corner of the docs: f_v = ρc²/(2π·R_v)·(1/(V_f + V_L) + 1/V_r), about 31 Hz here.
    const cornerHz = (RHO_C2 / (2 * Math.PI * resistance)) * (1 / front + 1 / receiver.rearVolume);
    expect(cornerHz).toBeGreaterThan(10);
    expect(cornerHz).toBeLessThan(100);
    const frequencies = [cornerHz / 8, cornerHz, 8 * cornerHz];
    const vented = simulate(intoVolume({ ...receiver, ...vent }, loadM3, CURRENT_DRIVE), {
      frequencies,
    });
    const sealed = simulate(intoVolume(receiver, loadM3, CURRENT_DRIVE), { frequencies });
    type C = [number, number];
    const mul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
    const div = (a: C, b: C): C => {
      const d = b[0] * b[0] + b[1] * b[1];
      return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
    };
    const add = (a: C, b: C): C => [a[0] + b[0], a[1] + b[1]];
    const spoutAir = air.heatCapacityRatio * Math.PI * 1e-3 ** 2 * 1e-6;
    frequencies.forEach((frequency, k) => {
      const omega = 2 * Math.PI * frequency;
      const z1: C = [0, -RHO_C2 / (omega * (front + spoutAir))];
      const z2: C = [0, -RHO_C2 / (omega * receiver.rearVolume)];
      const zv: C = [resistance, omega * inertance];
      const series = add(z1, z2);
      const zAc = div(mul(series, zv), add(series, zv));
      const area = receiver.diaphragmArea;
      const zm: C = add(
        [receiver.mechanicalResistance, omega * receiver.movingMass - 680 / omega],
        [area * area * zAc[0], area * area * zAc[1]],
      );
      const velocity = div([receiver.transduction * 1e-3, 0], zm);
      const difference = mul(zAc, [area * velocity[0], area * velocity[1]]);
      const expected = Math.hypot(...mul(difference, div(z1, series)));
      const out = vented.probes.out!;
      expect(Math.hypot(out.re[k]!, out.im[k]!) / expected - 1).toBeCloseTo(0, 3);
    });
    // Three octaves below the corner the vent costs the bass about 6 dB/octave; above it nothing.
    const loss = vented.probes.out!.db.map((level, k) => level - sealed.probes.out!.db[k]!);
    expect(loss[0]).toBeLessThan(-12); // −18 dB of the leak, less the air stiffness it frees
    expect(loss[1]).toBeGreaterThan(-4);
    expect(loss[1]).toBeLessThan(-1);
    expect(Math.abs(loss[2]!)).toBeLessThan(0.2);
  });

  it("rejects a net stiffness ≤ 0, naming the element, the three values and the fix", () => {
    const unstable = { ...RECEIVER, magneticStiffness: 6500 };
    const outcome = validateDesign(intoVolume(unstable, 1e-6, VOLTAGE_DRIVE));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const issue = outcome.issues.find((candidate) => candidate.path.includes("magneticStiffness"))!;
    expect(issue.path).toEqual(["elements", 1, "magneticStiffness"]);
    expect(issue.elementIds).toEqual(["rcv"]);
    expect(issue.message).toContain('"rcv"');
    expect(issue.message).toContain("6000 + 300 − 6500 = -200.0 N/m");
    expect(issue.message).toMatch(/snap to a pole piece/);
    expect(issue.message).toMatch(/Lower magneticStiffness below 6300 N\/m/);
    expect(() =>
      simulate(intoVolume(unstable, 1e-6, VOLTAGE_DRIVE), { frequencies: [1000] }),
    ).toThrow(/snap to a pole piece/);
    // Exactly zero is rejected too: nothing would hold the armature centred.
    const marginal = { ...RECEIVER, magneticStiffness: 6300 };
    expect(validateDesign(intoVolume(marginal, 1e-6, VOLTAGE_DRIVE)).ok).toBe(false);
  });

  it("asks for both rear-vent parameters or neither", () => {
    const halfVent = { ...RECEIVER, rearVentRadius: 0.1e-3 };
    const outcome = validateDesign(intoVolume(halfVent, 1e-6, VOLTAGE_DRIVE));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0]!.path).toEqual(["elements", 1, "rearVentLength"]);
    expect(outcome.issues[0]!.message).toContain('"rcv"');
  });

  it("asks for both diaphragm-vent parameters or neither", () => {
    const halfVent = { ...RECEIVER, diaphragmVentLength: 40e-6 };
    const outcome = validateDesign(intoVolume(halfVent, 1e-6, VOLTAGE_DRIVE));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0]!.path).toEqual(["elements", 1, "diaphragmVentRadius"]);
    expect(outcome.issues[0]!.message).toContain('"rcv"');
  });

  it("uses the √(jω) semi-inductor unless told otherwise", () => {
    const definition = { id: "rcv", type: "balancedArmature" as const, nodes: ["a", "b", "c"] };
    const { semiInductanceExponent, ...withoutExponent } = RECEIVER;
    void semiInductanceExponent;
    const parts = balancedArmature.expand({ ...definition, ...withoutExponent }, STANDARD_AIR);
    expect(parts.find((part) => part.id === "rcv/eddy")).toMatchObject({
      type: "semiInductor",
      coefficient: 0.3,
      exponent: 0.5,
    });
  });
});
