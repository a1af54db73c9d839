import { type Air, SPL_REFERENCE_PA, STANDARD_AIR } from "../core/air.js";
import type { Domain } from "../core/domain.js";
import { type Issue, type Result, TympanError, isNonEmpty } from "../core/issues.js";
import { type Design, validateDesign } from "../design/design.js";
import { EAR711_VALID_RANGE_HZ } from "../elements/loads/ear711Parameters.js";
import { compileNetwork } from "./compileNetwork.js";
import { FrequencySweep } from "./sweep.js";
import { driverContributions, motorForceNodes } from "./driverContributions.js";
import type { ProbeResult, SimulationResult } from "./result.js";

export interface SimulateOptions {
  /** Frequencies in Hz (> 0, finite), in any order. */
  readonly frequencies: ArrayLike<number>;
  /** Air properties; defaults to STANDARD_AIR (PHYSICS.md §1). */
  readonly air?: Air;
}

/**
 * Frequencies simulate accepts. Far outside audio the lumped models mean nothing and the equations'
 * scales drift apart until double precision cannot hold them (a microphone-sized network at 1 mHz).
 */
export const FREQUENCY_RANGE_HZ = { from: 0.01, to: 10e6 } as const;

/** Level references per domain: 20 µPa, 1 V, 1 N. */
const DB_REFERENCE: Readonly<Record<Domain, number>> = {
  acoustic: SPL_REFERENCE_PA,
  electrical: 1,
  mechanical: 1,
};

/**
 * Simulates a design (a parsed JSON/YAML object) at the given frequencies: the complex potential of
 * every probe and the impedance seen by the first voltage source. Throws a TympanError carrying every
 * issue when the design is invalid or ill-posed.
 */
export function simulate(design: unknown, options: SimulateOptions): SimulationResult {
  const outcome = trySimulate(design, options);
  if (!outcome.ok) throw new TympanError(outcome.issues);
  return outcome.value;
}

/** Like `simulate`, but returns the issues instead of throwing. */
export function trySimulate(design: unknown, options: SimulateOptions): Result<SimulationResult> {
  const frequencyIssues = [...checkFrequencies(options.frequencies), ...checkAir(options.air)];
  const validated = validateDesign(design);
  if (!validated.ok)
    return { ok: false, issues: [...validated.issues, ...frequencyIssues] as [Issue, ...Issue[]] };
  if (isNonEmpty(frequencyIssues)) return { ok: false, issues: frequencyIssues };
  try {
    const result = simulateValid(validated.value, options);
    return { ok: true, value: result, warnings: [] };
  } catch (error) {
    if (error instanceof TympanError) return { ok: false, issues: error.issues };
    throw error;
  }
}

