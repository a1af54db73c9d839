/**
 * Closed-form checks of the solver and the elements: RC/RL corners, cavity pressure, Helmholtz
 * resonance, the closed-tube quarter wave, gyrator and transformer identities, the cgs-ohm factor.
 */
import { describe, expect, it } from "vitest";
import { logFrequencies, simulate, STANDARD_AIR } from "../../src/index.js";

type Element = Record<string, unknown>;

function run(elements: Element[], probes: string[], frequencies: number[]) {
  return simulate(
    { tympan: 1, elements, probes: probes.map((node) => ({ id: node, node })) },
    { frequencies },
  );
}

/** Complex value of a probe at index i. */
const at = (probe: { re: number[]; im: number[] }, i: number) =>
  [probe.re[i]!, probe.im[i]!] as const;

/** Impedance (re, im) from a 1 A / 1 m³/s flow source: the potential itself. */
function drivenImpedance(
  elements: Element[],
  node: string,
  frequencies: number[],
  domainSource = "currentSource",
  alsoProbed: string[] = [],
) {
  const flow = domainSource === "currentSource" ? { current: 1 } : { volumeVelocity: 1 };
  const result = run(
    [{ id: "drive", type: domainSource, nodes: [node, "0"], ...flow }, ...elements],
    [node, ...alsoProbed],
    frequencies,
  );
  return frequencies.map((_, i) => at(result.probes[node]!, i));
}

