import { SPL_REFERENCE_PA } from "../core/air.js";
import type { Domain } from "../core/domain.js";
import type { Issue } from "../core/issues.js";
import type { InputImpedance, ProbeResult } from "./result.js";

/*
 * From solved complex values to what `simulate` reports: levels, phases and the input impedance.
 */

/** Level references per domain: 20 µPa, 1 V, 1 N. */
const DB_REFERENCE: Readonly<Record<Domain, number>> = {
  acoustic: SPL_REFERENCE_PA,
  electrical: 1,
  mechanical: 1,
};

/** A probe's values (unit-source values times `scale`) with levels re its domain's reference. */
export function probeResult(
  re: Float64Array,
  im: Float64Array,
  scale: number,
  domain: Domain,
): ProbeResult {
  // Levels come from the unit-source values, so they stay finite and exact whatever the scale.
  const offsetDb = 20 * Math.log10(scale);
  const referenceLog = Math.log10(DB_REFERENCE[domain]);
  const count = re.length;
  const db = new Array<number>(count);
  const phaseDeg = new Array<number>(count);
  const scaledRe = new Array<number>(count);
  const scaledIm = new Array<number>(count);
  for (let f = 0; f < count; f++) {
    const vr = re[f]!;
    const vi = im[f]!;
    db[f] = levelDb(Math.hypot(vr, vi), referenceLog) + offsetDb;
    phaseDeg[f] = (Math.atan2(vi, vr) * 180) / Math.PI;
    scaledRe[f] = vr * scale;
    scaledIm[f] = vi * scale;
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

/**
 * |Z| and phase of V_terminal / I, with V_terminal = V − Zout·I, from the current I the source
 * delivers per `voltage` of drive; warns (into `warnings`) when the load is open somewhere.
 */
export function inputImpedance(
  current: { readonly re: Float64Array; readonly im: Float64Array },
  voltage: number,
  outputImpedance: number,
  warnings: Issue[],
  sourceId: string,
): InputImpedance {
  const count = current.re.length;
  const magnitudeOhm = new Array<number>(count);
  const phaseDeg = new Array<number>(count);
  let open = false;
  for (let f = 0; f < count; f++) {
    const ir = current.re[f]!;
    const ii = current.im[f]!;
    const vr = voltage - outputImpedance * ir;
    const vi = -outputImpedance * ii;
    if (ir === 0 && ii === 0) {
      open = true;
      magnitudeOhm[f] = Number.MAX_VALUE;
      phaseDeg[f] = 0;
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
    magnitudeOhm[f] = Math.min(Math.hypot(zr, zi), Number.MAX_VALUE);
    phaseDeg[f] = (Math.atan2(zi, zr) * 180) / Math.PI;
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
