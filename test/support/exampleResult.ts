/**
 * A deterministic `SimulationResult` of a made-up hybrid IEM, built from closed forms instead of the
 * solver, for the plot tests, the snapshot and documentation examples. The shapes are plausible (bass
 * shelf, ear-gain peak near 3 kHz, 711 quarter-wave dip, leak roll-off, driver resonance in |Z|) but
 * the numbers describe no real product.
 */
import { logFrequencies } from "../../src/core/frequencyGrid.js";
import type { SimulationResult } from "../../src/simulate/result.js";

export interface ExampleResultOptions {
  readonly points: number;
}

export const EXAMPLE_RESULT_DEFAULTS: ExampleResultOptions = { points: 200 };

export function exampleResult(options: Partial<ExampleResultOptions> = {}): SimulationResult {
  const { points } = { ...EXAMPLE_RESULT_DEFAULTS, ...options };
  const frequencyHz = Array.from(logFrequencies({ fromHz: 20, toHz: 20_000, points }));
  const sealed = frequencyHz.map((f) => 98 + bassShelfDb(f) + earGainDb(f) + trebleDb(f));
  const leaky = frequencyHz.map((f, i) => (sealed[i] ?? 0) + leakDb(f));
  const impedance = frequencyHz.map(impedanceOhm);
  const sourceOhm = 2;
  const terminalDb = impedance.map(
    (z) => 20 * Math.log10(z.magnitude / hypot(z.re + sourceOhm, z.im)),
  );
  return {
    frequencyHz,
    probes: {
      drum: probe("acoustic", sealed),
      "drum, leaky seal": probe("acoustic", leaky),
      terminals: probe("electrical", terminalDb),
    },
    inputImpedance: {
      magnitudeOhm: impedance.map((z) => z.magnitude),
      phaseDeg: impedance.map((z) => (Math.atan2(z.im, z.re) * 180) / Math.PI),
    },
    warnings: [
      {
        code: "ear711-extrapolated",
        severity: "note",
        path: [],
        message:
          "The IEC 60318-4 (711) ear simulator is standardised for 100 Hz–10 kHz; outside that range its " +
          "load is extrapolated and the curve is indicative only.",
      },
    ],
  };
}

/** Only `db` matters to the charts; re/im/phase are filled consistently with a zero phase. */
function probe(domain: "acoustic" | "electrical", db: number[]) {
  const reference = domain === "acoustic" ? 20e-6 : 1;
  const re = db.map((level) => reference * 10 ** (level / 20));
  return { domain, re, im: db.map(() => 0), db, phaseDeg: db.map(() => 0) };
}

/** +6 dB low shelf around 150 Hz (a dynamic woofer's bass lift). */
function bassShelfDb(f: number): number {
  return 6 / (1 + (f / 150) ** 2);
}

/** Ear gain: a broad +9 dB resonance at 2.8 kHz and the 711's quarter-wave dip near 8.5 kHz. */
function earGainDb(f: number): number {
  return peakDb(f, 2800, 1.2, 9) + peakDb(f, 8500, 4, -7);
}

/** BA tweeter extension with a roll-off above 16 kHz. */
function trebleDb(f: number): number {
  return -10 * Math.log10(1 + (f / 16_000) ** 6);
}

/** A leak acts as a first-order high-pass at 250 Hz on the bass. */
function leakDb(f: number): number {
  return 20 * Math.log10(f / Math.hypot(f, 250));
}

/** A resonance of gain `gainDb` at `f0` with quality factor `q`, as a smooth bump in dB. */
function peakDb(f: number, f0: number, q: number, gainDb: number): number {
  const detune = q * (f / f0 - f0 / f);
  return gainDb / (1 + detune * detune);
}

/** Re + jωLe in series with a parallel motional resonance at 90 Hz (Rm 14 Ω, Q 2). */
function impedanceOhm(f: number): { re: number; im: number; magnitude: number } {
  const omega = 2 * Math.PI * f;
  const detune = 2 * (f / 90 - 90 / f);
  const denominator = 1 + detune * detune;
  const re = 16 + 14 / denominator;
  const im = omega * 0.25e-3 - (14 * detune) / denominator;
  return { re, im, magnitude: hypot(re, im) };
}

function hypot(a: number, b: number): number {
  return Math.sqrt(a * a + b * b);
}
