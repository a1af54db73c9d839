/**
 * Integrates `derivative` with fixed-step fourth-order Runge–Kutta from `initial` for `periods`
 * periods of `dt · stepsPerPeriod`, samples `observe(state)` over the last period, and returns the
 * magnitudes of its harmonics 0…`harmonics` (peak; the mean for 0) by a discrete Fourier sum. The
 * independent time-domain reference the harmonic-balance tests are checked against.
 */
export function rk4SteadyStateHarmonics(
  derivative: (t: number, state: readonly number[]) => number[],
  initial: readonly number[],
  observe: (state: readonly number[]) => number,
  options: { dt: number; periods: number; stepsPerPeriod: number; harmonics: number },
): number[] {
  const { dt } = options;
  let state = [...initial];
  let t = 0;
  const total = options.periods * options.stepsPerPeriod;
  const samples: number[] = [];
  for (let step = 0; step < total; step++) {
    if (step >= total - options.stepsPerPeriod) samples.push(observe(state));
    const k1 = derivative(t, state);
    const k2 = derivative(
      t + dt / 2,
      state.map((s, n) => s + (dt / 2) * k1[n]!),
    );
    const k3 = derivative(
      t + dt / 2,
      state.map((s, n) => s + (dt / 2) * k2[n]!),
    );
    const k4 = derivative(
      t + dt,
      state.map((s, n) => s + dt * k3[n]!),
    );
    state = state.map((s, n) => s + (dt / 6) * (k1[n]! + 2 * k2[n]! + 2 * k3[n]! + k4[n]!));
    t += dt;
  }
  const n = samples.length;
  const magnitudes: number[] = [];
  for (let k = 0; k <= options.harmonics; k++) {
    let a = 0;
    let b = 0;
    for (let m = 0; m < n; m++) {
      a += samples[m]! * Math.cos((2 * Math.PI * k * m) / n);
      b += samples[m]! * Math.sin((2 * Math.PI * k * m) / n);
    }
    magnitudes.push(((k === 0 ? 1 : 2) * Math.hypot(a, b)) / n);
  }
  return magnitudes;
}
