/**
 * The two ways the golden comparison runs ngspice, behind one interface:
 * - "wasm": the npm package `eecircuit-engine` (ngspice 45 with KLU, compiled to WebAssembly), a
 *   devDependency, so it is present wherever `npm ci` ran. Results arrive as float64 arrays decoded
 *   from ngspice's binary raw output, i.e. at full double precision.
 * - "native": Debian's `ngspice` executable (39.x, Sparse 1.3 solver), run in batch mode with
 *   `-r file.raw`, which writes a *binary* raw file; parseBinaryRaw below reads its float64 values,
 *   so again nothing is lost to printing.
 * Both return the complex node voltages of an `.ac` analysis keyed by lowercase SPICE vector name
 * (`v(n1)`, `i(v1)`, …) plus the frequency vector ngspice actually used.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

export interface ComplexVector {
  re: Float64Array;
  im: Float64Array;
}

export interface AcResult {
  frequencyHz: Float64Array;
  /** Lowercase SPICE vector name → complex values, one per frequency. */
  vectors: Map<string, ComplexVector>;
}

export interface SpiceEngine {
  kind: "wasm" | "native";
  /** Human-readable: which ngspice, which version. */
  description: string;
  runAc(netlist: string): Promise<AcResult>;
}

/** Why an engine could not be had (used for skip/fail messages). */
export type EngineProbe = { engine: SpiceEngine } | { engine: null; reason: string };

// ---------------------------------------------------------------------------------------------
// eecircuit-engine (WebAssembly)

interface EecircuitResult {
  dataType: "real" | "complex";
  numPoints: number;
  data: { name: string; values: ({ real: number; img: number } | number)[] }[];
}
interface EecircuitSimulation {
  start(): Promise<void>;
  setNetList(netlist: string): void;
  runSim(): Promise<EecircuitResult>;
  getError(): string[];
  getInitInfo(): string;
}

export async function loadWasmEngine(): Promise<EngineProbe> {
  let Simulation: new () => EecircuitSimulation;
  try {
    // A variable specifier keeps TypeScript from requiring the package at compile time.
    const specifier = "eecircuit-engine";
    ({ Simulation } = (await import(specifier)) as {
      Simulation: new () => EecircuitSimulation;
    });
  } catch (error) {
    return {
      engine: null,
      reason: `npm package eecircuit-engine could not be loaded (${String(error)}); run npm ci`,
    };
  }
  const sim = new Simulation();
  await sim.start();
  const version = /ngspice-[\w.+-]+/.exec(sim.getInitInfo())?.[0] ?? "ngspice (unknown version)";
  // runSim must not overlap: chain every run behind the previous one.
  let queue: Promise<unknown> = Promise.resolve();
  const runAc = (netlist: string): Promise<AcResult> => {
    const run = queue.then(async () => {
      sim.setNetList(netlist);
      const result = await sim.runSim();
      const errors = sim.getError().filter((line) => /error|singular|failed/i.test(line));
      if (errors.length > 0) throw new Error(`ngspice (wasm) reported: ${errors.join(" | ")}`);
      return fromEecircuit(result);
    });
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    engine: {
      kind: "wasm",
      description: `${version} via npm eecircuit-engine (WebAssembly)`,
      runAc,
    },
  };
}

function fromEecircuit(result: EecircuitResult): AcResult {
  if (result.dataType !== "complex") throw new Error("expected a complex (AC) result from ngspice");
  const vectors = new Map<string, ComplexVector>();
  for (const column of result.data) {
    const re = new Float64Array(result.numPoints);
    const im = new Float64Array(result.numPoints);
    column.values.forEach((value, i) => {
      if (typeof value === "number") {
        re[i] = value;
      } else {
        re[i] = value.real;
        im[i] = value.img;
      }
    });
    vectors.set(column.name.toLowerCase(), { re, im });
  }
  return takeFrequency(vectors);
}

function takeFrequency(vectors: Map<string, ComplexVector>): AcResult {
  const frequency = vectors.get("frequency");
  if (frequency === undefined) throw new Error("ngspice result has no frequency vector");
  vectors.delete("frequency");
  return { frequencyHz: frequency.re, vectors };
}

// ---------------------------------------------------------------------------------------------
// Native ngspice (Debian package or any ngspice on PATH; NGSPICE=/path/to/ngspice overrides)

export function findNativeNgspice(): string | null {
  const explicit = process.env.NGSPICE;
  if (explicit) return existsSync(explicit) ? explicit : null;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, "ngspice"))) return join(dir, "ngspice");
  }
  return null;
}

