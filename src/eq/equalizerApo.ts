/**
 * EqualizerAPO / Peace parametric presets, the text people import (docs/measurements.md §5):
 *
 *   Preamp: -1.7 dB
 *   Filter 1: ON LSC Fc 105 Hz Gain -2.5 dB Q 0.70
 *   Filter 2: ON PK Fc 2073 Hz Gain 1.6 dB Q 2.16
 *
 * PK is a peaking filter, LSC/HSC low and high shelves with a Q (RBJ cookbook, biquad.ts). AutoEq
 * writes its shelves as LS/HS with a Q; they are read as the same RBJ shelves.
 */
import { TympanError, type Issue, isNonEmpty } from "../core/issues.js";
import type { Biquad, BiquadType } from "./biquad.js";

export interface EqPreset {
  /** Gain before the filters, dB (negative: headroom for the boosts). */
  readonly preampDb: number;
  readonly filters: readonly Biquad[];
}

const TOKEN_OF: { readonly [T in BiquadType]: string } = {
  peaking: "PK",
  "low-shelf": "LSC",
  "high-shelf": "HSC",
};

const TYPE_OF_TOKEN: Readonly<Record<string, BiquadType>> = {
  PK: "peaking",
  PEQ: "peaking",
  LS: "low-shelf",
  LSC: "low-shelf",
  HS: "high-shelf",
  HSC: "high-shelf",
};

/** A frequency as presets print it: whole hertz, one decimal below 100 Hz. */
export function formatFrequencyHz(hz: number): string {
  return String(Number(hz.toFixed(hz < 100 ? 1 : 0)));
}

/**
 * The preamp a preset should carry for an EQ whose summed curve peaks at `maxBoostDb`: its negative,
 * rounded down to 0.1 dB so the rounding never lets the peak clip.
 */
export function preampForMaxBoost(maxBoostDb: number): number {
  const preamp = -Math.ceil(maxBoostDb * 10 - 1e-9) / 10;
  return preamp === 0 ? 0 : preamp;
}

/** The preset as EqualizerAPO text, one line each, ending with a newline. */
export function formatEqualizerApo(preset: EqPreset): string {
  const lines = [`Preamp: ${preset.preampDb.toFixed(1)} dB`];
  preset.filters.forEach((filter, index) => {
    lines.push(
      `Filter ${index + 1}: ON ${TOKEN_OF[filter.type]} Fc ${formatFrequencyHz(filter.fcHz)} Hz Gain ${filter.gainDb.toFixed(1)} dB Q ${filter.q.toFixed(2)}`,
    );
  });
  return `${lines.join("\n")}\n`;
}

const NUMBER = String.raw`([-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)`;
const PREAMP_LINE = new RegExp(String.raw`^Preamp:\s*${NUMBER}\s*dB$`, "i");
const FILTER_LINE = new RegExp(
  String.raw`^Filter\s*\d*\s*:\s*(ON|OFF)\s+([A-Z]+)\s+Fc\s+${NUMBER}\s*Hz\s+Gain\s+${NUMBER}\s*dB\s+Q\s+${NUMBER}$`,
  "i",
);

/**
 * Reads an EqualizerAPO parametric preset: a `Preamp:` line (0 dB if absent) and `Filter N: ON|OFF
 * PK|LS|LSC|HS|HSC Fc … Hz Gain … dB Q …` lines; blank lines and `#` comments are skipped and OFF
 * filters left out. Anything else is an error naming the line, since a silently skipped filter
 * would change the sound.
 *
 * @throws TympanError listing every line it cannot read.
 */
export function parseEqualizerApo(text: string, source?: string): EqPreset {
  const issues: Issue[] = [];
  const filters: Biquad[] = [];
  let preampDb = 0;
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.replace(/^\uFEFF/, "").trim();
    const lineNumber = index + 1;
    if (line === "" || line.startsWith("#")) return;
    const preamp = PREAMP_LINE.exec(line);
    if (preamp) {
      preampDb += Number(preamp[1]);
      return;
    }
    const filter = FILTER_LINE.exec(line);
    const type = filter ? TYPE_OF_TOKEN[filter[2]!.toUpperCase()] : undefined;
    if (!filter || type === undefined) {
      issues.push({
        severity: "error",
        code: "unreadable-eq-line",
        path: ["line", lineNumber],
        message: `line ${lineNumber}: "${line}" is not a Preamp or a PK/LS/LSC/HS/HSC filter line; write e.g. "Filter 1: ON PK Fc 1000 Hz Gain -3.0 dB Q 1.41"`,
      });
      return;
    }
    if (filter[1]!.toUpperCase() === "OFF") return;
    filters.push({
      type,
      fcHz: Number(filter[3]),
      gainDb: Number(filter[4]),
      q: Number(filter[5]),
    });
  });
  if (isNonEmpty(issues)) throw new TympanError(issues, source);
  return { preampDb, filters };
}
