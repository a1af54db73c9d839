import type { Command } from "commander";
import type { Curve } from "../../core/curve.js";
import { interpolateLogFrequency } from "../../analysis/interpolate.js";
import { SPL_REFERENCE_PA } from "../../core/air.js";
import { formatTwoPortCsv } from "../../io/twoPortFile.js";
import { readMeasurementFile } from "../../io/measurementFile.js";
import { EAR711_VALID_RANGE_HZ } from "../../elements/loads/ear711Parameters.js";
import {
  KNOWN_LOAD_SYNTAX,
  type KnownLoad,
  describeKnownLoad,
  knownLoadImpedance,
  parseKnownLoad,
} from "../../identify/knownLoads.js";
import type { ComplexSeries } from "../../core/complexValue.js";
import {
  type IdentifiedReceiver,
  identifyThreeLoad,
} from "../../identify/threeLoadIdentification.js";
import { TympanError } from "../../core/issues.js";
import { usageError } from "../errors.js";
import { writeOutputFile } from "../outputFile.js";
import type { CliOutput } from "../program.js";

interface IdentifyFlags {
  loads: string;
  out?: string;
  force?: boolean;
}

/** Above this error amplification the summary warns (0.1 % in, ≥ 10 % out). */
const SENSITIVITY_NOTE = 100;

/** Frequencies the summary shows (the nearest grid points inside the measured band). */
const SUMMARY_HZ = [100, 300, 1000, 3000, 10_000];

/**
 * `tympan identify`: a receiver's Hunt two-port (Ze, T, Za) and Thevenin source from its impedance
 * measured in three known acoustic loads (PHYSICS.md §6), written as a table a measuredReceiver reads.
 */
export function registerIdentify(program: Command, output: CliOutput): void {
  program
    .command("identify")
    .description(
      "identify a receiver's two-port (Ze, T, Za; Thevenin p_s, Z_s) from its impedance in three known acoustic loads",
    )
    .argument(
      "<zinA>",
      "impedance measurement (magnitude and phase, e.g. .zma or REW text) in load A",
    )
    .argument("<zinB>", "impedance measurement in load B")
    .argument("<zinC>", "impedance measurement in load C")
    .requiredOption(
      "--loads <A,B,C>",
      "the three acoustic loads, e.g. 0.4cc,2cc,711 (also 711damped, tube:<mm>:<radius mm>[:<volume>cc])",
    )
    .option("--out <file>", "write the two-port table (CSV) for a measuredReceiver element")
    .option("--force", "allow --out to replace an existing file")
    .action(async (zinA: string, zinB: string, zinC: string, flags: IdentifyFlags) => {
      const files = [zinA, zinB, zinC] as const;
      const loads = parseLoads(flags.loads);
      const curves = await Promise.all(files.map(readComplexImpedance));
      const frequencyHz = commonGrid(curves, files);
      const inputImpedance = curves.map((curve) => complexOnGrid(curve, frequencyHz));
      const loadImpedance = loads.map((load) => knownLoadImpedance(load, frequencyHz));
      const identified = identifyThreeLoad({
        frequencyHz,
        inputImpedance: inputImpedance as [ComplexSeries, ComplexSeries, ComplexSeries],
        loadImpedance: loadImpedance as [ComplexSeries, ComplexSeries, ComplexSeries],
      });
      const loadNames = loads.map(describeKnownLoad);
      if (flags.out !== undefined) {
        const comments = [
          `Identified by tympan identify from ${files.map((file, k) => `${file} (load ${"ABC"[k]}: ${loadNames[k]})`).join(", ")}.`,
        ];
        await writeOutputFile(
          flags.out,
          formatTwoPortCsv(identified, { comments }),
          flags.force ?? false,
        );
      }
      output.out(`${summary(identified, files, loadNames, loads, flags.out).join("\n")}\n`);
    });
}

