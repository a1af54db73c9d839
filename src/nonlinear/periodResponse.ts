import type { Harmonics, PeriodTransform } from "./harmonics.js";
import { type PortTransfers, cutInput } from "./linearPorts.js";
import type { NonlinearElement } from "./nonlinearElements.js";
import { sampleAlgebra } from "./signalAlgebra.js";

/**
 * The linear multi-port (linearPorts.ts) at the harmonics k·ω of one fundamental ω, and the two
 * steps both nonlinear solvers repeat: signals → the sources the nonlinear elements make from them
 * (evaluated in time over one period), and sources → the network's response at each harmonic.
 *
 * The drive is a set of harmonics of ω (one, k = 1, for a sine; two for a two-tone test), each a
 * peak cosine of the design's voltage source. The mean (k = 0) is where asymmetric curves shift
 * a rest position. A network is not solved at 0 Hz (masses and inductors have no admittance
 * there), so the mean is read at DC_PROXY_HZ, far below any IEM's resonances and leaks; an
 * integrated signal (a displacement, a charge, a volume) is flow/(jω) there.
 */
export const DC_PROXY_HZ = 1e-3;

/** The drive: peak volts (cosine phase) per harmonic of the fundamental. */
export type Drive = ReadonlyMap<number, number>;

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
   * Output `output` at harmonic k for the drive and the sources per input (index 0 unused), into
   * out = [re, im]. `integrate` divides by jkω (the real part at k = 0, see DC_PROXY_HZ).
   */
  respond(
    k: number,
    output: number,
    drive: Drive,
    sources: readonly (Harmonics | undefined)[],
    out: Float64Array,
    integrate = false,
  ): void {
    const column = this.indexOf(k);
    const { re, im } = this.transfers;
    const driveAt = drive.get(k) ?? 0;
    let sumRe = driveAt * re[0]![output]![column]!;
    let sumIm = driveAt * im[0]![output]![column]!;
    for (let input = 1; input < sources.length; input++) {
      const source = sources[input];
      if (source === undefined) continue;
      const [tr, ti] = [re[input]![output]![column]!, im[input]![output]![column]!];
      const [sr, si] = [source.re[k]!, source.im[k]!];
      sumRe += tr * sr - ti * si;
      sumIm += tr * si + ti * sr;
    }
    if (integrate) {
      const w = k === 0 ? 2 * Math.PI * DC_PROXY_HZ : k * this.omega;
      // (a + jb)/(jw) = b/w − j·a/w
      [sumRe, sumIm] = [sumIm / w, -sumRe / w];
    }
    if (k === 0) sumIm = 0;
    out[0] = sumRe;
    out[1] = sumIm;
  }

  /** Signal s (cut s's flow, or its integral) at every harmonic, peak phasors. */
  signal(
    s: number,
    integrated: boolean,
    drive: Drive,
    sources: readonly (Harmonics | undefined)[],
  ): Harmonics {
    const size = this.harmonics + 1;
    const signal = { re: new Float64Array(size), im: new Float64Array(size) };
    const out = new Float64Array(2);
    for (let k = 0; k < size; k++) {
      this.respond(k, s, drive, sources, out, integrated);
      signal.re[k] = out[0]!;
      signal.im[k] = out[1]!;
    }
    return signal;
  }

  /** The harmonics jkω·X of a signal's rate of change. */
  rateOf(x: Harmonics): Harmonics {
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
   * The sources every element makes from the signals (peak harmonics, signal s at index s),
   * through one period of `transform` samples, written into `sources` at the cuts' inputs.
   */
  elementSources(
    elements: readonly NonlinearElement[],
    signals: readonly Harmonics[],
    transform: PeriodTransform,
    sources: (Harmonics | undefined)[],
  ): void {
    const algebra = sampleAlgebra(transform.samples);
    let first = 0;
    for (const element of elements) {
      const count = element.cuts.length;
      const own = signals.slice(first, first + count);
      const terms = element.terms(
        algebra,
        own.map((signal) => transform.toSamples(signal)),
        own.map((signal) => transform.toSamples(this.rateOf(signal))),
      );
      terms.forEach((term, c) => {
        sources[cutInput(first + c)] = this.sourceOf(
          transform.toHarmonics(term.direct),
          term.flux && transform.toHarmonics(term.flux),
        );
      });
      first += count;
    }
  }

  /** direct + d flux/dt, harmonic by harmonic. */
  sourceOf(direct: Harmonics, flux: Harmonics | undefined): Harmonics {
    if (flux === undefined) return direct;
    const re = new Float64Array(direct.re.length);
    const im = new Float64Array(direct.re.length);
    for (let k = 0; k < direct.re.length; k++) {
      const w = k * this.omega;
      re[k] = direct.re[k]! - w * flux.im[k]!;
      im[k] = direct.im[k]! + w * flux.re[k]!;
    }
    return { re, im };
  }
}

/** Which signals are integrated, element by element, cut by cut. */
export function integratedSignals(elements: readonly NonlinearElement[]): boolean[] {
  return elements.flatMap((element) => [...element.integrated]);
}