describe("closed forms", () => {
  it("an RC low-pass is 3.01 dB down with −45° at f = 1/(2πRC)", () => {
    const resistance = 1000;
    const capacitance = 1e-7;
    const corner = 1 / (2 * Math.PI * resistance * capacitance);
    const result = run(
      [
        { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
        { id: "r", type: "resistor", nodes: ["in", "out"], resistance },
        { id: "c", type: "capacitor", nodes: ["out", "0"], capacitance },
      ],
      ["out"],
      [corner],
    );
    expect(result.probes.out!.db[0]).toBeCloseTo(-10 * Math.log10(2), 10);
    expect(result.probes.out!.phaseDeg[0]).toBeCloseTo(-45, 9);
    // The source sees R + 1/(jωC): |Z| = R√2 at the corner.
    expect(result.inputImpedance!.magnitudeOhm[0]).toBeCloseTo(resistance * Math.SQRT2, 7);
    expect(result.inputImpedance!.phaseDeg[0]).toBeCloseTo(-45, 9);
  });

  it("an RL high-pass is 3.01 dB down with +45° at f = R/(2πL)", () => {
    const resistance = 8;
    const inductance = 1e-3;
    const corner = resistance / (2 * Math.PI * inductance);
    const result = run(
      [
        { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
        { id: "r", type: "resistor", nodes: ["in", "out"], resistance },
        { id: "l", type: "inductor", nodes: ["out", "0"], inductance },
      ],
      ["out"],
      [corner],
    );
    expect(result.probes.out!.db[0]).toBeCloseTo(-10 * Math.log10(2), 10);
    expect(result.probes.out!.phaseDeg[0]).toBeCloseTo(45, 9);
  });

  it("a source's output impedance divides its voltage with the load", () => {
    const result = run(
      [
        { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 2, outputImpedance: 10 },
        { id: "load", type: "resistor", nodes: ["in", "0"], resistance: 30 },
      ],
      ["in"],
      [1000],
    );
    expect(result.probes.in!.re[0]).toBeCloseTo(1.5, 12);
    // The impedance seen by the source is its load, not its own output impedance.
    expect(result.inputImpedance!.magnitudeOhm[0]).toBeCloseTo(30, 10);
  });

  it("a cavity driven by volume velocity U has pressure U·ρc²/(jωV)", () => {
    const volume = 1e-7;
    const frequencies = [20, 1000, 20_000];
    const values = drivenImpedance(
      [{ id: "cavity", type: "acousticVolume", nodes: ["c", "0"], volume }],
      "c",
      frequencies,
      "volumeVelocitySource",
    );
    const rhoC2 = STANDARD_AIR.densityKgPerM3 * STANDARD_AIR.speedOfSoundMPerS ** 2;
    frequencies.forEach((frequency, i) => {
      const expected = -rhoC2 / (2 * Math.PI * frequency * volume);
      expect(values[i]![0] / Math.abs(expected)).toBeLessThan(1e-12);
      expect(values[i]![1] / expected).toBeCloseTo(1, 12);
    });
  });

  it("a duct into a cavity resonates at the Helmholtz frequency 1/(2π√(M·C))", () => {
    // Pressure source → duct → cavity: the cavity pressure peaks where the mass and compliance resonate.
    const radius = 0.5e-3;
    const length = 3e-3;
    const volume = 1e-6;
    const mass = ((4 / 3) * STANDARD_AIR.densityKgPerM3 * length) / (Math.PI * radius ** 2);
    const compliance = volume / (STANDARD_AIR.densityKgPerM3 * STANDARD_AIR.speedOfSoundMPerS ** 2);
    const helmholtz = 1 / (2 * Math.PI * Math.sqrt(mass * compliance));
    const frequencies = Array.from(
      logFrequencies({ fromHz: helmholtz / 2, toHz: helmholtz * 2, points: 20001 }),
    );
    const result = run(
      [
        { id: "p", type: "pressureSource", nodes: ["out", "0"], pressure: 1 },
        { id: "vent", type: "duct", nodes: ["out", "c"], radius, length },
        { id: "cavity", type: "acousticVolume", nodes: ["c", "0"], volume },
      ],
      ["c"],
      frequencies,
    );
    // At resonance the cavity pressure lags the source by exactly 90°, whatever the duct's resistance.
    const phase = result.probes.c!.phaseDeg;
    const crossing = phase.findIndex((value) => value < -90);
    expect(frequencies[crossing]! / helmholtz).toBeCloseTo(1, 3);
  });

  it("a rigidly closed lossless tube's input impedance vanishes at c/4L (quarter wave)", () => {
    const length = 25e-3;
    const quarterWave = STANDARD_AIR.speedOfSoundMPerS / (4 * length);
    // Nothing else is connected at b, so no volume velocity leaves there: a rigid closed end
    // (a probe on b declares the one-terminal node deliberate).
    const frequencies = [quarterWave * 0.999, quarterWave, quarterWave * 1.001];
    const values = drivenImpedance(
      [{ id: "t", type: "tube", nodes: ["a", "b"], radius: 0.75e-3, length, model: "lossless" }],
      "a",
      frequencies,
      "volumeVelocitySource",
      ["b"],
    );
    const magnitudes = values.map(([re, im]) => Math.hypot(re, im));
    const characteristic =
      (STANDARD_AIR.densityKgPerM3 * STANDARD_AIR.speedOfSoundMPerS) / (Math.PI * 0.75e-3 ** 2);
    // Zin = −jZc·cot(kL): zero at kL = π/2, and ≈ Zc·(π/2)·1e-3 a tenth of a percent away.
    expect(magnitudes[1]! / characteristic).toBeLessThan(1e-6);
    expect(magnitudes[0]! / characteristic).toBeCloseTo((Math.PI / 2) * 1e-3, 5);
  });

  it("a gyrator turns a load Z into T²/Z", () => {
    const transduction = 3;
    const load = 50;
    const values = drivenImpedance(
      [
        { id: "g", type: "gyrator", nodes: ["a", "0", "b", "0"], transduction },
        { id: "load", type: "resistor", nodes: ["b", "0"], resistance: load },
      ],
      "a",
      [1000],
    );
    expect(values[0]![0]).toBeCloseTo((transduction * transduction) / load, 12);
    expect(Math.abs(values[0]![1])).toBeLessThan(1e-12);
  });

  it("a gyrator turns a capacitor into an inductor: Z = jω·T²C", () => {
    const transduction = 2;
    const capacitance = 1e-6;
    const frequency = 1234;
    const values = drivenImpedance(
      [
        { id: "g", type: "gyrator", nodes: ["a", "0", "b", "0"], transduction },
        { id: "c", type: "capacitor", nodes: ["b", "0"], capacitance },
      ],
      "a",
      [frequency],
    );
    expect(values[0]![1] / (2 * Math.PI * frequency * transduction ** 2 * capacitance)).toBeCloseTo(
      1,
      12,
    );
  });

  it("a 1:n transformer scales voltage by n and reflects a load Z as Z/n²", () => {
    const ratio = 20;
    const load = 40_000;
    const result = run(
      [
        { id: "v", type: "voltageSource", nodes: ["p", "0"], voltage: 1 },
        { id: "x", type: "transformer", nodes: ["p", "0", "s", "0"], ratio },
        { id: "load", type: "resistor", nodes: ["s", "0"], resistance: load },
      ],
      ["s"],
      [5000],
    );
    expect(result.probes.s!.re[0]).toBeCloseTo(ratio, 10);
    expect(result.inputImpedance!.magnitudeOhm[0]).toBeCloseTo(load / ratio ** 2, 9);
  });

  it("a 1500 Ω damper is 1.5e8 Pa·s/m³: 1 cgs acoustic ohm = 1e5 SI acoustic ohms", () => {
    const values = drivenImpedance(
      [{ id: "d", type: "damper", nodes: ["a", "0"], ratingCgsOhm: 1500 }],
      "a",
      [1000],
      "volumeVelocitySource",
    );
    expect(values[0]![0]).toBeCloseTo(1.5e8, 0);
  });

  it("a duct has the Poiseuille resistance and 4/3 mass: 8 holes r 0.41 mm × 0.5 mm → R 1.0686e5, M 190.94", () => {
    // docs/physics.md §5: the microspeaker's rear vent.
    const frequency = 1000;
    const values = drivenImpedance(
      [{ id: "vent", type: "duct", nodes: ["a", "0"], radius: 0.41e-3, length: 0.5e-3, count: 8 }],
      "a",
      [frequency],
      "volumeVelocitySource",
    );
    expect(values[0]![0] / 1.0686e5).toBeCloseTo(1, 3);
    expect(values[0]![1] / (2 * Math.PI * frequency) / 190.94).toBeCloseTo(1, 4);
  });
});
