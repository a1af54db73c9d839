import { formatHz } from "../core/format.js";
import type { ChartOptions } from "../plot/chart.js";
import { SOURCE_PRESETS, SOURCE_PRESET_NAMES } from "../source/sourcePresets.js";
import { allClaims } from "./claims/claims.js";
import { sourceAndFitClaims } from "./claims/sourceClaims.js";
import { allDistortionClaims } from "./claims/allDistortionClaims.js";
import type { ClaimResult } from "./claims/claims.js";
import {
  DISTORTION_CLAIM_FREQUENCIES,
  DISTORTION_CLAIM_LEVELS_DB,
  hybridClaim,
} from "./claims/distortionClaims.js";
import {
  type DesignFigures,
  allDesignFigures,
  impedanceChart,
  responseChart,
  sealChart,
} from "./comparison.js";

/** The comparison page of the reference designs: its charts (by file stem) and its Markdown. */
export interface ReferenceComparison {
  /** "compare-response", "compare-impedance", "compare-seal", each with its chart. */
  readonly charts: readonly { readonly stem: string; readonly chart: ChartOptions }[];
  /** The Markdown that opens the report's summary.md, linking the charts as `<stem>.svg`. */
  readonly markdown: string;
}

/**
 * The reference designs compared, as the report writes them: three charts (SPL at the drum, impedance,
 * the seal scenario) and the Markdown with a table of the designs' figures, the buyer's guides' claims and
 * the source-and-fit and distortion sections. Simulates every reference design (about a second) and
 * computes the distortion claims with harmonic balance (about 5 s more).
 */
export function referenceComparison(): ReferenceComparison {
  const figures = allDesignFigures();
  return {
    charts: [
      { stem: "compare-response", chart: responseChart(figures) },
      { stem: "compare-impedance", chart: impedanceChart(figures) },
      { stem: "compare-seal", chart: sealChart() },
    ],
    markdown: comparisonMarkdown(figures),
  };
}

