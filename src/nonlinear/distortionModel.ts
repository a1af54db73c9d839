import type { Air } from "../core/air.js";
import type { Design } from "../design/design.js";
import { solvePeriod } from "./harmonicBalance.js";
import { type Harmonics, PeriodTransform, samplesFor } from "./harmonics.js";
import { LinearPorts } from "./linearPorts.js";
import { DC_PROXY_HZ, type Drive, PeriodResponse } from "./periodResponse.js";
import { volterraSources } from "./volterra.js";

/** How the harmonics are computed (see harmonicBalance.ts and volterra.ts). */
export type DistortionMethod = "harmonic-balance" | "volterra";

/** Harmonics harmonic balance carries beyond those reported, so the reported ones are accurate. */
export const EXTRA_HARMONICS = 3;

/** One fundamental solved at one level: each probe's harmonics (rms phasors, index k = 1…N). */
export interface LevelSolution {
  readonly probes: readonly Harmonics[];
  /** The nonlinear sources found: a start for a nearby level. */
  readonly sources: readonly (Harmonics | undefined)[];
  readonly converged: boolean;
}

/**
 * A design prepared for distortion at a set of fundamentals: the network compiled once with its
 * cuts, its transfers swept once at every harmonic of every fundamental, the period transform
 * built once. Each level at each fundamental is then only the nonlinear solve (harmonic balance
 * or Volterra) on a few dozen unknowns: what sweeps over levels (the drive for a level, the level
 * for a THD) reuse. Internal to nonlinear/.
 */
export class DistortionModel {
  readonly ports: LinearPorts;
  readonly frequencies: readonly number[];
  /** Harmonics reported (N) and solved (K). */
  readonly reported: number;
  readonly solved: number;
  readonly method: DistortionMethod;
  private readonly responses: PeriodResponse[];
  private readonly transform: PeriodTransform;

  constructor(
    design: Design,
    air: Air,
    options: {
      frequencies: readonly number[];
      harmonics: number;
      method: DistortionMethod;
      adiabaticCavities?: boolean;
    },
  ) {
    this.ports = new LinearPorts(design, air, {
      adiabaticCavities: options.adiabaticCavities ?? false,
    });
    this.frequencies = [...options.frequencies];
    this.method = options.method;
    this.reported =
      options.method === "volterra" ? Math.min(options.harmonics, 3) : options.harmonics;
    const solved = options.method === "volterra" ? 3 : options.harmonics + EXTRA_HARMONICS;
    this.solved = solved;
    // Columns: the DC proxy, then harmonics 1…K of each fundamental.
    const grid = [DC_PROXY_HZ];
    for (const f of this.frequencies) for (let k = 1; k <= solved; k++) grid.push(k * f);
    const transfers = this.ports.transfers(grid);
    this.responses = this.frequencies.map(
      (f, j) =>
        new PeriodResponse(transfers, f, solved, (k) => (k === 0 ? 0 : 1 + j * solved + (k - 1))),
    );
    const degree = Math.max(2, ...this.ports.elements.map((element) => element.degree));
    this.transform = new PeriodTransform(solved, samplesFor(solved, degree));
  }

  /** Whether any element is nonlinear. */
  get nonlinear(): boolean {
    return this.ports.elements.length > 0;
  }

  /** Fundamental j at `voltageRms`, Newton starting from `start` when given. */
  solve(j: number, voltageRms: number, start?: readonly (Harmonics | undefined)[]): LevelSolution {
    const response = this.responses[j]!;
    const drivePeak = Math.SQRT2 * voltageRms;
    const drive: Drive = new Map([[1, drivePeak]]);
    let sources: readonly (Harmonics | undefined)[] = [];
    let converged = true;
    if (this.nonlinear) {
      if (this.method === "volterra")
        sources = volterraSources(response, this.ports.elements, drivePeak);
      else {
        const solution = solvePeriod(response, this.ports.elements, drive, this.transform, start);
        converged = solution.converged;
        sources = solution.sources;
      }
    }
    const out = new Float64Array(2);
    const probes = this.ports.probes.map((_, p) => {
      const re = new Float64Array(this.reported + 1);
      const im = new Float64Array(this.reported + 1);
      for (let k = 1; k <= this.reported; k++) {
        // The Volterra path's fundamental is the linear one (its compression is of order 3).
        const through = k === 1 && this.method === "volterra" ? [] : sources;
        response.respond(k, this.ports.probeOutput(p), drive, through, out);
        re[k] = out[0]! / Math.SQRT2;
        im[k] = out[1]! / Math.SQRT2;
      }
      return { re, im };
    });
    return { probes, sources, converged };
  }
}

/** √(Σₖ≥₂ |Hₖ|²)/|H₁| × 100 over harmonics 2…N (0 without a fundamental). */
export function thdPercentOf(harmonics: Harmonics, highest: number): number {
  const magnitude = (k: number) => Math.hypot(harmonics.re[k]!, harmonics.im[k]!);
  let sum = 0;
  for (let k = 2; k <= highest; k++) sum += magnitude(k) ** 2;
  const fundamental = magnitude(1);
  return fundamental > 0 ? (100 * Math.sqrt(sum)) / fundamental : 0;
}
