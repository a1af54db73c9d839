import type { Command } from "commander";
import type { ChartOptions } from "../../plot/chart.js";
import {
  DEFAULT_PEAK_LEVEL_DB_SPL,
  type DriveRequirement,
  driveRequirement,
} from "../../source/driveRequirement.js";
import { type Hiss, hissAtDrum } from "../../source/hiss.js";
import { THRESHOLD_AT_711_DRUM } from "../../source/hearingThreshold.js";
import { type Damping, outputImpedanceDamping } from "../../source/outputImpedanceDamping.js";
import { type SourceModel, sourceProblems } from "../../source/sourceModel.js";
import { SOURCE_PRESETS, SOURCE_PRESET_NAMES, sourcePreset } from "../../source/sourcePresets.js";
import type { SourceLoad } from "../../source/sourceLoad.js";
import { specSheet } from "../../source/specSheet.js";
import { usageError } from "../errors.js";
import { checkPlotPath, writeChart } from "../plotFile.js";
import type { CliOutput } from "../program.js";
import {
  type MeasuredFlags,
  addMeasuredOptions,
  formatHz,
  signedDb,
  sourceLoadFromInput,
} from "./spec.js";

interface SourceFlags extends MeasuredFlags {
  source?: string;
  outputImpedance?: string;
  noise?: string;
  maxVoltage?: string;
  maxCurrent?: string;
  level: string;
  json?: boolean;
  plot?: string;
  force?: boolean;
}

/** Everything `tympan source` computes for one source. */
export interface SourceMatch {
  readonly source: SourceModel;
  readonly drive: DriveRequirement;
  readonly hiss: Hiss;
  readonly damping: Damping;
}

export function matchSource(
  load: SourceLoad,
  source: SourceModel,
  levelDbSpl: number,
): SourceMatch {
  return {
    source,
    drive: driveRequirement(load, source, levelDbSpl),
    hiss: hissAtDrum(load, source),
    damping: outputImpedanceDamping(load, source.outputImpedanceOhm),
  };
}

export function registerSource(program: Command, output: CliOutput): void {
  addMeasuredOptions(
    program
      .command("source")
      .description(
        "how a headphone output drives a design or measured IEM: voltage, current and power for a peak level, headroom, hiss at the eardrum against the threshold of hearing, and the response change its output impedance causes",
      )
      .argument(
        "<design|impedance-file>",
        "a built-in design name, a design file (.json, .yaml), or an impedance measurement with --sensitivity",
      ),
  )
    .option(
      "--source <preset>",
      `a source preset: ${SOURCE_PRESET_NAMES.join(", ")} (none and no figures: every preset, compared)`,
    )
    .option("--output-impedance <ohm>", "the source's output impedance (Ω)")
    .option("--noise <microvolts>", "the source's noise floor, A-weighted (µV rms)")
    .option("--max-voltage <volts>", "the source's largest output voltage (V rms)")
    .option("--max-current <milliamps>", "the source's largest output current (mA rms)")
    .option(
      "--level <dB>",
      "the peak level to drive, dB SPL at the eardrum",
      String(DEFAULT_PEAK_LEVEL_DB_SPL),
    )
    .option("--json", "print the results as JSON")
    .option(
      "--plot <file>",
      "draw the response change and the hiss against the threshold (.svg or .png)",
    )
    .option("--force", "allow --plot to replace an existing file")
    .action(async (input: string, flags: SourceFlags) => {
      if (flags.plot !== undefined) checkPlotPath(flags.plot);
      const level = parseNumber(
        "--level",
        flags.level,
        (v) => v > 0 && v < 200,
        "a level in dB SPL, e.g. 110",
      );
      const chosen = sourceFromFlags(flags);
      const load = await sourceLoadFromInput(input, flags);
      const sources =
        chosen === undefined ? SOURCE_PRESET_NAMES.map((n) => SOURCE_PRESETS[n]) : [chosen];
      const matches = sources.map((source) => matchSource(load, source, level));
      if (flags.json) {
        output.out(
          `${JSON.stringify({
            iem: load.name,
            spec: specSheet(load),
            levelDbSpl: level,
            notes: load.notes,
            sources: matches.map(({ source, drive, hiss, damping }) => ({
              source,
              drive,
              hiss,
              damping: { ...damping, frequencyHz: undefined, changeDb: undefined },
            })),
          })}\n`,
        );
      } else {
        output.out(
          chosen === undefined
            ? formatComparison(load, matches, level)
            : formatMatch(load, matches[0]!),
        );
      }
      if (flags.plot !== undefined) {
        const chart = sourceChart(load, matches);
        await writeChart(flags.plot, chart, flags.force ?? false);
      }
    });
}

