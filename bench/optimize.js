// Issue 17, parts 2–3: how fast the optimiser and the tolerance analysis run through the compiled
// design, and the two questions the issue asks them.
//
// 1. Evaluations per second of compileDesign(…).evaluate(changes) on the optimiser's grid (the
//    preference model's 121 points) and on 200 log points, one parameter changed per evaluation,
//    after 300 warm-up evaluations (the first ones run before the JIT has compiled the solver).
// 2. `optimizeDesign` wall time: hybrid-1dd-2ba retuned with stock parts (both first-order
//    high-passes and the mid damper free, rating objective, seed 1) — issue 17's question 4b.
// 3. `toleranceAnalysis` on hybrid-1dd-2ba, catalogue defaults, 200 points: 500 and 5000 units on
//    one thread against `toleranceAnalysisInWorkers` on one thread per core (this one and the rest
//    as worker threads, each starting, loading the library and compiling the design on its own;
//    the bytes are the same), interleaved, medians and minimums of 3, with the load average: the
//    workers only pay when cores are idle.
// 4. How far a ±20 % damper tolerance moves single-ba (question 4a): the response at 1200 and
//    1800 cgs Ω against 1500, and the Monte Carlo 5–95 % band with only the damper toleranced.
//
// `npm run build && node bench/optimize.js`
import console from "node:console";
import { existsSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (!existsSync(join(root, "dist", "index.js"))) {
  console.error("bench/optimize.js: run `npm run build` first (dist/index.js is missing)");
  process.exit(2);
}
const tympan = await import(join(root, "dist", "index.js"));
const { toleranceAnalysisInWorkers } = await import(join(root, "dist", "node", "index.js"));
const {
  compileDesign,
  optimizeDesign,
  referenceDesign,
  simulate,
  toleranceAnalysis,
  TUNING_GRID_HZ,
} = tympan;

await main();

function logGrid(points) {
  return Array.from({ length: points }, (_, i) => 20 * 1000 ** (i / (points - 1)));
}

function evaluationsPerSecond(name, elementId, parameter, frequencies) {
  const design = referenceDesign(name).design;
  const lean = { ...design, probes: design.probes.map(({ id, node }) => ({ id, node })) };
  const compiled = compileDesign(lean, { frequencies });
  const value = design.elements.find((element) => element.id === elementId)[parameter];
  const step = (k) => [{ elementId, parameter, value: value * (1 + 0.01 * (k % 7)) }];
  for (let k = 0; k < 300; k++) compiled.evaluate(step(k));
  let count = 0;
  const began = performance.now();
  while (performance.now() - began < 2000) compiled.evaluate(step(count++));
  return count / ((performance.now() - began) / 1000);
}

async function main() {
  const load = () =>
    `load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(", ")} over 1, 5, 15 min on ${cpus().length} CPUs`;
  console.log(`(${load()}: rates and wall times drop on a loaded machine)\n`);
  console.log("1. Evaluations per second through the compiled design (after 300 warm-up):");
  for (const [name, id, parameter] of [
    ["single-ba", "damper", "ratingCgsOhm"],
    ["hybrid-1dd-2ba", "Rmid", "resistance"],
    ["tribrid-1dd-4ba-2est", "ddFrontVentDamper", "ratingCgsOhm"],
  ]) {
    const tuning = evaluationsPerSecond(name, id, parameter, TUNING_GRID_HZ);
    const points200 = evaluationsPerSecond(name, id, parameter, logGrid(200));
    console.log(
      `   ${name.padEnd(22)} ${tuning.toFixed(0).padStart(5)}/s at 121 points, ${points200.toFixed(0).padStart(5)}/s at 200 points (${id}.${parameter} changed each time)`,
    );
  }

  console.log("\n2. optimize hybrid-1dd-2ba with stock parts (rating objective, seed 1):");
  const hybrid = referenceDesign("hybrid-1dd-2ba").design;
  let began = performance.now();
  const tuned = optimizeDesign(hybrid, {
    free: [
      "Cmid.capacitance",
      "Rmid.resistance",
      "midDamper.ratingCgsOhm",
      "Ctweeter.capacitance",
      "Rtweeter.resistance",
    ],
  });
  const seconds = (performance.now() - began) / 1000;
  const figures = (f) => `rating ${f.rating.toFixed(1)}, error ${f.rmsErrorDb.toFixed(2)} dB rms`;
  console.log(
    `   ${seconds.toFixed(1)} s, ${tuned.evaluations.total} evaluations (global ${tuned.evaluations.global}, local ${tuned.evaluations.local}, snapping ${tuned.evaluations.snap}): ${(tuned.evaluations.total / seconds).toFixed(0)} evaluations/s with scoring`,
  );
  console.log(`   before ${figures(tuned.before)}`);
  console.log(`   continuous optimum ${figures(tuned.continuous)}`);
  console.log(`   after (stock parts) ${figures(tuned.after)}`);
  for (const v of tuned.values)
    console.log(
      `   ${`${v.elementId}.${v.parameter}`.padEnd(24)} ${v.before} → ${Number(v.continuous.toPrecision(4))} → ${v.after} ${v.unit} (${v.snappedTo})`,
    );

  console.log("\n3. tolerance hybrid-1dd-2ba at 200 points, catalogue defaults, seed 1:");
  const analysis = toleranceAnalysis(hybrid, { runs: 500, seed: 1, spec: { withinDb: 3 } });
  console.log(
    `   500 units: yield ±3 dB ${(100 * analysis.yield.share).toFixed(1)} %, random pairs ±1 dB ${(100 * analysis.pairMatching.randomPairs).toFixed(1)} %, binned ${(100 * analysis.pairMatching.binnedPairs).toFixed(1)} %`,
  );
  console.log(
    `   ranking: ${analysis.ranking.parts
      .slice(0, 5)
      .map((p) => `${p.elementId}.${p.quantity} ${(100 * p.share).toFixed(0)} %`)
      .join(", ")}; unexplained ${(100 * analysis.ranking.unexplained).toFixed(0)} %`,
  );
  const threads = availableParallelism();
  for (const runs of [500, 5000]) {
    const single = [];
    const parallel = [];
    let same = true;
    console.log(`   ${runs} units (${load()} before):`);
    for (let k = 0; k < 3; k++) {
      began = performance.now();
      const one = toleranceAnalysis(hybrid, { runs, seed: 1, spec: { withinDb: 3 } });
      single.push((performance.now() - began) / 1000);
      began = performance.now();
      const many = await toleranceAnalysisInWorkers(hybrid, {
        runs,
        seed: 1,
        spec: { withinDb: 3 },
        workers: threads,
      });
      parallel.push((performance.now() - began) / 1000);
      same &&= JSON.stringify(one) === JSON.stringify(many);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[1];
    const figure = (xs) => `${median(xs).toFixed(2)} s (${Math.min(...xs).toFixed(2)} s)`;
    console.log(
      `     one thread ${figure(single)}, ${(runs / median(single)).toFixed(0)} units/s; ${threads} threads ${figure(parallel)}: ${(median(single) / median(parallel)).toFixed(2)}× the speed of one (min ${(Math.min(...single) / Math.min(...parallel)).toFixed(2)}×); same bytes: ${same ? "yes" : "NO"}`,
    );
  }
  console.log(`   (${load()} after)`);

  console.log("\n4. single-ba's damper at ±20 % (1500 cgs Ω):");
  const singleBa = referenceDesign("single-ba").design;
  const frequencies = logGrid(200);
  const at = (rating) =>
    simulate(
      {
        ...singleBa,
        elements: singleBa.elements.map((e) =>
          e.id === "damper" ? { ...e, ratingCgsOhm: rating } : e,
        ),
      },
      { frequencies },
    ).probes.drum.db;
  const nominal = at(1500);
  for (const rating of [1200, 1800]) {
    const response = at(rating);
    let worst = 0;
    let worstHz = 0;
    response.forEach((value, i) => {
      if (Math.abs(value - nominal[i]) > Math.abs(worst))
        [worst, worstHz] = [value - nominal[i], frequencies[i]];
    });
    const below1k = Math.max(
      ...response.map((v, i) => (frequencies[i] < 1000 ? Math.abs(v - nominal[i]) : 0)),
    );
    console.log(
      `   ${rating} cgs Ω: at most ${worst.toFixed(2)} dB at ${worstHz.toFixed(0)} Hz; below 1 kHz at most ${below1k.toFixed(2)} dB`,
    );
  }
  const damperOnly = toleranceAnalysis(singleBa, {
    runs: 500,
    tolerances: ["*=0", "damper.ratingCgsOhm=20"],
    spec: { withinDb: 1 },
  });
  const bands = damperOnly.probes.drum;
  let widest = 0;
  let widestHz = 0;
  bands.p5.forEach((low, i) => {
    if (bands.p95[i] - low > widest)
      [widest, widestHz] = [bands.p95[i] - low, damperOnly.frequencyHz[i]];
  });
  console.log(
    `   Monte Carlo (500 units, damper only): 5–95 % band at most ${widest.toFixed(2)} dB wide (at ${widestHz.toFixed(0)} Hz); ${(100 * damperOnly.yield.share).toFixed(1)} % within ±1 dB of nominal 20 Hz–10 kHz; random pairs within ±1 dB ${(100 * damperOnly.pairMatching.randomPairs).toFixed(1)} %`,
  );
  const full = toleranceAnalysis(singleBa, { runs: 500, spec: { withinDb: 3 } });
  console.log(
    `   with every default tolerance: damper ${(100 * full.ranking.parts.find((p) => p.elementId === "damper").share).toFixed(1)} % of the variance, ${full.ranking.parts
      .slice(0, 3)
      .map((p) => `${p.elementId}.${p.quantity} ${(100 * p.share).toFixed(0)} %`)
      .join(", ")}`,
  );
  console.log(`\n(${load()} at the end)`);
}
