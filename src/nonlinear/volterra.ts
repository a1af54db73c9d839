import type { LargeSignalCurves } from "../elements/drivers/largeSignal.js";
import { type Harmonics, PeriodTransform } from "./harmonics.js";
import { largeSignalSources } from "./largeSignalSources.js";
import { emfInput, forceInput } from "./linearPorts.js";
import type { PeriodResponse } from "./periodResponse.js";
import { HIGHEST_ORDER, orderAlgebra } from "./signalAlgebra.js";

/**
 * The weakly nonlinear path: the first terms of the Volterra series of the whole network, by
 * perturbation in the drive level ε. The linear solution is order 1 (x₁, i₁ at ω). Its products
 * through the curves are the order-2 sources (at 0 and 2ω); the network's response to them is
 * x₂, i₂; the order-3 sources (at ω and 3ω) come from x₁ and x₂ together (a quadratic term acting
 * on x₁ and x₂, a cubic one on x₁ alone). So H2 ∝ ε² and H3 ∝ ε³ exactly — doubling the drive
 * raises H2 by 12 dB and H3 by 18 dB — and both are the leading terms of what harmonic balance
 * finds, to which they converge as the level falls (a few hundredths of a dB at 0.1 % THD).
 * One pass, no iteration: the fast path for low levels. Higher harmonics and the fundamental's
 * compression are of higher order and not given.
 *
 * Returns the sources per input (index 0 unused) whose harmonic 2 is of order 2 and harmonic 3 of
 * order 3: the probes' H2 and H3 follow through PeriodResponse.respond.
 */
export function volterraSources(
  response: PeriodResponse,
  curves: readonly LargeSignalCurves[],
  drivePeak: number,
): (Harmonics | undefined)[] {
  const transform = new PeriodTransform(3, 16);
  const n = transform.samples;
  const algebra = orderAlgebra(n);
  const series = curves.map(() => ({
    x: new Float64Array(HIGHEST_ORDER * n),
    v: new Float64Array(HIGHEST_ORDER * n),
    i: new Float64Array(HIGHEST_ORDER * n),
  }));
  const place = (
    order: number,
    state: (c: number) => { x: Harmonics; i: Harmonics },
    keep: (k: number) => boolean,
  ) => {
    series.forEach((signals, c) => {
      const { x, i } = state(c);
      const only = (h: Harmonics): Harmonics => ({
        re: h.re.map((value, k) => (keep(k) ? value : 0)),
        im: h.im.map((value, k) => (keep(k) ? value : 0)),
      });
      signals.x.set(transform.toSamples(only(x)), (order - 1) * n);
      signals.v.set(transform.toSamples(response.velocityOf(only(x))), (order - 1) * n);
      signals.i.set(transform.toSamples(only(i)), (order - 1) * n);
    });
  };
  const sourcesOfOrder = (order: number) => {
    const sources: (Harmonics | undefined)[] = [];
    series.forEach((signals, c) => {
      const terms = largeSignalSources(algebra, curves[c]!, signals.x, signals.v, signals.i);
      const part = (values: Float64Array) => transform.toHarmonics(values, (order - 1) * n);
      sources[emfInput(c)] = response.emfOf(part(terms.emf), part(terms.flux));
      sources[forceInput(c)] = part(terms.force);
    });
    return sources;
  };
  place(
    1,
    (c) => response.coilState(c, drivePeak, []),
    (k) => k === 1,
  );
  const second = sourcesOfOrder(2);
  place(
    2,
    (c) => response.coilState(c, 0, second),
    (k) => k === 0 || k === 2,
  );
  const third = sourcesOfOrder(3);
  // Harmonic 2 from the order-2 sources, harmonic 3 from the order-3 ones.
  return second.map((source, input) => {
    const other = third[input];
    if (source === undefined || other === undefined) return undefined;
    const re = new Float64Array(4);
    const im = new Float64Array(4);
    [re[2], im[2]] = [source.re[2]!, source.im[2]!];
    [re[3], im[3]] = [other.re[3]!, other.im[3]!];
    return { re, im };
  });
}
