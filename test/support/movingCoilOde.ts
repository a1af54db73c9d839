/**
 * An independent reference for the nonlinear solvers: a moving-coil driver in a closed volume
 * integrated in time by classical fourth-order Runge–Kutta, from Klippel's equations written
 * directly (no network, no harmonic balance):
 *   Le(x)·di/dt = u(t) − Re·i − Bl(x)·v − Le′(x)·v·i,
 *   Mms·dv/dt  = Bl(x)·i + ½·i²·Le′(x) − Rms·v − Kms(x)·x − Sd·p,   dx/dt = v,
 * with the front pressure of the sealed volume p = Sd·x/Ca (Ca = V/(ρc²), an ideal compliance) and
 * the back open (0 Pa). Drive u = √2·U·cos(ωt). It runs until the transient has decayed and returns
 * the harmonics of p over the last period by a direct DFT (peak phasors).
 */
import { rk4SteadyStateHarmonics } from "./rk4Harmonics.js";

export interface OdeDriver {
  readonly re: number;
  readonly le: number;
  readonly bl: number;
  readonly mms: number;
  readonly cms: number;
  readonly rms: number;
  readonly sd: number;
  /** Coefficients of x¹, x², … */
  readonly bl1to4: readonly number[];
  readonly kms1to4: readonly number[];
  readonly le1to4: readonly number[];
}

const poly = (c0: number, c: readonly number[], x: number) =>
  c.reduce((sum, value, k) => sum + value * x ** (k + 1), c0);
const slope = (c: readonly number[], x: number) =>
  c.reduce((sum, value, k) => sum + (k + 1) * value * x ** k, 0);

export function closedBoxHarmonics(
  driver: OdeDriver,
  complianceM3Pa: number,
  voltageRms: number,
  frequencyHz: number,
  options: { periods: number; stepsPerPeriod: number; harmonics: number },
): { magnitudePa: number[] } {
  const { re, le, bl, mms, cms, rms, sd } = driver;
  const omega = 2 * Math.PI * frequencyHz;
  const dt = 1 / (frequencyHz * options.stepsPerPeriod);
  const amplitude = Math.SQRT2 * voltageRms;
  const derivative = (t: number, s: readonly number[]): number[] => {
    const [x, v, i] = s as [number, number, number];
    const blx = poly(bl, driver.bl1to4, x);
    const lex = poly(le, driver.le1to4, x);
    const dle = slope(driver.le1to4, x);
    const kx = poly(1 / cms, driver.kms1to4, x);
    const p = (sd * x) / complianceM3Pa;
    const u = amplitude * Math.cos(omega * t);
    return [
      v,
      (blx * i + 0.5 * i * i * dle - rms * v - kx * x - sd * p) / mms,
      (u - re * i - blx * v - dle * v * i) / lex,
    ];
  };
  const magnitudePa = rk4SteadyStateHarmonics(
    derivative,
    [0, 0, 0],
    (state) => (sd * state[0]!) / complianceM3Pa,
    { dt, ...options },
  );
  return { magnitudePa };
}
