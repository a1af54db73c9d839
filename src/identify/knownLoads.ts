import { type Air, STANDARD_AIR } from "../core/air.js";
import { TympanError } from "../core/issues.js";
import { simulate } from "../simulate/simulate.js";
import type { ComplexSeries } from "../core/complexValue.js";

/**
 * Acoustic loads of known impedance for three-load identification (docs/physics.md §6): the usual couplers
 * and simple test fixtures, computed with the engine's own elements so that a simulated measurement
 * and its identification use the same physics.
 */
export type KnownLoad =
  /** A rigid closed cavity (a 0.4 cc or 2 cc coupler): Z = ρc²/(jωV). */
  | { readonly kind: "volume"; readonly volumeM3: number }
  /** The IEC 60318-4 (711) ear simulator's input impedance (the ear711 element). */
  | { readonly kind: "ear711"; readonly damped?: boolean }
  /** An exact lossy tube, rigidly closed or into a cavity of `terminationVolumeM3`. */
  | {
      readonly kind: "tube";
      readonly lengthM: number;
      readonly radiusM: number;
      readonly terminationVolumeM3?: number;
    };

/** How loads are written on the command line, for messages and help. */
export const KNOWN_LOAD_SYNTAX =
  '"0.4cc" (a closed volume in cm³), "711" (the IEC 60318-4 ear simulator), "711damped", "tube:<length mm>:<radius mm>" (closed tube) or "tube:<length mm>:<radius mm>:<volume>cc" (tube into a volume)';

const VOLUME_PATTERN = /^(\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*cc$/i;

/**
 * Reads a load written as text: "0.4cc", "2cc", "711", "711damped", "tube:10:0.75" (length and radius
 * in mm, rigidly closed) or "tube:10:0.75:2cc" (into a 2 cm³ cavity).
 * @throws TympanError saying which forms are accepted.
 */
export function parseKnownLoad(text: string): KnownLoad {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  if (lower === "711") return { kind: "ear711" };
  if (lower === "711damped") return { kind: "ear711", damped: true };
  const volume = parseVolumeCc(trimmed);
  if (volume !== undefined) {
    withinRange(text, "volume", volume, LOAD_RANGES.volumeCc, "cc");
    return { kind: "volume", volumeM3: volume * 1e-6 };
  }
  if (lower.startsWith("tube:")) {
    const parts = trimmed.slice(5).split(":");
    const lengthMm = positiveNumber(parts[0]);
    const radiusMm = positiveNumber(parts[1]);
    const ending = parts[2] === undefined ? undefined : parseVolumeCc(parts[2]);
    if (
      lengthMm !== undefined &&
      radiusMm !== undefined &&
      parts.length <= 3 &&
      (parts[2] === undefined || ending !== undefined)
    ) {
      withinRange(text, "tube length", lengthMm, LOAD_RANGES.tubeLengthMm, "mm");
      withinRange(text, "tube radius", radiusMm, LOAD_RANGES.tubeRadiusMm, "mm");
      if (ending !== undefined) withinRange(text, "volume", ending, LOAD_RANGES.volumeCc, "cc");
      return {
        kind: "tube",
        lengthM: lengthMm * 1e-3,
        radiusM: radiusMm * 1e-3,
        ...(ending !== undefined ? { terminationVolumeM3: ending * 1e-6 } : {}),
      };
    }
  }
  throw new TympanError([
    {
      severity: "error",
      code: "unknown-load",
      path: [],
      message: `"${text}" is not a known acoustic load; write ${KNOWN_LOAD_SYNTAX}`,
    },
  ]);
}

/** A load's name for summaries: "0.4 cc", "711", "tube 10 mm × r 0.75 mm into 2 cc". */
export function describeKnownLoad(load: KnownLoad): string {
  switch (load.kind) {
    case "volume":
      return `${Number((load.volumeM3 * 1e6).toPrecision(6))} cc`;
    case "ear711":
      return load.damped ? "711 (damped)" : "711";
    case "tube": {
      const tube = `tube ${Number((load.lengthM * 1e3).toPrecision(6))} mm × r ${Number((load.radiusM * 1e3).toPrecision(6))} mm`;
      return load.terminationVolumeM3 === undefined
        ? `${tube}, closed`
        : `${tube} into ${Number((load.terminationVolumeM3 * 1e6).toPrecision(6))} cc`;
    }
  }
}

/**
 * The load's acoustic input impedance (Pa·s/m³) at each frequency: the pressure a unit volume
 * velocity driven into it produces, simulated with the engine (acousticVolume, ear711, tube).
 */
export function knownLoadImpedance(
  load: KnownLoad,
  frequencyHz: ArrayLike<number>,
  air: Air = STANDARD_AIR,
): ComplexSeries {
  const elements = [
    { id: "drive", type: "volumeVelocitySource", nodes: ["entrance", "0"], volumeVelocity: 1 },
    ...knownLoadElements(load, "entrance"),
  ];
  const design = { tympan: 1, elements, probes: [{ id: "entrance", node: "entrance" }] };
  const result = simulate(design, { frequencies: frequencyHz, air });
  const probe = result.probes.entrance!;
  return { re: probe.re, im: probe.im };
}

/**
 * Design elements that make up the load, connected at `entrance` (ids and inner node names start
 * with "load", so they can join another design: a simulated measurement of a receiver in the load).
 */
export function knownLoadElements(load: KnownLoad, entrance: string): Record<string, unknown>[] {
  switch (load.kind) {
    case "volume":
      return [
        { id: "loadVolume", type: "acousticVolume", nodes: [entrance, "0"], volume: load.volumeM3 },
      ];
    case "ear711":
      return [
        {
          id: "loadEar",
          type: "ear711",
          nodes: [entrance, "loadDrum"],
          ...(load.damped ? { damped: true } : {}),
        },
      ];
    case "tube": {
      // A rigidly closed end is the tube's far node left unconnected (no flow).
      const end =
        load.terminationVolumeM3 === undefined
          ? []
          : [
              {
                id: "loadTermination",
                type: "acousticVolume",
                nodes: ["loadEnd", "0"],
                volume: load.terminationVolumeM3,
              },
            ];
      return [
        {
          id: "loadTube",
          type: "tube",
          nodes: [entrance, "loadEnd"],
          length: load.lengthM,
          radius: load.radiusM,
        },
        ...end,
      ];
    }
  }
}

/**
 * The sizes a known load may have: from a hundredth of the smallest couplers and tubes used to
 * identify receivers to far beyond the largest (a 2 cc coupler, the 711's 1.26 cc, tubes of a few mm
 * to tens of mm). A value outside them is a typing slip, not a load.
 */
const LOAD_RANGES = {
  volumeCc: { min: 0.001, max: 1000 },
  tubeLengthMm: { min: 0.1, max: 1000 },
  tubeRadiusMm: { min: 0.01, max: 50 },
} as const;

function withinRange(
  text: string,
  what: string,
  value: number,
  range: { readonly min: number; readonly max: number },
  unit: string,
): void {
  if (value >= range.min && value <= range.max) return;
  throw new TympanError([
    {
      severity: "error",
      code: "unknown-load",
      path: [],
      message: `"${text}": a ${what} of ${value} ${unit} is not a test load; give ${range.min}–${range.max} ${unit}`,
    },
  ]);
}

function parseVolumeCc(text: string): number | undefined {
  const trimmed = text.trim();
  if (!VOLUME_PATTERN.test(trimmed)) return undefined;
  return positiveNumber(trimmed.replace(/\s*cc$/i, ""));
}

function positiveNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
