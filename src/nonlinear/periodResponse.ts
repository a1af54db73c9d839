import type { LargeSignalCurves } from "../elements/drivers/largeSignal.js";
import type { Harmonics, PeriodTransform } from "./harmonics.js";
import { largeSignalSources } from "./largeSignalSources.js";
import {
  type PortTransfers,
  currentOutput,
  emfInput,
  forceInput,
  velocityOutput,
} from "./linearPorts.js";
import { sampleAlgebra } from "./signalAlgebra.js";

/**
 * The linear multi-port (linearPorts.ts) at the harmonics k·ω of one fundamental ω, and the two
 * steps both nonlinear solvers repeat: coil signals → the sources their curves make (evaluated in
 * time over one period), and sources → the network's response at each harmonic.
 *
 * The mean (k = 0) is where asymmetric curves shift the coil's rest position. A network is not
 * solved at 0 Hz (masses and inductors have no admittance there), so the mean is read at
 * DC_PROXY_HZ, far below any IEM's resonances and leaks; a displacement is velocity/(jω) there.
 */
export const DC_PROXY_HZ = 1e-3;

export class PeriodResponse {
  readonly omega: number;
  readonly harmonics: number;
  private readonly transfers: PortTransfers;
  private readonly indexOf: (k: number) => number;

  /** `indexOf(k)` is harmonic k's column in `transfers` (k = 0: the one at DC_PROXY_HZ). */
  constructor(
    transfers: PortTransfers,
    fundamentalHz: number,
    harmonics: number,
    indexOf: (k: number) => number,
  ) {
    this.transfers = transfers;
    this.omega = 2 * Math.PI * fundamentalHz;
    this.harmonics = harmonics;
    this.indexOf = indexOf;
  }

  /**
   * Output `output` at harmonic k for a drive of `drivePeak` volts (peak, at k = 1) and the
   * sources per input (index 0 unused), into out = [re, im]. `velocityToDisplacement` divides by
   * jkω (the real part at k = 0, see DC_PROXY_HZ).
   */
  respond(
    k: number,
    output: number,
    drivePeak: number,
    sources: readonly (Harmonics | undefined)[],
    out: Float64Array,
    velocityToDisplacement = false,
  ): void {
    const column = this.indexOf(k);
    const { re, im } = this.transfers;
    let sumRe = k === 1 ? drivePeak * re[0]![output]![column]! : 0;
    let sumIm = k === 1 ? drivePeak * im[0]![output]![column]! : 0;
    for (let input = 1; input < sources.length; input++) {
      const source = sources[input];
      if (source === undefined) continue;
      const [tr, ti] = [re[input]![output]![column]!, im[input]![output]![column]!];
      const [sr, si] = [source.re[k]!, source.im[k]!];
      sumRe += tr * sr - ti * si;
      sumIm += tr * si + ti * sr;
    }
    if (velocityToDisplacement) {
      const w = k === 0 ? 2 * Math.PI * DC_PROXY_HZ : k * this.omega;
      // (a + jb)/(jw) = b/w − j·a/w
      [sumRe, sumIm] = [sumIm / w, -sumRe / w];
    }
    if (k === 0) sumIm = 0;
    out[0] = sumRe;
    out[1] = sumIm;
  }

  /** Coil c's displacement (m) and current (A) at every harmonic, peak phasors. */
  coilState(
    c: number,
    drivePeak: number,
    sources: readonly (Harmonics | undefined)[],
  ): { x: Harmonics; i: Harmonics } {
    const size = this.harmonics + 1;
    const x = { re: new Float64Array(size), im: new Float64Array(size) };
    const i = { re: new Float64Array(size), im: new Float64Array(size) };
    const out = new Float64Array(2);
    for (let k = 0; k < size; k++) {
      this.respond(k, velocityOutput(c), drivePeak, sources, out, true);
      [x.re[k], x.im[k]] = [out[0]!, out[1]!];
      this.respond(k, currentOutput(c), drivePeak, sources, out);
      [i.re[k], i.im[k]] = [out[0]!, out[1]!];
    }
    return { x, i };
  }

  /** The velocity harmonics jkω·X of a displacement. */
  velocityOf(x: Harmonics): Harmonics {
    const re = new Float64Array(x.re.length);
    const im = new Float64Array(x.re.length);
    for (let k = 1; k < x.re.length; k++) {
      const w = k * this.omega;
      re[k] = -w * x.im[k]!;
      im[k] = w * x.re[k]!;
    }
    return { re, im };
  }

  /**
   * The emf and force inputs coil c's curves make from its displacement and current (peak
   * harmonics), through one period of `transform` samples: e = −(ΔBl·v + jkω·ΔLe·i), f as in
   * largeSignalSources.ts. Written into `sources` at the coil's inputs.
   */
  coilSources(
    c: number,
    curves: LargeSignalCurves,
    x: Harmonics,
    i: Harmonics,
    transform: PeriodTransform,
    sources: (Harmonics | undefined)[],
  ): void {
    const algebra = sampleAlgebra(transform.samples);
    const terms = largeSignalSources(
      algebra,
      curves,
      transform.toSamples(x),
      transform.toSamples(this.velocityOf(x)),
      transform.toSamples(i),
    );
    sources[emfInput(c)] = this.emfOf(
      transform.toHarmonics(terms.emf),
      transform.toHarmonics(terms.flux),
    );
    sources[forceInput(c)] = transform.toHarmonics(terms.force);
  }

  /** e = −(emf + d flux/dt), harmonic by harmonic. */
  emfOf(emf: Harmonics, flux: Harmonics): Harmonics {
    const re = new Float64Array(emf.re.length);
    const im = new Float64Array(emf.re.length);
    for (let k = 0; k < emf.re.length; k++) {
      const w = k * this.omega;
      re[k] = -(emf.re[k]! - w * flux.im[k]!);
      im[k] = -(emf.im[k]! + w * flux.re[k]!);
    }
    return { re, im };
  }
}