function parseLoads(text: string): [KnownLoad, KnownLoad, KnownLoad] {
  const parts = text.split(",").map((part) => part.trim());
  if (parts.length !== 3 || parts.some((part) => part === "")) {
    throw usageError(
      `--loads ${text}: give exactly three loads, one per file, separated by commas (e.g. 0.4cc,2cc,711)`,
    );
  }
  return parts.map((part) => {
    try {
      return parseKnownLoad(part);
    } catch (error) {
      if (error instanceof TympanError) {
        throw usageError(`--loads: "${part}" is not a known load; write ${KNOWN_LOAD_SYNTAX}`);
      }
      throw error;
    }
  }) as [KnownLoad, KnownLoad, KnownLoad];
}

/** An impedance file with its phase: identification needs the complex impedance. */
async function readComplexImpedance(path: string): Promise<Curve> {
  const curve = await readMeasurementFile(path, { kind: "impedance" });
  if (curve.phaseDeg === undefined) {
    throw usageError(
      `${path}: the file has no phase column; three-load identification needs the complex impedance, so export magnitude and phase (a .zma file or REW's impedance text export has both)`,
    );
  }
  const zero = curve.values.findIndex((value) => !(value > 0));
  if (zero >= 0) {
    throw usageError(
      `${path}: the impedance magnitude is ${curve.values[zero]} Ω at ${curve.frequencyHz[zero]} Hz; a receiver's impedance is positive — is this an impedance file?`,
    );
  }
  return curve;
}

/**
 * The frequencies of all three files inside the band they all cover (points closer than one part in
 * 1e9 merged), so that files measured on the same grid are used without interpolation.
 */
function commonGrid(curves: readonly Curve[], files: readonly string[]): number[] {
  const lowHz = Math.max(...curves.map((curve) => curve.frequencyHz[0]!));
  const highHz = Math.min(
    ...curves.map((curve) => curve.frequencyHz[curve.frequencyHz.length - 1]!),
  );
  if (!(lowHz < highHz)) {
    const ranges = curves.map(
      (curve, k) =>
        `${files[k]} ${curve.frequencyHz[0]}–${curve.frequencyHz[curve.frequencyHz.length - 1]} Hz`,
    );
    throw usageError(
      `the three measurements share no frequency band (${ranges.join("; ")}); measure all three loads over the same band`,
    );
  }
  const all = curves
    .flatMap((curve) => curve.frequencyHz)
    .filter((f) => f >= lowHz && f <= highHz)
    .sort((a, b) => a - b);
  const grid: number[] = [];
  for (const f of all) {
    const previous = grid[grid.length - 1];
    if (previous === undefined || f > previous * (1 + 1e-9)) grid.push(f);
  }
  return grid;
}

/**
 * The curve's complex impedance on `grid`: ln|Z| and unwrapped phase linear in log f (exact at the
 * file's own frequencies), the same interpolation the measuredReceiver element uses.
 */
function complexOnGrid(curve: Curve, grid: readonly number[]): ComplexSeries {
  const phaseDeg = curve.phaseDeg!;
  const unwrapped: number[] = [];
  phaseDeg.forEach((phase, k) => {
    const previous = unwrapped[k - 1];
    unwrapped.push(
      previous === undefined ? phase : phase + 360 * Math.round((previous - phase) / 360),
    );
  });
  const logMagnitude = interpolateLogFrequency(
    { ...curve, values: curve.values.map(Math.log) },
    grid,
  );
  const phase = interpolateLogFrequency({ ...curve, values: unwrapped }, grid);
  return {
    re: grid.map((_, k) => Math.exp(logMagnitude[k]!) * Math.cos((phase[k]! * Math.PI) / 180)),
    im: grid.map((_, k) => Math.exp(logMagnitude[k]!) * Math.sin((phase[k]! * Math.PI) / 180)),
  };
}

