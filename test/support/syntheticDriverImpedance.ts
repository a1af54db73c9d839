// A dynamic driver's impedance from its Thiele–Small figures, for the fitting tests: the model
// thieleSmallFromImpedance fits, Z = Re + jωLe + Res/(1 + jQms(f/fs − fs/f)) with Res = Re·Qms/Qes
// (docs/physics.md §5), on a log grid from 10 Hz over 11 octaves, optionally with a seeded jitter.
import type { Curve } from "../../src/core/curve.js";

export interface DriverFigures {
  readonly reOhm: number;
  readonly leH: number;
  readonly fsHz: number;
  readonly qes: number;
  readonly qms: number;
}

/** The curve; `jitter` scales |Z| by (1 + jitter·u), u from a linear congruential sequence. */
export function syntheticDriverImpedance(
  figures: DriverFigures,
  {
    phase = true,
    jitter = 0,
    seed = 12345,
    pointsPerOctave = 48,
    name = "synthetic.zma",
  }: {
    phase?: boolean;
    jitter?: number;
    seed?: number;
    pointsPerOctave?: number;
    name?: string;
  } = {},
): Curve {
  const frequencyHz = Array.from(
    { length: pointsPerOctave * 11 + 1 },
    (_, k) => 10 * 2 ** (k / pointsPerOctave),
  );
  // Repeatable to the last digit.
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const z = frequencyHz.map((f) => {
    const res = (figures.reOhm * figures.qms) / figures.qes;
    const y = figures.qms * (f / figures.fsHz - figures.fsHz / f);
    return [
      figures.reOhm + res / (1 + y * y),
      2 * Math.PI * f * figures.leH - (res * y) / (1 + y * y),
    ] as const;
  });
  return {
    kind: "impedance",
    frequencyHz,
    values: z.map(([re, im]) => Math.hypot(re, im) * (1 + jitter * random())),
    ...(phase ? { phaseDeg: z.map(([re, im]) => (Math.atan2(im, re) * 180) / Math.PI) } : {}),
    name,
  };
}
