import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { registerCompare } from "./commands/compare.js";
import { registerConvert } from "./commands/convert.js";
import { registerDesigns } from "./commands/designs.js";
import { registerParts } from "./commands/parts.js";
import { registerElements } from "./commands/elements.js";
import { registerEq } from "./commands/eq.js";
import { registerIdentify } from "./commands/identify.js";
import { registerRank } from "./commands/rank.js";
import { registerReport } from "./commands/report.js";
import { registerScore } from "./commands/score.js";
import { registerSimulate } from "./commands/simulate.js";
import { registerSpec } from "./commands/spec.js";
import { registerSource } from "./commands/source.js";
import { registerFit } from "./commands/fit.js";
import { registerFitReceiver } from "./commands/fitReceiver.js";
import { registerFitDriver } from "./commands/fitDriver.js";
import { registerOptimize } from "./commands/optimize.js";
import { registerTolerance } from "./commands/tolerance.js";
import { registerDistortion } from "./commands/distortion.js";
import { type CliOutput, PROCESS_OUTPUT } from "./cliOutput.js";
import { EXIT_BAD_INPUT, reportError } from "./errors.js";

export type { CliOutput };

/**
 * The `tympan` command line: parse arguments, call the library, print results or issues.
 * Resolves to the exit code: 0 success, 2 bad input or usage, 70 a failure of Tympan itself (EXIT_INTERNAL).
 */
export async function runCli(
  argv: readonly string[],
  output: CliOutput = PROCESS_OUTPUT,
): Promise<number> {
  const print = output.out;
  const program = new Command()
    .name("tympan")
    .description("Simulate, measure and judge in-ear monitors.")
    .version(packageVersion(), "-V, --version", "print the version of tympan")
    .exitOverride()
    .configureOutput({
      writeOut: output.out,
      writeErr: output.err,
      // Commander's own messages ("error: unknown option '--bogus'") read like every other problem.
      outputError: (text, write) => write(text.replace(/^error: /, "tympan: ")),
    })
    .showHelpAfterError("(run tympan --help for usage)");
  registerSimulate(program, output);
  registerElements(program, print);
  registerDesigns(program, print);
  registerParts(program, print);
  registerReport(program, print);
  registerScore(program, output);
  registerRank(program, output);
  registerCompare(program, output);
  registerConvert(program, output);
  registerIdentify(program, output);
  registerEq(program, output);
  registerSpec(program, output);
  registerSource(program, output);
  registerFit(program, output);
  registerFitReceiver(program, output);
  registerFitDriver(program, output);
  registerOptimize(program, output);
  registerTolerance(program, output);
  registerDistortion(program, output);
  // A mistake in one command's flags points at that command's help, which lists them.
  for (const command of program.commands) {
    command.showHelpAfterError(`(run tympan ${command.name()} --help for its options)`);
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successful exits; everything else is a usage error commander printed.
      return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    return reportError(error, output.err);
  }
}

/** The version in package.json (one level above dist/ and src/). */
function packageVersion(): string {
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}
