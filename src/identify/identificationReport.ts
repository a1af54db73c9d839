import { SPL_REFERENCE_PA } from "../core/air.js";
import type { ComplexSeries } from "../core/complexValue.js";
import { type Issue, formatIssue } from "../core/issues.js";
import { EAR711_VALID_RANGE_HZ } from "../elements/loads/ear711Parameters.js";
import { type KnownLoad, describeKnownLoad } from "./knownLoads.js";
import type { IdentifiedReceiver } from "./threeLoadIdentification.js";

/** Above this error amplification a frequency is fragile: 0.1 % in, ≥ 10 % out. */
const FRAGILE_SENSITIVITY = 100;

/** Frequencies the summary shows (the nearest grid points inside the measured band). */
const SUMMARY_HZ = [100, 300, 1000, 3000, 10_000];

/** "12.3", "0.0004" as "4.000e-4", "2.5e+6": `digits` significant digits, exponent when far from 1. */
function number(value: number, digits: number): string {
  return Math.abs(value) >= 1e6 || (value !== 0 && Math.abs(value) < 1e-3)
    ? value.toExponential(digits - 1)
    : String(Number(value.toPrecision(digits)));
}

function nearestIndex(frequencyHz: readonly number[], target: number): number {
  let best = 0;
  frequencyHz.forEach((f, k) => {
    if (Math.abs(Math.log(f / target)) < Math.abs(Math.log(frequencyHz[best]! / target))) best = k;
  });
  return best;
}

/**
 * What to trust less in an identification, as notes: frequencies where a 0.1 % measurement error can
 * make T² and Za wrong by 10 % or more (code "ill-conditioned-loads"), and a 711 load used outside
 * the band IEC 60318-4 standardises (code "ear711-extrapolated").
 */
export function identificationNotes(
  identified: IdentifiedReceiver,
  loads: readonly KnownLoad[],
): Issue[] {
  const { frequencyHz } = identified;
  const notes: Issue[] = [];
  const fragile = frequencyHz.filter((_, k) => identified.sensitivity[k]! > FRAGILE_SENSITIVITY);
  if (fragile.length > 0) {
    notes.push({
      severity: "note",
      code: "ill-conditioned-loads",
      path: [],
      message: `at ${fragile.length} of ${frequencyHz.length} frequencies (${number(fragile[0]!, 5)}–${number(fragile.at(-1)!, 5)} Hz) the loads change the impedance so little that a 0.1 % measurement error can make T² and Za wrong by ${FRAGILE_SENSITIVITY / 10} % or more; trust the table less there, or use loads that differ more from the receiver's own acoustic impedance`,
    });
  }
  const { fromHz, toHz } = EAR711_VALID_RANGE_HZ;
  const first = frequencyHz[0]!;
  const last = frequencyHz.at(-1)!;
  if (loads.some((load) => load.kind === "ear711") && (first < fromHz || last > toHz)) {
    notes.push({
      severity: "note",
      code: "ear711-extrapolated",
      path: [],
      message: `the 711 ear simulator is standardised for ${fromHz} Hz–${toHz / 1000} kHz; outside it its modelled impedance (and the identification there) is an extrapolation`,
    });
  }
  return notes;
}

/**
 * The summary `tympan identify` prints: the files and loads, the band, a table of Ze, |T|, Za, the
 * open-port pressure p_s (dB re 20 µPa/V) and Z_s at up to five frequencies, what the columns mean,
 * the polarity convention, the identification's notes, and where the table went (`out`, or how to
 * save it).
 */
export function formatIdentification(
  identified: IdentifiedReceiver,
  options: {
    readonly files: readonly string[];
    readonly loads: readonly KnownLoad[];
    readonly out?: string | undefined;
  },
): string {
  const { frequencyHz } = identified;
  const loadNames = options.loads.map(describeKnownLoad);
  const indices = [
    ...new Set(
      SUMMARY_HZ.filter((f) => f >= frequencyHz[0]! * 0.9 && f <= frequencyHz.at(-1)! * 1.1).map(
        (target) => nearestIndex(frequencyHz, target),
      ),
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
    `Hunt two-port from ${options.files.map((file, k) => `${file} (${loadNames[k]})`).join(", ")}:`,
    `${frequencyHz.length} frequencies, ${number(frequencyHz[0]!, 6)}–${number(frequencyHz.at(-1)!, 6)} Hz`,
    `${"f (Hz)".padStart(8)}  ${"Ze (Ω)".padStart(22)}  ${"|T| (Pa/A)".padStart(11)}  ${"Za (Pa·s/m³)".padStart(26)}  ${"p_s (dB)".padStart(9)}  ${"Z_s (Pa·s/m³)".padStart(26)}`,
    ...rows,
    "p_s: open-port pressure per volt, dB re 20 µPa/V; Z_s: acoustic source impedance for voltage drive.",
    "Polarity (the sign of T) is not measured: Re T ≥ 0 at the lowest frequency by convention; one pressure measurement fixes it (identifyThreeLoad's polarity option).",
    ...identificationNotes(identified, options.loads).map((note) => formatIssue(note)),
    options.out === undefined
      ? "Pass --out receiver.csv to save the table."
      : `Wrote ${options.out}.`,
  ];
  return `${lines.join("\n")}\n`;
}

/** The comment line a written two-port table starts with: where it was identified from. */
export function identificationProvenance(
  files: readonly string[],
  loads: readonly KnownLoad[],
): string {
  return `Identified by tympan identify from ${files.map((file, k) => `${file} (load ${"ABC"[k]}: ${describeKnownLoad(loads[k]!)})`).join(", ")}.`;
}
