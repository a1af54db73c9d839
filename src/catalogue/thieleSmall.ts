import { type Air, STANDARD_AIR } from "../core/air.js";
import { type Issue, TympanError } from "../core/issues.js";

/**
 * A moving-coil driver's small-signal figures as makers print them (Thiele–Small). Give Qes or Qts,
 * and one of Vas, Cms or Mms (the other two follow from fs); Le may be 0 or left out.
 */
export interface ThieleSmallFigures {
  /** Free-air resonance, Hz. */
  readonly fsHz: number;
  /** Mechanical Q at fs. */
  readonly qms: number;
  /** Electrical Q at fs; or give qts. */
  readonly qes?: number;
  /** Total Q at fs, 1/Qts = 1/Qes + 1/Qms; used when qes is not given. */
  readonly qts?: number;
  /** Voice-coil DC resistance, Ω. */
  readonly reOhm: number;
  /** Effective diaphragm area, m². */
  readonly sdM2: number;
  /** Equivalent air volume of the suspension's compliance, m³. */
  readonly vasM3?: number;
  /** Suspension compliance, m/N. */
  readonly cmsMPerN?: number;
  /** Moving mass including the air load, kg. */
  readonly mmsKg?: number;
  /** Voice-coil inductance, H. */
  readonly leH?: number;
}

/** The `dynamicDriver` element's small-signal parameters. */
export interface DynamicDriverParameters {
  readonly re: number;
  readonly le: number;
  readonly bl: number;
  readonly mms: number;
  readonly cms: number;
  readonly rms: number;
  readonly sd: number;
}

/**
 * A dynamic driver's element parameters from its datasheet's Thiele–Small figures (Thiele, JAES 19:382,
 * 1971; Small, JAES 20:383, 1972; the relations of docs/physics.md §5), with ωs = 2π·fs:
 *
 *   Cms = Vas/(ρc²·Sd²)   (or Cms = 1/(ωs²·Mms) when Mms is given instead)
 *   Mms = 1/(ωs²·Cms)
 *   Rms = ωs·Mms/Qms
 *   Qes = 1/(1/Qts − 1/Qms)   when Qts is given instead of Qes
 *   Bl  = √(ωs·Mms·Re/Qes)
 *
 * ρc² is the air's (STANDARD_AIR: 1.21 kg/m³, 343 m/s unless `air` says otherwise). Le passes
 * through (0 when not given).
 * @throws TympanError naming each figure that is missing, not a positive finite number, or
 *   inconsistent (Qts ≥ Qms; both or neither of Qes and Qts; more or fewer than one of Vas, Cms, Mms).
 */
export function dynamicDriverFromThieleSmall(
  figures: ThieleSmallFigures,
  air: Air = STANDARD_AIR,
): DynamicDriverParameters {
  const issues: Issue[] = [];
  const fail = (field: string, message: string) =>
    issues.push({ code: "invalid-parameter", severity: "error", path: [field], message });
  const check = (field: keyof ThieleSmallFigures, required: boolean, zeroAllowed = false) => {
    const value = figures[field];
    if (value === undefined) {
      if (required) fail(field, `${field} is missing: datasheets print it`);
      return;
    }
    if (!Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0))
      fail(field, `${field} is ${value}: give a positive number`);
  };
  check("fsHz", true);
  check("qms", true);
  check("reOhm", true);
  check("sdM2", true);
  check("qes", false);
  check("qts", false);
  check("vasM3", false);
  check("cmsMPerN", false);
  check("mmsKg", false);
  check("leH", false, true);
  if ((figures.qes === undefined) === (figures.qts === undefined))
    fail("qes", "give exactly one of qes and qts");
  const suspension = [figures.vasM3, figures.cmsMPerN, figures.mmsKg].filter(
    (v) => v !== undefined,
  );
  if (suspension.length !== 1)
    fail("vasM3", "give exactly one of vasM3, cmsMPerN and mmsKg (the others follow from fs)");
  if (figures.qts !== undefined && figures.qes === undefined && figures.qts >= figures.qms)
    fail("qts", `qts ${figures.qts} must be below qms ${figures.qms}: 1/Qts = 1/Qes + 1/Qms`);
  if (issues.length > 0) throw new TympanError(issues as [Issue, ...Issue[]]);

  const omega = 2 * Math.PI * figures.fsHz;
  const rhoC2 = air.densityKgPerM3 * air.speedOfSoundMPerS ** 2;
  const cms =
    figures.cmsMPerN ??
    (figures.vasM3 !== undefined
      ? figures.vasM3 / (rhoC2 * figures.sdM2 ** 2)
      : 1 / (omega * omega * figures.mmsKg!));
  const mms = figures.mmsKg ?? 1 / (omega * omega * cms);
  const qes = figures.qes ?? 1 / (1 / figures.qts! - 1 / figures.qms);
  return {
    re: figures.reOhm,
    le: figures.leH ?? 0,
    bl: Math.sqrt((omega * mms * figures.reOhm) / qes),
    mms,
    cms,
    rms: (omega * mms) / figures.qms,
    sd: figures.sdM2,
  };
}

/** The Thiele–Small figures of a dynamic driver's element parameters (the same relations, inverted). */
export function thieleSmallOf(
  driver: Pick<DynamicDriverParameters, "re" | "bl" | "mms" | "cms" | "rms" | "sd"> & {
    readonly le?: number;
  },
  air: Air = STANDARD_AIR,
): Required<Omit<ThieleSmallFigures, "cmsMPerN" | "mmsKg" | "leH">> {
  const omega = 1 / Math.sqrt(driver.mms * driver.cms);
  const qms = driver.rms > 0 ? (omega * driver.mms) / driver.rms : Infinity;
  const qes = (omega * driver.mms * driver.re) / driver.bl ** 2;
  return {
    fsHz: omega / (2 * Math.PI),
    qms,
    qes,
    qts: (qms * qes) / (qms + qes),
    reOhm: driver.re,
    sdM2: driver.sd,
    vasM3: air.densityKgPerM3 * air.speedOfSoundMPerS ** 2 * driver.sd ** 2 * driver.cms,
  };
}