function summary(
  identified: IdentifiedReceiver,
  files: readonly string[],
  loadNames: readonly string[],
  loads: readonly KnownLoad[],
  out: string | undefined,
): string[] {
  const { frequencyHz } = identified;
  const indices = [
    ...new Set(
      SUMMARY_HZ.filter(
        (f) => f >= frequencyHz[0]! * 0.9 && f <= frequencyHz[frequencyHz.length - 1]! * 1.1,
      ).map((target) => nearestIndex(frequencyHz, target)),
    ),
  ];
  const complex = (series: ComplexSeries, k: number, digits: number) => {
    const re = series.re[k]!;
    const im = series.im[k]!;
    return `${number(re, digits)} ${im < 0 ? "−" : "+"} ${number(Math.abs(im), digits)}j`;
  };
  const rows = indices.map((k) => {
    const ps = Math.hypot(
      identified.thevenin.pressurePerVolt.re[k]!,
      identified.thevenin.pressurePerVolt.im[k]!,
    );
    return [
      number(frequencyHz[k]!, 5).padStart(8),
      complex(identified.ze, k, 4).padStart(22),
      number(
        Math.hypot(identified.transduction.re[k]!, identified.transduction.im[k]!),
        4,
      ).padStart(11),
      complex(identified.za, k, 4).padStart(26),
      (20 * Math.log10(ps / SPL_REFERENCE_PA)).toFixed(1).padStart(9),
      complex(identified.thevenin.sourceImpedance, k, 4).padStart(26),
    ].join("  ");
  });
  const lines = [
    `Hunt two-port from ${files.map((file, k) => `${file} (${loadNames[k]})`).join(", ")}:`,
    `${frequencyHz.length} frequencies, ${number(frequencyHz[0]!, 6)}–${number(frequencyHz[frequencyHz.length - 1]!, 6)} Hz`,
    `${"f (Hz)".padStart(8)}  ${"Ze (Ω)".padStart(22)}  ${"|T| (Pa/A)".padStart(11)}  ${"Za (Pa·s/m³)".padStart(26)}  ${"p_s (dB)".padStart(9)}  ${"Z_s (Pa·s/m³)".padStart(26)}`,
    ...rows,
    "p_s: open-port pressure per volt, dB re 20 µPa/V; Z_s: acoustic source impedance for voltage drive.",
    "Polarity (the sign of T) is not measured: Re T ≥ 0 at the lowest frequency by convention; one pressure measurement fixes it (identifyThreeLoad's polarity option).",
  ];
  const fragile = frequencyHz.filter((_, k) => identified.sensitivity[k]! > SENSITIVITY_NOTE);
  if (fragile.length > 0) {
    lines.push(
      `note: at ${fragile.length} of ${frequencyHz.length} frequencies (${number(fragile[0]!, 5)}–${number(fragile[fragile.length - 1]!, 5)} Hz) the loads change the impedance so little that a 0.1 % measurement error can make T² and Za wrong by ${SENSITIVITY_NOTE / 10} % or more; trust the table less there, or use loads that differ more from the receiver's own acoustic impedance`,
    );
  }
  const { fromHz, toHz } = EAR711_VALID_RANGE_HZ;
  const first = frequencyHz[0]!;
  const last = frequencyHz[frequencyHz.length - 1]!;
  if (loads.some((load) => load.kind === "ear711") && (first < fromHz || last > toHz)) {
    lines.push(
      `note: the 711 ear simulator is standardised for ${fromHz} Hz–${toHz / 1000} kHz; outside it its modelled impedance (and the identification there) is an extrapolation`,
    );
  }
  lines.push(out === undefined ? "Pass --out receiver.csv to save the table." : `Wrote ${out}.`);
  return lines;
}

function nearestIndex(frequencyHz: readonly number[], target: number): number {
  let best = 0;
  frequencyHz.forEach((f, k) => {
    if (Math.abs(Math.log(f / target)) < Math.abs(Math.log(frequencyHz[best]! / target))) best = k;
  });
  return best;
}

function number(value: number, digits: number): string {
  return Math.abs(value) >= 1e6 || (value !== 0 && Math.abs(value) < 1e-3)
    ? value.toExponential(digits - 1)
    : String(Number(value.toPrecision(digits)));
}
