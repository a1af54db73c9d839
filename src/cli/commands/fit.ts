import type { Command } from "commander";
import {
  FIT_SCENARIO_NAMES,
  fitChart,
  fitResponses,
  fitResponsesJson,
  fitScenariosByName,
  formatFitTable,
} from "../../index.js";
import { checkOutputPath, loadDesign } from "../io/index.js";
import { inFile } from "../errors.js";
import { checkPlotPath, writeChart } from "../plotFile.js";
import type { CliOutput } from "../cliOutput.js";

interface FitFlags {
  fit?: string;
  json?: boolean;
  plot?: string;
  force?: boolean;
}

export function registerFit(program: Command, output: CliOutput): void {
  program
    .command("fit")
    .description(
      "the response at the eardrum under each fit (deep seal, shallow fit, broken seal) and ear-tip variant (foam, bore width and length)",
    )
    .argument("<design>", "a built-in design name or a design file (.json, .yaml)")
    .option(
      "--fit <names>",
      `comma-separated, from: ${FIT_SCENARIO_NAMES.join(", ")} (default: all)`,
    )
    .option("--json", "print every response as JSON")
    .option("--plot <file>", "draw the responses to an .svg or .png file")
    .option("--force", "allow --plot to replace an existing file")
    .action(async (input: string, flags: FitFlags) => {
      if (flags.plot !== undefined) {
        checkPlotPath(flags.plot);
        await checkOutputPath(flags.plot, flags.force ?? false, "--plot");
      }
      const scenarios = fitScenariosByName(flags.fit);
      const { design, name } = await loadDesign(input);
      const responses = inFile(input, () => fitResponses(design, name, scenarios));
      if (flags.plot !== undefined) {
        await writeChart(flags.plot, fitChart(responses), flags.force ?? false);
      }
      output.out(
        flags.json ? `${JSON.stringify(fitResponsesJson(responses))}\n` : formatFitTable(responses),
      );
    });
}
