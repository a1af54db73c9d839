import type { Command } from "commander";
import { readMeasurementFile } from "../../io/measurementFile.js";
import {
  type SourceLoad,
  loadFromDesign,
  loadFromMeasurement,
  parseSensitivity,
} from "../../source/sourceLoad.js";
import { type SpecSheet, specSheet } from "../../source/specSheet.js";
import { inFile, usageError } from "../errors.js";
import { isDesignInput, isUnknownName, loadDesign, unknownNameError } from "../loadDesign.js";
import type { CliOutput } from "../program.js";

/** The flags that describe a measured IEM (spec and source share them). */
export interface MeasuredFlags {
  sensitivity?: string;
  response?: string;
}

/** Adds --sensitivity and --response, for an impedance file instead of a design. */
export function addMeasuredOptions(command: Command): Command {
  return command
    .option(
      "--sensitivity <figure>",
      'for an impedance file: the sensitivity at 1 kHz, e.g. "110 dB/mW" or "118 dB/V"',
    )
    .option(
      "--response <file>",
      "for an impedance file: a frequency-response measurement for the shape (set to --sensitivity at 1 kHz)",
    );
}

/**
 * The load to work on: a design (built-in name, .json/.yaml) simulated, or an impedance measurement
 * with --sensitivity (and --response for the shape).
 */
export async function sourceLoadFromInput(
  input: string,
  flags: MeasuredFlags,
): Promise<SourceLoad> {
  if (await isUnknownName(input))
    throw unknownNameError(
      input,
      "a .json/.yaml design file or an impedance file with --sensitivity",
    );
  if (await isDesignInput(input)) {
    if (flags.sensitivity !== undefined || flags.response !== undefined) {
      throw usageError(
        `--sensitivity and --response describe a measured IEM; ${input} is a design, whose sensitivity is simulated`,
      );
    }
    const { design, name } = await loadDesign(input);
    return inFile(input, () => loadFromDesign(design, name));
  }
  if (flags.sensitivity === undefined) {
    throw usageError(
      `${input} is a measurement: give its sensitivity at 1 kHz with --sensitivity, e.g. --sensitivity "110 dB/mW"`,
    );
  }
  const sensitivity = parseSensitivity(flags.sensitivity);
  if (sensitivity === undefined) {
    throw usageError(
      `--sensitivity ${flags.sensitivity}: give dB SPL per mW or per V at 1 kHz, e.g. "110 dB/mW" or "118 dB/V"`,
    );
  }
  const impedance = await readMeasurementFile(input);
  const response =
    flags.response === undefined ? undefined : await readMeasurementFile(flags.response);
  return inFile(input, () => loadFromMeasurement(impedance, sensitivity, response));
}

/** "850 Hz", "2.3 kHz". */
export function formatHz(frequencyHz: number): string {
  if (frequencyHz >= 1000)
    return `${+(frequencyHz / 1000).toFixed(frequencyHz >= 9950 ? 1 : 2)} kHz`;
  return `${+frequencyHz.toFixed(frequencyHz >= 100 ? 0 : 1)} Hz`;
}

/** "+1.2", "−3.4" (a true minus sign). */
export function signedDb(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  return Number(text) === 0 ? text : `${value > 0 ? "+" : "−"}${text}`;
}

export function registerSpec(program: Command, output: CliOutput): void {
  addMeasuredOptions(
    program
      .command("spec")
      .description(
        "the spec sheet of a design or a measured IEM: sensitivity (dB SPL/mW and /V at 1 kHz), impedance and phase, frequency range",
      )
      .argument(
        "<design|impedance-file>",
        "a built-in design name, a design file (.json, .yaml), or an impedance measurement (.zma …) with --sensitivity",
      ),
  )
    .option("--json", "print the spec sheet as JSON")
    .action(async (input: string, flags: MeasuredFlags & { json?: boolean }) => {
      const sheet = specSheet(await sourceLoadFromInput(input, flags));
      output.out(flags.json ? `${JSON.stringify(sheet)}\n` : formatSpecSheet(sheet));
    });
}

export function formatSpecSheet(sheet: SpecSheet): string {
  const phase = (deg: number) => `${signedDb(deg, 0)}°`;
  const range = `${formatHz(sheet.fromHz)}–${formatHz(sheet.toHz)}`;
  const lower =
    sheet.lowerMinus10DbHz === undefined
      ? `below ${formatHz(sheet.fromHz)}`
      : formatHz(sheet.lowerMinus10DbHz);
  const upper =
    sheet.upperMinus10DbHz === undefined
      ? `above ${formatHz(sheet.toHz)}`
      : formatHz(sheet.upperMinus10DbHz);
  const lines = [
    `${sheet.name}: spec sheet`,
    `  sensitivity         ${sheet.sensitivityDbSplPerMilliwatt.toFixed(1)} dB SPL/mW, ${sheet.sensitivityDbSplPerVolt.toFixed(1)} dB SPL/V at 1 kHz`,
    `  impedance           ${sheet.impedanceAt1kHzOhm.toFixed(1)} Ω at 1 kHz${sheet.phaseKnown ? `, phase ${phase(sheet.phaseAt1kHzDeg)}` : ""}`,
    `  impedance range     ${sheet.minimumImpedanceOhm.toFixed(1)} Ω (minimum, at ${formatHz(sheet.minimumImpedanceAtHz)}) to ${sheet.maximumImpedanceOhm.toFixed(1)} Ω (maximum, at ${formatHz(sheet.maximumImpedanceAtHz)}), ${range}`,
    sheet.phaseKnown
      ? `  phase range         ${phase(sheet.phaseMinimumDeg)} (at ${formatHz(sheet.phaseMinimumAtHz)}) to ${phase(sheet.phaseMaximumDeg)} (at ${formatHz(sheet.phaseMaximumAtHz)})`
      : "  phase range         not known (the impedance file has no phase)",
    `  frequency response  ${lower} to ${upper} (−10 dB re the 1 kHz level, at the eardrum)`,
    ...sheet.notes.map((note) => `  note: ${note}`),
  ];
  return `${lines.join("\n")}\n`;
}
