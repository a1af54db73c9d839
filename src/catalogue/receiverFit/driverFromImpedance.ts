import { type Air, STANDARD_AIR } from "../../core/air.js";
import type { Curve } from "../../core/curve.js";
import { TympanError } from "../../core/issues.js";
import {
  type ThieleSmallImpedanceFit,
  thieleSmallFromImpedance,
} from "../../identify/thieleSmallFromImpedance.js";
import { type DynamicDriverParameters, dynamicDriverFromThieleSmall } from "../thieleSmall.js";

/** What a maker prints beside |Z| that the impedance cannot give: Sd and one suspension figure. */
export interface DriverDatasheetFigures {
  /** Effective diaphragm area, m². */
  readonly sdM2: number;
  /** Exactly one of: moving mass (kg), compliance (m/N), equivalent air volume (m³). */
  readonly mmsKg?: number;
  readonly cmsMPerN?: number;
  readonly vasM3?: number;
}

/** A value with the range it may take. */
export interface ValueWithRange {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

export interface DriverFromImpedance {
  /** Re, Le, fs, Qes, Qms, Qts with their 95 % intervals, from |Z| alone. */
  readonly impedanceFit: ThieleSmallImpedanceFit;
  /**
   * With Sd and one suspension figure: the dynamicDriver element's Bl, Mms, Cms, Rms and the driver's
   * Vas. Each range spans the values at every corner of the fitted Re, fs, Qes and Qms intervals
   * (each figure is monotonic in each of them, so the range holds them all; it is wider than a 95 %
   * interval because it ignores how the four vary together). The given figures are taken as exact.
   */
  readonly mechanical?: Readonly<
    Record<"bl" | "mmsKg" | "cmsMPerN" | "rmsKgPerS" | "vasM3", ValueWithRange>
  >;
  /** The element's parameters at the fitted values (with Sd), ready for a design. */
  readonly element?: DynamicDriverParameters;
}

/**
 * A dynamic driver's Thiele–Small figures from its impedance curve (thieleSmallFromImpedance: Re, Le,
 * fs, Qes, Qms with 95 % intervals, Qts), and, with the datasheet's Sd and one of Mms, Cms or Vas
 * (|Z| cannot tell the moving mass from the compliance: fs fixes only their product), the rest by
 * the relations of docs/physics.md §5 (dynamicDriverFromThieleSmall):
 *
 *   Cms = Vas/(ρc²·Sd²) or 1/(ωs²·Mms),  Mms = 1/(ωs²·Cms),  Rms = ωs·Mms/Qms,
 *   Bl = √(ωs·Mms·Re/Qes),  Vas = ρc²·Sd²·Cms.
 *
 * @throws TympanError for a curve thieleSmallFromImpedance refuses, or datasheet figures that are
 *   not positive numbers or not exactly one of Mms, Cms and Vas.
 */
export function driverFromImpedance(
  curve: Curve,
  figures?: DriverDatasheetFigures,
  air: Air = STANDARD_AIR,
): DriverFromImpedance {
  const impedanceFit = thieleSmallFromImpedance(curve);
  if (figures === undefined) return { impedanceFit };
  const suspension = [figures.mmsKg, figures.cmsMPerN, figures.vasM3].filter(
    (value) => value !== undefined,
  );
  if (suspension.length !== 1)
    throw new TympanError([
      {
        code: "invalid-parameter",
        severity: "error",
        path: ["mmsKg"],
        message:
          "give exactly one of Mms, Cms and Vas with Sd: the impedance fixes only their product through fs",
      },
    ]);
  const at = (reOhm: number, fsHz: number, qes: number, qms: number) =>
    dynamicDriverFromThieleSmall({ ...figures, reOhm, fsHz, qes, qms, leH: impedanceFit.leH }, air);
  const rhoC2 = air.densityKgPerM3 * air.speedOfSoundMPerS ** 2;
  const figuresOf = (element: DynamicDriverParameters) => ({
    bl: element.bl,
    mmsKg: element.mms,
    cmsMPerN: element.cms,
    rmsKgPerS: element.rms,
    vasM3: rhoC2 * element.sd ** 2 * element.cms,
  });
  const { reOhm, fsHz, qes, qms, intervals } = impedanceFit;
  const element = at(reOhm, fsHz, qes, qms);
  const central = figuresOf(element);
  const corners = [0, 1].flatMap((a) =>
    [0, 1].flatMap((b) =>
      [0, 1].flatMap((c) =>
        [0, 1].map((d) =>
          figuresOf(
            at(intervals.reOhm[a]!, intervals.fsHz[b]!, intervals.qes[c]!, intervals.qms[d]!),
          ),
        ),
      ),
    ),
  );
  const mechanical = Object.fromEntries(
    (Object.keys(central) as (keyof typeof central)[]).map((key) => {
      const values = [central[key], ...corners.map((corner) => corner[key])];
      return [key, { value: central[key], low: Math.min(...values), high: Math.max(...values) }];
    }),
  ) as DriverFromImpedance["mechanical"];
  return { impedanceFit, mechanical, element };
}
