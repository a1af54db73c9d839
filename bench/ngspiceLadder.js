// The 200-section ladder of bench/run.js in ngspice: the netlist, and its AC analysis timed by a
// native ngspice (its own "AC analysis time") or, without one, by the WebAssembly build.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";

export const SECTIONS = 200;
export const POINTS = 1000;
export const FROM_HZ = 20;
export const TO_HZ = 20_000;

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function ladderNetlist(body) {
  const lines = [`* ${SECTIONS}-section RLC ladder`, "V1 n0 0 DC 0 AC 1"];
  for (let i = 0; i < SECTIONS; i++) {
    lines.push(`R${i} n${i} m${i} 1`, `L${i} m${i} n${i + 1} 1e-4`, `C${i} n${i + 1} 0 1e-6`);
  }
  lines.push(`RL n${SECTIONS} 0 10`, ".options noopac", `.save v(n${SECTIONS})`, ...body, ".end");
  return lines.join("\n") + "\n";
}

export function findNgspice() {
  if (process.env.NGSPICE) return existsSync(process.env.NGSPICE) ? process.env.NGSPICE : null;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, "ngspice"))) return join(dir, "ngspice");
  }
  return null;
}

/** Reads |V| of the last variable of a one-plot complex binary raw file. */
function rawMagnitudes(buffer) {
  const marker = buffer.indexOf("Binary:\n", 0, "latin1");
  const header = buffer.subarray(0, marker).toString("latin1");
  const variables = Number(/No\. Variables:\s*(\d+)/.exec(header)[1]);
  const points = Number(/No\. Points:\s*(\d+)/.exec(header)[1]);
  const offset = marker + "Binary:\n".length;
  return Array.from({ length: points }, (_, p) => {
    const at = offset + (p * variables + variables - 1) * 16;
    return Math.hypot(buffer.readDoubleLE(at), buffer.readDoubleLE(at + 8));
  });
}

export function nativeLadder(binary, runs) {
  const dir = mkdtempSync(join(tmpdir(), "tympan-bench-"));
  try {
    const raw = join(dir, "ladder.raw");
    const body = [".control", "set filetype=binary"];
    for (let i = 0; i < runs + 1; i++) {
      body.push(`ac dec 333 ${FROM_HZ} ${TO_HZ / 1000}k`, "rusage all");
      body.push(i === runs ? `write ${raw} v(n${SECTIONS})` : "destroy all");
    }
    body.push("quit", ".endc");
    const cir = join(dir, "ladder.cir");
    writeFileSync(cir, ladderNetlist(body));
    const started = performance.now();
    const run = spawnSync(binary, ["-b", cir], { cwd: dir, encoding: "utf8", timeout: 600_000 });
    const wall = performance.now() - started;
    const log = `${run.stdout}\n${run.stderr}`;
    const cumulative = (label) =>
      [...log.matchAll(new RegExp(`^${label} = ([0-9.eE+-]+)`, "gm"))].map((m) => Number(m[1]));
    const analysis = cumulative("AC analysis time");
    if (run.status !== 0 || analysis.length !== runs + 1 || !existsSync(raw)) {
      throw new Error(`ngspice run failed (exit ${run.status}):\n${log.slice(-2000)}`);
    }
    const perRun = (values) => values.slice(1).map((v, i) => (v - values[i]) * 1000);
    const version = /ngspice-[\w.+-]+/.exec(
      spawnSync(binary, ["-v"], { encoding: "utf8" }).stdout ?? "",
    )?.[0];
    const load = perRun(cumulative("AC load time"));
    const factor = perRun(cumulative("AC factor time"));
    const solve = perRun(cumulative("AC solve time"));
    return {
      label: `${version ?? "ngspice"} native (${binary})`,
      how: `ngspice's own "AC analysis time" (rusage, CPU time, 1 ms resolution), ${runs} runs after 1 warm-up in one batch session`,
      times: perRun(analysis),
      breakdown: `load ${ms(median(load))} + factor ${ms(median(factor))} + solve ${ms(median(solve))} ms`,
      processWallMs: wall,
      magnitudes: rawMagnitudes(readFileSync(raw)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function wasmLadder(runs) {
  let Simulation;
  try {
    ({ Simulation } = await import("eecircuit-engine"));
  } catch {
    return null;
  }
  const sim = new Simulation();
  await sim.start();
  sim.setNetList(ladderNetlist([`.ac dec 333 ${FROM_HZ} ${TO_HZ / 1000}k`]));
  const times = [];
  let result;
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    result = await sim.runSim();
    if (i > 0) times.push(performance.now() - start);
  }
  const version = /ngspice-[\w.+-]+/.exec(sim.getInitInfo())?.[0] ?? "ngspice";
  const out = result.data.find((d) => d.name.toLowerCase() === `v(n${SECTIONS})`);
  return {
    label: `${version} WebAssembly (npm eecircuit-engine) — NOT native: no native ngspice found`,
    how: `wall clock around runSim() (includes netlist parsing and result conversion), ${runs} runs after 1 warm-up`,
    times,
    magnitudes: out.values.map((v) => Math.hypot(v.real, v.img)),
  };
}
