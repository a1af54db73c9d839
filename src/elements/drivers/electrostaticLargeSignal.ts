import { type ElectrostaticTweeter, electrostaticCoupling } from "./electrostaticTweeter.js";

/**
 * The large-signal electrostatics of an electrostatic tweeter (P. J. Baxandall, "Electrostatic
 * loudspeakers", ch. 3 of J. Borwick (ed.), Loudspeaker and Headphone Handbook, 3rd ed., 2001;
 * P. J. Walker, "Wide range electrostatic loudspeakers", Wireless World, 1955).
 *
 * Electret (one electrode, gap d, area S, equivalent polarisation V₀): a parallel-plate capacitor
 * C(x) = ε₀S/(d − x) (x towards the electrode) carrying the total charge Q = C₀V₀ + q, q the
 * signal's charge. At constant charge the plates attract with F = Q²/(2ε₀S), whatever the gap, and
 * the voltage is Q/C(x) − V₀. With C₀ = ε₀S/d:
 *   F = C₀V₀²/(2d) + (V₀/d)·q + q²/(2C₀d),     v = q/C₀ − (V₀/d)·x − q·x/(C₀d).
 * The linear element (electrostaticTweeter.ts) holds the first-order terms: the coupling
 * φ = C₀V₀/d and the negative stiffness φ²/C₀ (F = φ·v + (φ²/C₀)·x = (V₀/d)·q); the constant pull
 * is balanced at rest. What is left is exact and quadratic: a force q²/(2C₀d) and a voltage
 * −q·x/(C₀d). Driven by a voltage with the film held still (q = C₀v), the force's second harmonic
 * over its fundamental is v̂/(4V₀): the electret's H2, the (V₀ + v)² of its force.
 *
 * Push-pull (film between two stators, constant charge on the film, as in Walker's design): the
 * film's charge sits in the uniform field v/(2d) the stators make, so the force is linear in v and
 * the pull of its own charge linear in x: no electrostatic distortion at all, which is why the
 * push-pull arrangement exists. Its remaining distortion is the film's stretching
 * (membraneLargeSignal.ts), which this element does not take.
 */
export interface ElectretNonlinearity {
  /** C₀ = ε₀S/d, F. */
  readonly blockedCapacitance: number;
  /** d, m. */
  readonly gap: number;
}

/** The electret's quadratic terms' constants; undefined for push-pull (linear electrostatics). */
export function electretNonlinearity(
  tweeter: ElectrostaticTweeter,
): ElectretNonlinearity | undefined {
  if (tweeter.configuration !== "electret") return undefined;
  return {
    blockedCapacitance: electrostaticCoupling(tweeter).blockedCapacitance,
    gap: tweeter.gap,
  };
}