function parseNumber(
  flag: string,
  text: string,
  valid: (value: number) => boolean,
  what: string,
): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || !valid(value))
    throw usageError(`${flag} ${text}: give ${what}`);
  return value;
}

/**
 * The source from the flags: a preset (its figures replaced by any given flags), a custom source
 * (--output-impedance, --noise and --max-voltage all needed), or undefined for "compare every preset".
 */
export function sourceFromFlags(flags: SourceFlags): SourceModel | undefined {
  const figures = {
    ...(flags.outputImpedance !== undefined
      ? {
          outputImpedanceOhm: parseNumber(
            "--output-impedance",
            flags.outputImpedance,
            (v) => v >= 0,
            "an output impedance ≥ 0 Ω, e.g. 10",
          ),
        }
      : {}),
    ...(flags.noise !== undefined
      ? {
          noiseMicrovoltsA: parseNumber(
            "--noise",
            flags.noise,
            (v) => v >= 0,
            "a noise floor ≥ 0 µV (A-weighted), e.g. 5",
          ),
        }
      : {}),
    ...(flags.maxVoltage !== undefined
      ? {
          maxVoltageVrms: parseNumber(
            "--max-voltage",
            flags.maxVoltage,
            (v) => v > 0,
            "a voltage > 0 V rms, e.g. 1",
          ),
        }
      : {}),
    ...(flags.maxCurrent !== undefined
      ? {
          maxCurrentArms:
            parseNumber(
              "--max-current",
              flags.maxCurrent,
              (v) => v > 0,
              "a current > 0 mA rms, e.g. 100",
            ) / 1000,
        }
      : {}),
  };
  const given = Object.keys(figures).length > 0;
  if (flags.source !== undefined) {
    const preset = sourcePreset(flags.source);
    if (preset === undefined)
      throw usageError(
        `--source ${flags.source}: no such preset; choose one of ${SOURCE_PRESET_NAMES.join(", ")}`,
      );
    return given
      ? {
          ...preset,
          ...figures,
          name: `${preset.name} (modified)`,
          provenance: `${preset.provenance}; figures replaced on the command line: ${Object.keys(figures).join(", ")}`,
        }
      : preset;
  }
  if (!given) return undefined;
  const missing = [
    figures.outputImpedanceOhm === undefined ? "--output-impedance" : undefined,
    figures.noiseMicrovoltsA === undefined ? "--noise" : undefined,
    figures.maxVoltageVrms === undefined ? "--max-voltage" : undefined,
  ].filter((flag) => flag !== undefined);
  if (missing.length > 0)
    throw usageError(
      `a custom source needs --output-impedance, --noise and --max-voltage (missing: ${missing.join(", ")}); or start from a preset with --source`,
    );
  const source: SourceModel = {
    name: "custom",
    description: "the source given on the command line",
    outputImpedanceOhm: figures.outputImpedanceOhm!,
    noiseMicrovoltsA: figures.noiseMicrovoltsA!,
    maxVoltageVrms: figures.maxVoltageVrms!,
    ...(figures.maxCurrentArms !== undefined ? { maxCurrentArms: figures.maxCurrentArms } : {}),
    provenance: "given on the command line",
  };
  const problems = sourceProblems(source);
  if (problems.length > 0) throw usageError(problems.join("; "));
  return source;
}

