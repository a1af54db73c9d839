import { expect } from "vitest";
import type { CompiledDesign } from "../../src/simulate/compiledDesign.js";
import type { SimulationResult } from "../../src/simulate/result.js";
import type { FrequencySweep } from "../../src/simulate/sweep.js";

/** Every number of both results, compared bit for bit (Object.is: −0 and 0 differ). */
export function expectSameResultBits(
  a: SimulationResult,
  b: SimulationResult,
  label: string,
): void {
  expect(Object.keys(a.probes), label).toEqual(Object.keys(b.probes));
  for (const [id, probe] of Object.entries(b.probes)) {
    const got = a.probes[id]!;
    for (const key of ["re", "im", "db"] as const) {
      const same = probe[key].every((value, f) => Object.is(got[key][f], value));
      expect(same, `${label}: ${id}.${key}`).toBe(true);
    }
  }
  const za = a.inputImpedance?.magnitudeOhm ?? [];
  const zb = b.inputImpedance?.magnitudeOhm ?? [];
  expect(
    zb.every((value, f) => Object.is(za[f], value)),
    `${label}: impedance`,
  ).toBe(true);
}

/** A compiled design's sweep (private: tests read it to see which path a run took). */
export function sweepOf(compiled: CompiledDesign): FrequencySweep {
  return (compiled as unknown as { sweep: FrequencySweep }).sweep;
}

/**
 * Makes a compiled design's sweep take the general path at every frequency — one at a time (no
 * PairSteps), the head factorised with the rest (no HeadCache) — for comparing the faster paths
 * with it; returns the design.
 */
export function oneAtATime(compiled: CompiledDesign): CompiledDesign {
  const sweep = sweepOf(compiled) as unknown as { keepHead: boolean; pairs: boolean };
  sweep.keepHead = false;
  sweep.pairs = false;
  return compiled;
}
