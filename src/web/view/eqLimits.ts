// A device preset's per-filter limits as the EQ panel shows them: in words beside each filter, and
// which of a filter's values lie outside them (a value typed by hand may).
import type { EqView, FilterLimits } from "../worker/protocol.js";

type Filter = EqView["filters"][number];
export type FilterField = "fcHz" | "q" | "gainDb";

export const FILTER_TYPES = ["peaking", "low-shelf", "high-shelf"] as const;

/** "fc 20 Hz–10 kHz, Q 0.18–6, gain −20 to +20 dB"; a fixed value reads "fc 105 Hz (fixed)". */
export function limitsText(limits: FilterLimits): string {
  const range = (r: { min: number; max: number }, format: (v: number) => string) =>
    r.min === r.max ? `${format(r.min)} (fixed)` : `${format(r.min)}–${format(r.max)}`;
  return [
    `fc ${range(limits.fcHz, hz)}`,
    `Q ${range(limits.q, (q) => String(Number(q.toPrecision(3))))}`,
    `gain ${limits.gainDb.min === limits.gainDb.max ? db(limits.gainDb.min) : `${db(limits.gainDb.min)} to ${db(limits.gainDb.max)}`}`,
  ].join(", ");
}

/** The fields of `filter` outside `limits` (a millionth of slack for the fit's rounding). */
export function fieldsOutside(filter: Filter, limits: FilterLimits): FilterField[] {
  return (["fcHz", "q", "gainDb"] as const).filter((field) => {
    const { min, max } = limits[field];
    const slack = 1e-6 * Math.max(1, Math.abs(min), Math.abs(max));
    return filter[field] < min - slack || filter[field] > max + slack;
  });
}

function hz(value: number): string {
  return value >= 1000
    ? `${Number((value / 1000).toPrecision(4))} kHz`
    : `${Number(value.toPrecision(4))} Hz`;
}

function db(value: number): string {
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value)} dB`;
}