function milli(value: number, unit: string): string {
  return value >= 1
    ? `${value.toPrecision(3)} ${unit}`
    : `${(value * 1000).toPrecision(3)} m${unit}`;
}

function headroomText(drive: DriveRequirement): string {
  const current =
    drive.currentHeadroomDb === undefined
      ? "current not limited (no --max-current)"
      : `${signedDb(drive.currentHeadroomDb)} dB current`;
  const verdict =
    drive.headroomDb >= 0
      ? `${drive.binding} limits first`
      : `short by ${Math.abs(drive.headroomDb).toFixed(1)} dB (${drive.binding})`;
  return `${signedDb(drive.voltageHeadroomDb)} dB voltage, ${current}: ${verdict}; loudest clean level ${drive.maximumLevelDbSpl.toFixed(1)} dB SPL`;
}

function formatMatch(load: SourceLoad, match: SourceMatch): string {
  const { source, drive, hiss, damping } = match;
  const spec = specSheet(load);
  const worst = hiss.bands.find((band) => band.nominalHz === hiss.worstBandHz)!;
  const lines = [
    `${load.name} driven by ${source.name}: ${source.description}`,
    `  source: ${source.outputImpedanceOhm} Ω, ${source.maxVoltageVrms} V rms max, ${source.maxCurrentArms === undefined ? "no current limit given" : `${(source.maxCurrentArms * 1000).toPrecision(3)} mA max`}, noise ${source.noiseMicrovoltsA} µV(A) [${source.provenance}]`,
    `Drive for ${drive.levelDbSpl} dB SPL at the eardrum (a 1 kHz sine, from the 1 kHz sensitivity ${spec.sensitivityDbSplPerVolt.toFixed(1)} dB SPL/V):`,
    `  at the IEM     ${milli(drive.voltageVrms, "V")} rms, ${milli(drive.currentArms, "A")} rms, ${milli(drive.powerW, "W")}`,
    `  from source    ${milli(drive.sourceVoltageVrms, "V")} open-circuit behind ${source.outputImpedanceOhm} Ω; draws up to ${milli(drive.worstCurrentArms, "A")} (at ${formatHz(drive.worstCurrentAtHz)})`,
    `  headroom       ${headroomText(drive)}`,
    `Hiss (${source.noiseMicrovoltsA} µV(A), ${hiss.noiseDensityNanovoltsPerRootHz.toFixed(0)} nV/√Hz white, through the IEM to the eardrum):`,
    `  ${hiss.aWeightedDbSpl.toFixed(1)} dB(A) SPL; loudest band against the threshold: ${formatHz(worst.nominalHz)}, ${worst.levelDbSpl.toFixed(1)} dB SPL vs ${worst.thresholdDbSpl.toFixed(1)} dB`,
    `  verdict: ${hiss.verdict}`,
    `  with this IEM, hiss becomes audible above ${hiss.audibleAboveMicrovoltsA.toFixed(1)} µV(A)`,
    `Output impedance (${source.outputImpedanceOhm} Ω) and the response:`,
    `  level ${signedDb(damping.changeAt1kHzDb, 2)} dB at 1 kHz; the shape changes by ${damping.spreadDb.toFixed(2)} dB (most loss at ${formatHz(damping.mostLossAtHz)}, least at ${formatHz(damping.leastLossAtHz)}); largest change re 1 kHz ${signedDb(damping.worstRelativeTo1kHzDb, 2)} dB at ${formatHz(damping.worstRelativeAtHz)}`,
    ...[...load.notes, ...hiss.assumptions].map((note) => `  note: ${note}`),
  ];
  return `${lines.join("\n")}\n`;
}