export function loadNativeEngine(): EngineProbe {
  const binary = findNativeNgspice();
  if (binary === null) {
    return {
      engine: null,
      reason: "no ngspice executable on PATH (Debian: apt-get install ngspice; or set NGSPICE)",
    };
  }
  const probe = spawnSync(binary, ["-v"], { encoding: "utf8", timeout: 30_000 });
  const version = /ngspice-[\w.+-]+/.exec(`${probe.stdout}${probe.stderr}`)?.[0];
  if (probe.status !== 0 || version === undefined) {
    return { engine: null, reason: `${binary} -v failed: ${probe.stderr || probe.error}` };
  }
  return {
    engine: {
      kind: "native",
      description: `${version} native (${binary})`,
      runAc: (netlist) => Promise.resolve(runNative(binary, netlist)),
    },
  };
}

function runNative(binary: string, netlist: string): AcResult {
  const dir = mkdtempSync(join(tmpdir(), "tympan-ngspice-"));
  try {
    const cir = join(dir, "circuit.cir");
    const raw = join(dir, "circuit.raw");
    writeFileSync(cir, netlist);
    const run = spawnSync(binary, ["-b", "-r", raw, cir], {
      cwd: dir,
      encoding: "utf8",
      timeout: 120_000,
    });
    const log = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0 || !existsSync(raw) || /^\s*error/im.test(log)) {
      throw new Error(`native ngspice failed (exit ${run.status}):\n${log}`);
    }
    return takeFrequency(parseBinaryRaw(readFileSync(raw)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Reads a SPICE binary raw file holding one complex plot: an ASCII header ending in "Binary:\n",
 * then, point by point, every variable as two little-endian float64 (real, imaginary).
 */
export function parseBinaryRaw(buffer: Buffer): Map<string, ComplexVector> {
  const marker = buffer.indexOf("Binary:\n", 0, "latin1");
  if (marker < 0) throw new Error("not a binary raw file (no 'Binary:' line)");
  const header = buffer.subarray(0, marker).toString("latin1").split("\n");
  const field = (name: string) => {
    const line = header.find((l) => l.startsWith(`${name}:`));
    if (line === undefined) throw new Error(`raw file header lacks '${name}'`);
    return line.slice(name.length + 1).trim();
  };
  if (!/complex/.test(field("Flags"))) throw new Error("raw file is not complex (not an AC plot)");
  const variableCount = Number(field("No. Variables"));
  const pointCount = Number(field("No. Points"));
  const start = header.findIndex((l) => l.startsWith("Variables:"));
  const names = header
    .slice(start + 1, start + 1 + variableCount)
    .map((line) => (line.trim().split(/\s+/)[1] ?? "").toLowerCase());
  const dataOffset = marker + "Binary:\n".length;
  const expected = dataOffset + pointCount * variableCount * 16;
  if (names.length !== variableCount || buffer.length < expected) {
    throw new Error(`raw file truncated or malformed (${buffer.length} < ${expected} bytes)`);
  }
  const vectors = new Map<string, ComplexVector>();
  names.forEach((name, v) => {
    const re = new Float64Array(pointCount);
    const im = new Float64Array(pointCount);
    for (let p = 0; p < pointCount; p++) {
      const at = dataOffset + (p * variableCount + v) * 16;
      re[p] = buffer.readDoubleLE(at);
      im[p] = buffer.readDoubleLE(at + 8);
    }
    vectors.set(name, { re, im });
  });
  return vectors;
}

/**
 * The engine the cross-check uses. `TYMPAN_SPICE=wasm` or `=native` forces one; by default the
 * WebAssembly build from npm is used when it loads, else the native executable when there is one.
 * Both give bit-identical results on these networks (both run ngspice's Sparse 1.3 LU for `.ac`
 * with `noopac`).
 */
export async function selectEngine(): Promise<EngineProbe> {
  const choice = process.env.TYMPAN_SPICE;
  if (choice === "native") return loadNativeEngine();
  const wasm = await loadWasmEngine();
  if (wasm.engine !== null || choice === "wasm") return wasm;
  const native = loadNativeEngine();
  if (native.engine !== null) return native;
  return { engine: null, reason: `${wasm.reason}; and ${native.reason}` };
}

/** Branch current of a SPICE voltage source, under either naming (`i(v1)` or `v1#branch`). */
export function branchCurrent(result: AcResult, sourceName: string): ComplexVector | undefined {
  const name = sourceName.toLowerCase();
  return result.vectors.get(`i(${name})`) ?? result.vectors.get(`${name}#branch`);
}
