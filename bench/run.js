// Tympan benchmarks, printed side by side in one run (`npm run bench` builds first, then runs this).
//
// (a) A 200-section RLC ladder (series 1 Ω + 100 µH, shunt 1 µF, 10 Ω load; 401 nodes) at 1000
//     log-spaced points, 20 Hz–20 kHz, output node v(n200):
//     - Tympan: `simulate()` in this process — validation, network compilation, LU ordering, the
//       sweep and the result arrays — wall clock (performance.now), median of repetitions after
//       warm-up runs.
//     - ngspice: the native executable when one is on PATH (Debian: apt-get install ngspice; or set
//       NGSPICE=/path): one batch session runs `ac dec 333 20 20k` repeatedly, `.save v(n200)`, and
//       after each run reads ngspice's own "AC analysis time" from `rusage all` (its CPU-time
//       counter, cumulative, 1 ms resolution; per-run time = difference). That covers loading,
//       factoring and solving the matrix at every point and storing the saved vector; it leaves
//       out netlist parsing and setup, which Tympan's figure includes. Without a native ngspice the
//       WebAssembly build (npm eecircuit-engine) is timed instead, wall clock around runSim() —
//       clearly labelled, since WebAssembly is not native speed.
//     - Tympan again, the sweep of the compiled network alone (validated, compiled and ordered once,
//       as an optimiser runs it): the work ngspice's figure covers.
// (b) The docs/physics.md §8 case D design (examples/case-d.json): time per 1000-point sweep, 20 Hz–20 kHz,
//     by simulate() and by the sweep of the compiled design.
//
// (c) The tribrid reference design (examples/tribrid-1dd-4ba-2est.json), the same two timings.
//
// (d) The tribrid compiled once (compileDesign) and evaluated with one parameter changed per call, as
//     the web designer's redraw and the optimiser run it: per-driver shares and input impedance
//     included, at 200 and at 1000 log points.
//
// Goals (DESIGN.md, issues 13 and 17): simulate() of the ladder ≤ 0.5× ngspice's analysis time (goal
// 0.25×); case D ≤ 2 ms per sweep; tribrid ≤ 2 ms per 1000-point sweep and ≥ 500 evaluations per
// second at 200 points; a designer redraw (one evaluation) ≤ 16 ms. Each is judged by the median or,
// where the machine's drift pushed the median over, by the 10th percentile (timing.js's verdict),
// and both are printed.
import console from "node:console";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import {
  FROM_HZ,
  POINTS,
  SECTIONS,
  TO_HZ,
  findNgspice,
  median,
  ms,
  nativeLadder,
  wasmLadder,
} from "./ngspiceLadder.js";
import { ladderDesign, logGrid, quantile, sideBySide, timeRuns, verdict } from "./timing.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (!existsSync(join(root, "dist", "index.js"))) {
  console.error("dist/index.js is missing: run `npm run build` first (npm run bench does).");
  process.exit(1);
}
const { simulate, compileDesign, validateDesign, STANDARD_AIR } = await import("../dist/index.js");
// The solver's internals, not part of the public API: a benchmark of the solver may reach them.
const { compileNetwork } = await import("../dist/simulate/compileNetwork.js");
const { FrequencySweep } = await import("../dist/simulate/sweep.js");
// TYMPAN_BENCH_BASELINE=/path/to/another/build/index.js: (c) and (d) also time that build (e.g. an
// earlier commit's dist, or an esbuild bundle of it), interleaved with this one call by call, and
// print both with the ratio of each interleaved pair (a loaded machine slows both alike).
const baseline = process.env.TYMPAN_BENCH_BASELINE
  ? await importBaseline(process.env.TYMPAN_BENCH_BASELINE)
  : undefined;

/**
 * The baseline's public API, and (when it is a tsc build laid out as this one) its solver's
 * internals beside it, for (c)'s sweep; a bundle without them times only (d).
 */
