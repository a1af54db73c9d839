import type { Command } from "commander";
import { formatSpecSheet, specSheet } from "../../index.js";
import { readSourceLoad } from "../io/index.js";
import { issueLines } from "../errors.js";
import type { CliOutput } from "../cliOutput.js";

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
      const load = await readSourceLoad(input, flags);
      const sheet = specSheet(load);
      output.out(flags.json ? `${JSON.stringify(sheet)}\n` : formatSpecSheet(sheet));
      output.err(issueLines(load.notes));
    });
}