/** The comparison page's Markdown for these figures (see referenceComparison). */
export function comparisonMarkdown(figures: readonly DesignFigures[]): string {
  const lines = [
    "# Tympan: the reference designs compared",
    "",
    "Every configuration the buyer's guides argue about, simulated as a whole IEM (1 V drive, crossover, drivers, tubes, dampers, vents, nozzle and ear tip) into the IEC 60318-4 (711) ear simulator.",
    "",
    "![Response at the drum](compare-response.svg)",
    "",
    "| design | what it is | dB SPL/mW @1 kHz | dB SPL/V @1 kHz | impedance @1 kHz (Ω) | minimum impedance (Ω) | worst deviation from Harman, 20 Hz–10 kHz | in-ear preference rating | bass lost at 50 Hz, broken seal |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ...figures.map(
      (entry) =>
        `| ${entry.name} | ${entry.summary} | ${entry.sensitivityDbPerMilliwatt.toFixed(1)} | ${entry.sensitivityDbPerVolt.toFixed(1)} | ${entry.impedanceAt1kHzOhm.toFixed(1)} | ${entry.minimumImpedanceOhm.toFixed(1)} | ${entry.worstDeviationDb.toFixed(1)} dB at ${formatHz(entry.worstDeviationAtHz)} | ${entry.preferenceRating.toFixed(1)} | ${entry.brokenSealLossAt50HzDb.toFixed(1)} dB |`,
    ),
    "",
    "Deviation: after setting design and target to 0 dB at 1 kHz. The preference rating (Olive et al. 2017) is informative: a simulated 711 is not a measured GRAS coupler.",
    "",
    "![Impedance](compare-impedance.svg)",
    "",
    "![What a broken seal does](compare-seal.svg)",
    "",
    "## The buyer's guides' claims, computed",
    "",
    "| # | claim | holds | figures |",
    "|---:|---|:---:|---|",
    ...claimRows(allClaims(), 0),
    "",
    ...sourceAndFitMarkdown(allClaims().length),
    ...distortionMarkdown(allClaims().length + sourceAndFitClaims().length),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * The source-matching and fit section: a table of the source presets (output impedance in Ω, maximum
 * voltage in V rms, maximum current in mA rms, A-weighted noise in µV) and the buyer's guides' claims about
 * hiss, power, output impedance and the seal, numbered from `firstNumber + 1`.
 */
export function sourceAndFitMarkdown(firstNumber: number): string[] {
  return [
    "## Sources and fit, computed",
    "",
    "Source presets (`tympan source <design> --source <preset>`; every figure illustrative, see its note):",
    "",
    "| preset | what it is | output impedance (Ω) | max voltage (V rms) | max current (mA rms) | noise (µV, A-weighted) | why plausible |",
    "|---|---|---:|---:|---:|---:|---|",
    ...SOURCE_PRESET_NAMES.map((name) => {
      const preset = SOURCE_PRESETS[name];
      return `| ${name} | ${preset.description} | ${preset.outputImpedanceOhm} | ${preset.maxVoltageVrms} | ${preset.maxCurrentArms * 1000} | ${preset.noiseMicrovoltsA} | ${preset.provenance} |`;
    }),
    "",
    "Hiss is compared band by band (one-third octaves, 125 Hz–8 kHz) with the threshold of hearing at the 711's drum (ISO 389-2 / ANSI S3.6 insert-earphone RETSPL), the noise floor taken as white over 20 Hz–20 kHz.",
    "",
    "| # | claim | holds | figures |",
    "|---:|---|:---:|---|",
    ...claimRows(sourceAndFitClaims(), firstNumber),
    "",
  ];
}

/** A claims table's rows, numbered from `firstNumber + 1`. */
function claimRows(claims: readonly ClaimResult<unknown>[], firstNumber: number): string[] {
  return claims.map(
    (claim, index) =>
      `| ${firstNumber + index + 1} | ${claim.claim} | ${claim.holds ? "yes" : "**no**"} | ${claim.summary} |`,
  );
}

/** The designs whose THD the distortion section tabulates (the hybrid claim's). */
const THD_TABLE_DESIGNS = ["single-dd", "quad-ba", "hybrid-1dd-2ba"];

/**
 * The distortion section: THD at the drum (%) of single-dd, quad-ba and hybrid-1dd-2ba at 94 and
 * 114 dB SPL (set at 1 kHz) from 20 Hz to 10 kHz, read from the hybrid claim's figures, and the
 * distortion claims (default allDistortionClaims(), about 5 s) numbered from `firstNumber + 1`.
 */
export function distortionMarkdown(
  firstNumber: number,
  claims: readonly ClaimResult<unknown>[] = allDistortionClaims(),
): string[] {
  // The THD the hybrid claim compares (remembered per design and level: no second solve).
  const { thdPercent } = hybridClaim().figures;
  const table = [
    `| level | design | ${DISTORTION_CLAIM_FREQUENCIES.map(formatHz).join(" | ")} |`,
    `|---:|---|${DISTORTION_CLAIM_FREQUENCIES.map(() => "---:").join("|")}|`,
    ...DISTORTION_CLAIM_LEVELS_DB.flatMap((level) =>
      THD_TABLE_DESIGNS.map(
        (name) =>
          `| ${level} dB | ${name} | ${thdPercent[level]![name]!.map((thd) => thd.toPrecision(2)).join(" | ")} |`,
      ),
    ),
    "",
  ];
  return [
    "## Distortion, computed",
    "",
    "Harmonic balance over the whole network (`tympan distortion`), THD (H2…H5) at the drum in %, the level set at 1 kHz as reviewers do. Every driver's large-signal curves are illustrative (catalogue parts): the figures compare mechanisms, not products.",
    "",
    ...table,
    "| # | claim | holds | figures |",
    "|---:|---|:---:|---|",
    ...claimRows(claims, firstNumber),
    "",
  ];
}
