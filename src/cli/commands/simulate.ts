import type { Command } from "commander";
import { frequencyGrid, simulate, simulationCsv, simulationTable } from "../../index.js";
import { checkOutputPath, loadDesign } from "../io/index.js";
import { inFile, issueLines, usageError } from "../errors.js";
import { checkPlotPath, writePlot } from "../plotFile.js";
import type { CliOutput } from "../cliOutput.js";

interface SimulateFlags {
  at?: string;
  from?: string;
  to?: string;
  points?: string;
  json?: boolean;
  csv?: boolean;
  plot?: string;
  force?: boolean;
}

export function registerSimulate(program: Command, output: CliOutput): void {
  const print = output.out;
  program
    .command("simulate")
    .description(
      "simulate a design: probe levels and phases, and the impedance seen by the first voltage source",
    )
    .argument(
      "<design>",
      "design file (.json, or .yaml/.yml) or a built-in design name (tympan designs)",
    )
    .option("--at <f1,f2,...>", "frequencies in Hz, comma-separated")
    .option("--from <Hz>", "start of the log-spaced sweep (default 20)")
    .option("--to <Hz>", "end of the log-spaced sweep (default 20000)")
    .option("--points <n>", "number of log-spaced points (default 1000, at most 100000)")
    .option("--json", "print the full result as JSON")
    .option("--csv", "print the result as CSV")
    .option("--plot <file>", "also draw the levels and impedance to an .svg or .png file")
    .option("--force", "allow --plot to replace an existing file")
    .action(async (designPath: string, flags: SimulateFlags) => {
      if (flags.json && flags.csv) throw usageError("give --json or --csv, not both");
      const frequencies = frequencyGrid(flags);
      if (flags.plot !== undefined) {
        checkPlotPath(flags.plot);
        await checkOutputPath(flags.plot, flags.force ?? false, "--plot");
      }
      const { design, name } = await loadDesign(designPath);
      const result = inFile(designPath, () => simulate(design, { frequencies }));
      if (flags.plot !== undefined) {
        await writePlot(flags.plot, result, name, flags.force ?? false, designPath);
      }
      if (flags.json) print(`${JSON.stringify(result)}\n`);
      else {
        print(flags.csv ? simulationCsv(result) : simulationTable(result));
        // The JSON carries its warnings; beside a table or CSV they go to standard error.
        output.err(issueLines(result.warnings ?? []));
      }
    });
}