async function importBaseline(path) {
  const api = await import(path);
  const beside = (file) => join(dirname(path), file);
  const internals = {};
  if (existsSync(beside("simulate/compileNetwork.js")) && existsSync(beside("simulate/sweep.js"))) {
    internals.compileNetwork = (await import(beside("simulate/compileNetwork.js"))).compileNetwork;
    internals.FrequencySweep = (await import(beside("simulate/sweep.js"))).FrequencySweep;
  }
  return { ...api, ...internals };
}

/**
 * The repeated part of a simulation, as an optimiser or an interactive edit runs it: the design is
 * validated and compiled once, then every call is a sweep (assemble, factorise, solve at each
 * frequency) — the same work ngspice's "AC analysis time" covers.
 */
function compiledSweep(
  design,
  lib = { validateDesign, compileNetwork, FrequencySweep, STANDARD_AIR },
  sweepOptions = {},
) {
  const valid = lib.validateDesign(design);
  if (!valid.ok) throw new Error(valid.issues[0].message);
  const compiled = lib.compileNetwork(valid.value, lib.STANDARD_AIR);
  if (!compiled.ok) throw new Error(compiled.issues[0].message);
  const { network } = compiled;
  const outputs = valid.value.probes.map((probe) => network.unknownOfNode.get(probe.node));
  const source = network.inputSource;
  return new lib.FrequencySweep(network, outputs, {
    ...(source ? { inputBranch: source.branch } : {}),
    ...sweepOptions,
  });
}

// ---------------------------------------------------------------------------------------------

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(
  `Tympan benchmarks — Node ${process.version}, ${process.platform} ${process.arch}, ${cpu}`,
);
console.log(
  `(medians and minimums; Tympan timed in this process with performance.now; load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(
      ", ",
    )} over 1, 5, 15 min on ${cpus().length} CPUs: a loaded machine slows the medians, the minimums less)\n`,
);

// (a) ladder
const frequencies = logGrid();
const design = ladderDesign();
let tympanOut;
const tympanTimes = timeRuns(
  () => {
    tympanOut = simulate(design, { frequencies });
  },
  { warmup: 5, runs: 61 },
);
const tympanMedian = median(tympanTimes);
const ladderSweep = compiledSweep(design);
const sweepTimes = timeRuns(() => ladderSweep.run(frequencies), { warmup: 5, runs: 61 });
const sweepMedian = median(sweepTimes);
console.log(
  `(a) ${SECTIONS}-section RLC ladder (${2 * SECTIONS + 1} nodes), ${POINTS} log points ${FROM_HZ} Hz–${TO_HZ / 1000} kHz, output v(n${SECTIONS})`,
);
console.log(
  `    Tympan simulate(), in-process  ${ms(tympanMedian).padStart(8)} ms   (61 runs after 5 warm-up; 10th percentile ${ms(quantile(tympanTimes, 0.1))} ms, min ${ms(Math.min(...tympanTimes))} ms; validation, compilation and ordering included)`,
);
console.log(
  `    Tympan sweep, compiled network ${ms(sweepMedian).padStart(8)} ms   (61 runs after 5 warm-up; 10th percentile ${ms(quantile(sweepTimes, 0.1))} ms, min ${ms(Math.min(...sweepTimes))} ms; the work ngspice's analysis time covers)`,
);