function formatComparison(
  load: SourceLoad,
  matches: readonly SourceMatch[],
  level: number,
): string {
  const spec = specSheet(load);
  const drive = matches[0]!.drive;
  const lines = [
    `${load.name} (${spec.sensitivityDbSplPerMilliwatt.toFixed(1)} dB SPL/mW, ${spec.sensitivityDbSplPerVolt.toFixed(1)} dB SPL/V, ${spec.impedanceAt1kHzOhm.toFixed(1)} Ω at 1 kHz) on each source preset:`,
    `${level} dB SPL at 1 kHz needs ${milli(drive.voltageVrms, "V")}, ${milli(drive.currentArms, "A")}, ${milli(drive.powerW, "W")} at the IEM.`,
    "",
    `  ${"source".padEnd(18)} ${"Zout".padStart(6)} ${"max V".padStart(6)} ${"noise".padStart(9)}  ${"headroom".padStart(18)}  ${"hiss".padStart(10)}  ${"vs threshold".padStart(12)}  ${"shape change".padStart(12)}`,
    ...matches.map(({ source, drive: need, hiss, damping }) =>
      [
        `  ${source.name.padEnd(18)}`,
        `${`${source.outputImpedanceOhm} Ω`.padStart(6)}`,
        `${`${source.maxVoltageVrms} V`.padStart(6)}`,
        `${`${source.noiseMicrovoltsA} µV(A)`.padStart(9)} `,
        `${`${signedDb(need.headroomDb)} dB (${need.binding})`.padStart(18)} `,
        `${`${hiss.aWeightedDbSpl.toFixed(1)} dB(A)`.padStart(10)} `,
        `${`${signedDb(hiss.marginDb)} dB`.padStart(12)} `,
        `${`${damping.spreadDb.toFixed(2)} dB`.padStart(12)}`,
      ].join(" "),
    ),
    "",
    "Hiss: the loudest one-third-octave band at the eardrum against the threshold of hearing (> 0: audible in quiet passages).",
    "Shape change: how much the source's output impedance reshapes the response (largest minus smallest level change, 20 Hz–20 kHz).",
    "The presets are illustrative (tympan source <design> --source <preset> shows one in detail, with where its figures come from).",
    ...load.notes.map((note) => `note: ${note}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** Two panels: the response change from the output impedance, and the hiss bands against the threshold. */
export function sourceChart(load: SourceLoad, matches: readonly SourceMatch[]): ChartOptions {
  return {
    title: `${load.name}: what the source does`,
    subtitle: matches.map((m) => m.source.name).join(", "),
    panels: [
      {
        yLabel: "Response change from output impedance",
        yUnit: "dB",
        yMinSpan: 2,
        series: matches.map(({ source, damping }) => ({
          name: `${source.name} (${source.outputImpedanceOhm} Ω)`,
          xHz: damping.frequencyHz,
          y: damping.changeDb,
        })),
      },
      {
        yLabel: "Hiss at the eardrum, 1/3-octave bands",
        yUnit: "dB SPL",
        yMinSpan: 30,
        series: [
          ...matches.map(({ source, hiss }) => ({
            name: `${source.name} hiss (${source.noiseMicrovoltsA} µV(A))`,
            xHz: hiss.bands.map((band) => band.nominalHz),
            y: hiss.bands.map((band) => band.levelDbSpl),
          })),
          {
            name: "threshold of hearing (ISO 389-2, 711 drum)",
            xHz: THRESHOLD_AT_711_DRUM.map((row) => row.hz),
            y: THRESHOLD_AT_711_DRUM.map((row) => row.db),
            dash: "dashed" as const,
            color: "#444444",
          },
        ],
      },
    ],
    notes: [
      "Noise assumed white over 20 Hz–20 kHz. Threshold: ISO 389-2 / ANSI S3.6 insert-earphone RETSPL in the IEC 60318-4 simulator (monaural medians).",
    ],
  };
}