function simulateValid(design: Design, options: SimulateOptions): SimulationResult {
  const air = options.air ?? STANDARD_AIR;
  const compiled = compileNetwork(design, air);
  if (!compiled.ok) throw new TympanError(compiled.issues as [Issue, ...Issue[]]);
  const network = compiled.network;

  const frequencies = Array.from(options.frequencies);
  const probeUnknowns = design.probes.map((probe) => network.unknownOfNode.get(probe.node)!);
  const source = network.inputSource;
  const shareProbes = design.probes.filter((probe) => probe.byDriver === true);
  // Per-driver shares need the motor forces: the potentials of the motors' mechanical ports, read
  // from the same solves (not ordered last, so the probes' values are the same as without them).
  const forceNodes = shareProbes.length > 0 ? motorForceNodes(design, air) : [];
  const values = new FrequencySweep(network, probeUnknowns, {
    ...(source ? { inputBranch: source.branch } : {}),
    alsoReport: forceNodes.map((node) => network.unknownOfNode.get(node)!),
  }).run(frequencies);

  // fromEntries defines own properties, so even a probe named "__proto__" is kept.
  const probes: Record<string, ProbeResult> = Object.fromEntries(
    design.probes.map((probe, p) => {
      const domain = network.domainOfNode.get(probe.node)!;
      const result = probeResult(
        values.re[p]!,
        values.im[p]!,
        values.scale,
        DB_REFERENCE[domain],
        domain,
      );
      return [probe.id, result];
    }),
  );
  const potentialOf = (node: string) => {
    const at = probeUnknowns.length + forceNodes.indexOf(node);
    return {
      re: values.re[at]!.map((value) => value * values.scale),
      im: values.im[at]!.map((value) => value * values.scale),
    };
  };
  const shares = driverContributions(design, shareProbes, frequencies, air, potentialOf);
  for (const [id, share] of shares) {
    const probe = shareProbes.find((candidate) => id.startsWith(`${candidate.id}/`))!;
    const domain = network.domainOfNode.get(probe.node)!;
    probes[id] = probeResult(share.re, share.im, 1, DB_REFERENCE[domain], domain);
  }
  const warnings: Issue[] = [];
  let inputImpedance: SimulationResult["inputImpedance"];
  if (source) {
    // Per volt of drive, others off: the terminal voltage is 1 − Zout·I, the load Z = that / I.
    const current = values.inputCurrent!;
    inputImpedance = impedance(current, 1, source.outputImpedance, warnings, source.id);
  }
  if (design.probes.length === 0 && !source) {
    warnings.push({
      code: "nothing-to-report",
      severity: "warning",
      path: ["probes"],
      message: "the design has no probes and no voltage source, so there is nothing to report",
      hint: 'add "probes": [{ "id": "…", "node": "…" }]',
    });
  }
  if (design.elements.some((element) => element.type === "ear711")) {
    const { fromHz, toHz } = EAR711_VALID_RANGE_HZ;
    if (frequencies.some((f) => f < fromHz || f > toHz)) {
      warnings.push({
        code: "ear711-extrapolated",
        severity: "note",
        path: [],
        message: `IEC 60318-4 specifies the 711 ear simulator for ${fromHz} Hz–${toHz / 1000} kHz; outside that range the lumped model is an extrapolation`,
      });
    }
  }
  return {
    frequencyHz: frequencies,
    probes,
    ...(inputImpedance ? { inputImpedance } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

function probeResult(
  re: Float64Array,
  im: Float64Array,
  scale: number,
  reference: number,
  domain: Domain,
): ProbeResult {
  // Levels come from the unit-source values, so they stay finite and exact whatever the scale.
  const offsetDb = 20 * Math.log10(scale);
  const referenceLog = Math.log10(reference);
  const db: number[] = [];
  const phaseDeg: number[] = [];
  const scaledRe: number[] = [];
  const scaledIm: number[] = [];
  for (let f = 0; f < re.length; f++) {
    const vr = re[f]!;
    const vi = im[f]!;
    db.push(levelDb(Math.hypot(vr, vi), referenceLog) + offsetDb);
    phaseDeg.push((Math.atan2(vi, vr) * 180) / Math.PI);
    scaledRe.push(vr * scale);
    scaledIm.push(vi * scale);
  }
  return { domain, re: scaledRe, im: scaledIm, db, phaseDeg };
}

/**
 * 20·log10(|x|/reference), given log10(reference); finite even for an exact zero (clamped at the
 * smallest positive double).
 */
function levelDb(magnitude: number, referenceLog: number): number {
  return 20 * (Math.log10(Math.max(magnitude, Number.MIN_VALUE)) - referenceLog);
}

/** |Z| and phase of V_terminal / I, with V_terminal = V − Zout·I. */
function impedance(
  current: { re: Float64Array; im: Float64Array },
  voltage: number,
  outputImpedance: number,
  warnings: Issue[],
  sourceId: string,
): { magnitudeOhm: number[]; phaseDeg: number[] } {
  const magnitudeOhm: number[] = [];
  const phaseDeg: number[] = [];
  let open = false;
  for (let f = 0; f < current.re.length; f++) {
    const ir = current.re[f]!;
    const ii = current.im[f]!;
    const vr = voltage - outputImpedance * ir;
    const vi = -outputImpedance * ii;
    if (ir === 0 && ii === 0) {
      open = true;
      magnitudeOhm.push(Number.MAX_VALUE);
      phaseDeg.push(0);
      continue;
    }
    // Z = V / I by Smith's algorithm: no overflow for very large or very small values.
    let zr: number;
    let zi: number;
    if (Math.abs(ir) >= Math.abs(ii)) {
      const ratio = ii / ir;
      const denominator = ir + ii * ratio;
      zr = (vr + vi * ratio) / denominator;
      zi = (vi - vr * ratio) / denominator;
    } else {
      const ratio = ir / ii;
      const denominator = ir * ratio + ii;
      zr = (vr * ratio + vi) / denominator;
      zi = (vi * ratio - vr) / denominator;
    }
    magnitudeOhm.push(Math.min(Math.hypot(zr, zi), Number.MAX_VALUE));
    phaseDeg.push((Math.atan2(zi, zr) * 180) / Math.PI);
  }
  if (open)
    warnings.push({
      code: "open-load",
      severity: "warning",
      path: [],
      message: `source "${sourceId}" drives no current at some frequencies: its load is open there`,
      elementIds: [sourceId],
    });
  return { magnitudeOhm, phaseDeg };
}

function checkFrequencies(frequencies: ArrayLike<number> | undefined): Issue[] {
  if (
    frequencies === undefined ||
    typeof frequencies.length !== "number" ||
    frequencies.length === 0
  ) {
    return [
      {
        severity: "error",
        code: "no-frequencies",
        path: [],
        message: "give at least one frequency in Hz, e.g. { frequencies: [100, 1000] }",
      },
    ];
  }
  for (let f = 0; f < frequencies.length; f++) {
    const value = frequencies[f];
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      return [
        {
          severity: "error",
          code: "invalid-frequency",
          path: ["frequencies", f],
          message: `frequencies must be finite numbers > 0 Hz (got ${String(value)} at position ${f})`,
        },
      ];
    }
    if (value < FREQUENCY_RANGE_HZ.from || value > FREQUENCY_RANGE_HZ.to) {
      return [
        {
          severity: "error",
          code: "frequency-out-of-range",
          path: ["frequencies", f],
          message: `${value} Hz (position ${f}) is outside ${FREQUENCY_RANGE_HZ.from} Hz–${FREQUENCY_RANGE_HZ.to / 1e6} MHz, the range the lumped and tube models are meant for and tested in`,
        },
      ];
    }
  }
  return [];
}

/** Air properties must be finite and positive (γ above 1): anything else makes every element wrong. */
function checkAir(air: Air | undefined): Issue[] {
  if (air === undefined) return [];
  const issues: Issue[] = [];
  for (const [name, value] of Object.entries(air) as [keyof Air, unknown][]) {
    const floor = name === "heatCapacityRatio" ? 1 : 0;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= floor) {
      issues.push({
        severity: "error",
        code: "invalid-air",
        path: ["air", name],
        message: `air.${name} must be a finite number above ${floor} (got ${String(value)}); STANDARD_AIR holds the usual values`,
      });
    }
  }
  return issues;
}