const binary = findNgspice();
let spice = null;
try {
  spice = binary ? nativeLadder(binary, 10) : await wasmLadder(5);
} catch (error) {
  console.log(`    ngspice: ${String(error.message ?? error)}`);
}
if (spice === null) {
  console.log(
    "    ngspice: none found (no ngspice on PATH, eecircuit-engine not installed) — comparison skipped",
  );
} else {
  const spiceMedian = median(spice.times);
  console.log(`    ngspice ${ms(spiceMedian).padStart(8)} ms   ${spice.label}`);
  console.log(`        measured as ${spice.how}`);
  if (spice.breakdown) console.log(`        of which ${spice.breakdown}`);
  if (spice.processWallMs) {
    console.log(
      `        (whole ngspice process for all ${spice.times.length + 1} runs, startup included: ${ms(spice.processWallMs)} ms wall)`,
    );
  }
  // The same rule as every time goal here (see timing.js's verdict): the median, or where the
  // machine's drift pushed the median over, the 10th percentile; both printed.
  for (const [what, times] of [
    ["simulate()", tympanTimes],
    ["sweep", sweepTimes],
  ]) {
    const ratio = median(times) / spiceMedian;
    const atFullSpeed = quantile(times, 0.1) / spiceMedian;
    console.log(
      `    Tympan ${what} / ngspice = ${ratio.toFixed(2)}× (10th percentile ${atFullSpeed.toFixed(2)}×)  → goal ≤ 0.5× (stretch 0.25×) ${verdict(times, 0.5 * spiceMedian)}${binary ? "" : " (against ngspice in WebAssembly: not native speed)"}`,
    );
  }
  const ours = tympanOut.probes.out;
  let worst = 0;
  ours.re.forEach((re, i) => {
    const theirs = spice.magnitudes[i];
    worst = Math.max(worst, Math.abs(Math.hypot(re, ours.im[i]) - theirs) / theirs);
  });
  console.log(
    `    same answer: |v(n${SECTIONS})| differs by at most ${worst.toExponential(1)} relative over the ${POINTS} points`,
  );
}

/**
 * Times one example design: simulate() (validation, compilation and the sweep, as an interactive edit
 * runs it) and the sweep of the compiled design alone, each the median of 101 runs after 20 warm-up.
 */
function benchDesign(label, file, goalMs) {
  const path = join(root, "examples", file);
  if (!existsSync(path)) {
    console.log(`${label}: examples/${file} does not exist — skipped`);
    return;
  }
  const design = JSON.parse(readFileSync(path, "utf8"));
  const grid = logGrid();
  try {
    const times = timeRuns(() => simulate(design, { frequencies: grid }), {
      warmup: 20,
      runs: 101,
    });
    const m = median(times);
    const sweep = compiledSweep(design);
    const sweepTimes = timeRuns(() => sweep.run(grid), { warmup: 20, runs: 301 });
    const mSweep = median(sweepTimes);
    const skipped = sweep.headsSkipped;
    // The same sweep with every frequency factorised whole: what a run costs after an edit inside
    // a driver (whose inner unknowns are the head the repeated sweep skips).
    const whole = compiledSweep(design, undefined, { keepHead: false });
    const wholeTimes = timeRuns(() => whole.run(grid), { warmup: 20, runs: 101 });
    console.log(
      `${label} (${design.name ?? file}), ${POINTS} log points ${FROM_HZ} Hz–${TO_HZ / 1000} kHz`,
    );
    console.log(
      `    Tympan simulate(), in-process  ${ms(m).padStart(8)} ms per sweep   (min ${ms(Math.min(...times))} ms; ${(1000 / m).toFixed(0)} design evaluations per second)`,
    );
    console.log(
      `    Tympan sweep, compiled design  ${ms(mSweep).padStart(8)} ms   (10th percentile ${ms(quantile(sweepTimes, 0.1))} ms, min ${ms(Math.min(...sweepTimes))} ms, 301 runs; the head of the factor kept at ${skipped} of ${grid.length} frequencies)`,
    );
    console.log(
      `      … factorised whole each time ${ms(median(wholeTimes)).padStart(6)} ms   (min ${ms(Math.min(...wholeTimes))} ms; as after an edit inside a driver)`,
    );
    console.log(
      `    goal ≤ ${goalMs} ms per sweep → ${verdict(sweepTimes, goalMs)} (sweep of the compiled design)`,
    );
    if (baseline) {
      let theirs;
      try {
        theirs = compiledSweep(design, baseline);
      } catch (error) {
        theirs = {
          run: () => {
            throw error;
          },
        };
      }
      sideBySide(
        "sweep, side by side",
        () => sweep.run(grid),
        () => theirs.run(grid),
        {
          warmup: 20,
          rounds: 101,
        },
      );
    }
    return { simulateMs: m, sweepMs: mSweep };
  } catch (error) {
    console.log(`${label}: simulate() failed — ${String(error.message ?? error)}`);
  }
}

