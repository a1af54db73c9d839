// Issue 18: how fast harmonic balance runs, and the figures it gives.
//
// 1. THD over 100 fundamentals (20 Hz–10 kHz) for the tribrid at 94 dB SPL at the drum (issue 18's
//    speed bar: ≤ 1 s), the drive found by driveForLevel; median and minimum of
//    TYMPAN_BENCH_REPEATS runs after one warm-up (the machine may be shared: the load is printed).
// 2. What `tympan distortion <design> --spl 94` computes (the drive, then the default 31 points),
//    in process, per reference design with large-signal curves; and the whole command as a child
//    process for single-dd (Node's start and module load included), the brief's ≤ 1 s.
// 3. The figures: THD at 94 and 114 dB at 100 Hz and 1 kHz, the level at 3 % THD at 100 Hz and
//    1 kHz, and SMPTE-style IMD at the 94 dB drive.
//
// `npm run build && node bench/distortion.js`
import { execFileSync } from "node:child_process";
import console from "node:console";
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (!existsSync(join(root, "dist", "index.js"))) {
  console.error("bench/distortion.js: run `npm run build` first (dist/index.js is missing)");
  process.exit(2);
}
const { distortion, driveForLevel, intermodulation, maxSplAtThd, referenceDesign } = await import(
  join(root, "dist", "index.js")
);
const repeats = Number(process.env.TYMPAN_BENCH_REPEATS ?? 5);

function logGrid(points, fromHz = 20, toHz = 10_000) {
  return Array.from({ length: points }, (_, i) => fromHz * (toHz / fromHz) ** (i / (points - 1)));
}

/**
 * Median and minimum (ms) of `repeats` runs of `run`, after one warm-up run, wall clock and this
 * process's CPU time (on a loaded machine the wall clock waits for other processes; CPU does not).
 */
function timed(run) {
  run();
  const wall = [];
  const cpu = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    const used = process.cpuUsage();
    run();
    const spent = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((spent.user + spent.system) / 1000);
  }
  const sorted = (values) => [...values].sort((a, b) => a - b);
  const [w, c] = [sorted(wall), sorted(cpu)];
  const middle = Math.floor(repeats / 2);
  return { median: w[middle], minimum: w[0], cpuMedian: c[middle], cpuMinimum: c[0] };
}

const ms = ({ median, minimum, cpuMedian, cpuMinimum }) =>
  `median ${median.toFixed(0)} ms, min ${minimum.toFixed(0)} ms (CPU median ${cpuMedian.toFixed(0)}, min ${cpuMinimum.toFixed(0)} ms)`;

console.log(
  `distortion bench: ${cpus().length} CPUs, load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(" ")}; ${repeats} repeats`,
);

// 1. The tribrid, 100 fundamentals at 94 dB.
const tribrid = referenceDesign("tribrid-1dd-4ba-2est").design;
const hundred = logGrid(100);
const tribridTime = timed(() => {
  const voltageRms = driveForLevel(tribrid, { levelDb: 94, frequencyHz: 1000 });
  distortion(tribrid, { frequencies: hundred, voltageRms });
});
console.log(
  `tribrid THD at 94 dB over 100 frequencies (drive search included): ${ms(tribridTime)} (goal ≤ 1000 ms)`,
);

// 2. What `tympan distortion <design> --spl 94` computes, in process; then the command itself.
const designs = [
  "single-dd",
  "dual-opposed-dd",
  "single-ba",
  "quad-ba",
  "hybrid-1dd-2ba",
  "tribrid-1dd-4ba-2est",
];
const thirtyOne = logGrid(31);
for (const name of designs) {
  const design = referenceDesign(name).design;
  const time = timed(() => {
    const voltageRms = driveForLevel(design, { levelDb: 94, frequencyHz: 1000 });
    distortion(design, { frequencies: thirtyOne, voltageRms });
  });
  console.log(`  ${name.padEnd(22)} --spl 94, 31 points, in process: ${ms(time)}`);
}
const cli = join(root, "dist", "cli", "main.js");
/** Median and minimum wall time (ms) of the CLI run as a child process. */
function command(args) {
  const times = [];
  for (let r = 0; r < Math.max(3, repeats); r++) {
    const start = performance.now();
    execFileSync(process.execPath, [cli, ...args], { stdio: "ignore" });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return `median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms`;
}
console.log(
  `  tympan distortion single-dd --spl 94 (child process, Node start and module load included): ${command(["distortion", "single-dd", "--spl", "94"])} (goal ≤ 1000 ms)`,
);
console.log(`  tympan --version, the start-up alone: ${command(["--version"])}`);

// 3. The figures.
console.log(
  "\nTHD at the drum (level set at 1 kHz), 100 Hz / 1 kHz; level at 3 % THD, 100 Hz / 1 kHz; IMD at 94 dB",
);
for (const name of designs) {
  const design = referenceDesign(name).design;
  const thd = (levelDb) => {
    const voltageRms = driveForLevel(design, { levelDb, frequencyHz: 1000 });
    const result = distortion(design, { frequencies: [100, 1000], voltageRms });
    return { voltageRms, thd: result.probes.drum.thdPercent };
  };
  const at94 = thd(94);
  const at114 = thd(114);
  const max = maxSplAtThd(design, { frequencies: [100, 1000], thdPercent: 3 });
  const imd = intermodulation(design, { voltageRms: at94.voltageRms }).probes.drum.imdPercent;
  const pct = (values) => values.map((value) => `${value.toPrecision(2)} %`).join(" / ");
  const levels = max.levelDb.map(
    (value, j) =>
      `${value.toFixed(1)} dB${max.limitedBy[j] === "thd" ? "" : ` (${max.limitedBy[j]})`}`,
  );
  console.log(
    `  ${name.padEnd(22)} 94 dB: ${pct(at94.thd)}; 114 dB: ${pct(at114.thd)}; 3 % THD at ${levels.join(" / ")}; IMD ${imd.toPrecision(2)} %`,
  );
}
