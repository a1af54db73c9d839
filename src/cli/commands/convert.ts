import type { Command } from "commander";
import { formatCsv, formatRew, formatSquig } from "../../index.js";
import { checkOutputPath, readMeasurementFile } from "../io/index.js";
import { usageError } from "../errors.js";
import { writeOutputFile } from "../outputFile.js";
import type { CliOutput } from "../cliOutput.js";
import { addChannelOption, channelFromFlag, noteTo } from "../readCurve.js";

interface ConvertFlags {
  to: string;
  out?: string;
  force?: boolean;
  column?: string;
  channel?: string;
}

const WRITERS = { csv: formatCsv, rew: formatRew, squig: formatSquig } as const;

/** `tympan convert`: any measurement file the reader takes, written as CSV, REW-style or squig.link text. */
export function registerConvert(program: Command, output: CliOutput): void {
  addChannelOption(
    program
      .command("convert")
      .description(
        "rewrite a measurement file as AutoEq-style CSV, REW-style text or squig.link text",
      )
      .argument("<measurement>", "a measurement file (.csv, .txt, .frd, .zma …)")
      .requiredOption("--to <format>", `output format: ${Object.keys(WRITERS).join(", ")}`)
      .option("--out <file>", "write to this file instead of standard output")
      .option("--force", "allow --out to replace an existing file")
      .option(
        "--column <name>",
        "the column to read from a multi-column file (e.g. an AutoEq result)",
      ),
  ).action(async (input: string, flags: ConvertFlags) => {
    const write = Object.hasOwn(WRITERS, flags.to)
      ? WRITERS[flags.to as keyof typeof WRITERS]
      : undefined;
    if (write === undefined) {
      throw usageError(`--to ${flags.to}: choose one of ${Object.keys(WRITERS).join(", ")}`);
    }
    const channel = channelFromFlag(flags.channel);
    const force = flags.force ?? false;
    if (flags.out !== undefined) await checkOutputPath(flags.out, force, "--out");
    const curve = await readMeasurementFile(input, {
      ...(flags.column !== undefined ? { column: flags.column } : {}),
      ...(channel !== undefined ? { channel } : {}),
      onNote: noteTo(output.err),
    });
    const text = write(curve);
    if (flags.out === undefined) output.out(text);
    else await writeOutputFile(flags.out, text, force);
  });
}