console.log("");
benchDesign("(b) case D", "case-d.json", 2);
console.log("");
// (c) The tribrid reference design: 1 DD, 4 BAs, 2 ESTs with their transformers, crossover, bores,
//     dampers and the 711, with per-driver shares at the drum (DESIGN.md: ≤ 5 ms per sweep, ≥ 200
//     design evaluations per second).
benchDesign("(c) tribrid", "tribrid-1dd-4ba-2est.json", 2);

// (d) compiled design, one edit per evaluation
{
  const design = JSON.parse(
    readFileSync(join(root, "examples", "tribrid-1dd-4ba-2est.json"), "utf8"),
  );
  const grid = (points) => {
    const step = Math.log(TO_HZ / FROM_HZ) / (points - 1);
    return Array.from({ length: points }, (_, i) => FROM_HZ * Math.exp(i * step));
  };
  console.log("");
  console.log(
    "(d) tribrid compiled once (compileDesign), evaluate() with one parameter changed per call (Rmid resistance cycling 1–7 Ω; shares and impedance included)",
  );
  for (const points of [200, 1000]) {
    const compiled = compileDesign(design, { frequencies: grid(points) });
    let call = 0;
    const edit = () =>
      compiled.evaluate([{ elementId: "Rmid", parameter: "resistance", value: 1 + (call++ % 7) }]);
    const times = timeRuns(edit, { warmup: 20, runs: 201 });
    const m = median(times);
    const perSecond = 1000 / m;
    const plain = median(
      timeRuns(() => simulate(design, { frequencies: grid(points) }), { warmup: 5, runs: 31 }),
    );
    console.log(
      `    ${String(points).padStart(4)} points: evaluate ${ms(m).padStart(6)} ms (10th percentile ${ms(quantile(times, 0.1))} ms, min ${ms(Math.min(...times))} ms) = ${perSecond.toFixed(0)} evaluations/s; simulate() ${ms(plain)} ms`,
    );
    if (baseline) {
      let theirs;
      try {
        theirs = baseline.compileDesign(design, { frequencies: grid(points) });
      } catch (error) {
        theirs = {
          evaluate: () => {
            throw error;
          },
        };
      }
      let theirCall = 0;
      sideBySide(
        "evaluate, side by side",
        edit,
        () =>
          theirs.evaluate([
            { elementId: "Rmid", parameter: "resistance", value: 1 + (theirCall++ % 7) },
          ]),
        { warmup: 20, rounds: 201 },
      );
    }
    if (points === 200) {
      console.log(
        `    goal ≥ 500 evaluations/s (≤ 2 ms each) at 200 points → ${verdict(times, 2)}; designer redraw ≤ 16 ms → ${verdict(times, 16)} (the computation only, no drawing)`,
      );
    }
  }
  // An edit inside a driver changes the head of the factor: every frequency is factorised whole.
  for (const points of [200, 1000]) {
    const compiled = compileDesign(design, { frequencies: grid(points) });
    let call = 0;
    const times = timeRuns(
      () =>
        compiled.evaluate([
          { elementId: "midA", parameter: "transduction", value: 2.2 + 0.05 * (call++ % 7) },
        ]),
      { warmup: 20, runs: 101 },
    );
    console.log(
      `    ${String(points).padStart(4)} points, midA transduction changed instead (a driver: the head recomputed): evaluate ${ms(median(times)).padStart(6)} ms (min ${ms(Math.min(...times))} ms) = ${(1000 / median(times)).toFixed(0)} evaluations/s`,
    );
  }
}
console.log(
  `\nload average at the end: ${loadavg()
    .map((value) => value.toFixed(2))
    .join(", ")}`,
);
