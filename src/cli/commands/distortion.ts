import type { Command } from "commander";
import {
  chooseProbe,
  distortion,
  distortionChart,
  distortionTable,
  driveForLevel,
  frequencyGrid,
} from "../../index.js";
import { checkOutputPath, loadDesign } from "../io/index.js";
import { inFile, issueLines, usageError } from "../errors.js";
import { checkPlotPath, writeChart } from "../plotFile.js";
import type { CliOutput } from "../program.js";
import { boundedFlag, finiteFlag, integerFlag, positiveFlag } from "./tuningFlags.js";

interface DistortionFlags {
  voltage?: string;
  spl?: string;
  splAt: string;
  probe?: string;
  at?: string;
  from?: string;
  to?: string;
  points?: string;
  harmonics: string;
  weak?: boolean;
  json?: boolean;
  plot?: string;
  force?: boolean;
}

export function registerDistortion(program: Command, output: CliOutput): void {
  program
    .command("distortion")
    .description(
      "harmonic distortion at a drive level: H2…HN and THD per frequency at each probe, from the drivers' large-signal curves",
    )
    .argument(
      "<design>",
      "design file (.json, or .yaml/.yml) or a built-in design name (tympan designs)",
    )
    .option("--voltage <V>", "drive: V rms at the design's first voltage source")
    .option("--spl <dB>", "drive: the level that puts the fundamental at this dB at the probe")
    .option("--spl-at <Hz>", "frequency where --spl holds", "1000")
    .option(
      "--probe <id>",
      'probe --spl refers to and --plot draws (default "drum", else the first)',
    )
    .option("--at <f1,f2,...>", "fundamental frequencies in Hz, comma-separated")
    .option("--from <Hz>", "start of the log-spaced sweep (default 20)")
    .option("--to <Hz>", "end of the log-spaced sweep (default 10000)")
    .option("--points <n>", "number of log-spaced points (default 31)")
    .option("--harmonics <N>", "highest harmonic reported, 2 to 20", "5")
    .option("--weak", "the weakly nonlinear (Volterra) path: H2 and H3 only, for low levels")
    .option("--json", "print the result as JSON")
    .option("--plot <file>", "also draw levels and THD to an .svg or .png file")
    .option("--force", "allow --plot to replace an existing file")
    .action(async (designPath: string, flags: DistortionFlags) => {
      if ((flags.voltage === undefined) === (flags.spl === undefined))
        throw usageError("give the drive as --voltage <V rms> or --spl <dB>, one of them");
      const harmonics = integerFlag(flags.harmonics, "--harmonics", 2, 20);
      // The default sweep is coarser than simulate's: each point is a harmonic-balance solve.
      const frequencies = frequencyGrid(
        flags.at !== undefined
          ? flags
          : { from: flags.from ?? "20", to: flags.to ?? "10000", points: flags.points ?? "31" },
      );
      if (flags.plot !== undefined) {
        checkPlotPath(flags.plot);
        await checkOutputPath(flags.plot, flags.force ?? false, "--plot");
      }
      const { design, name } = await loadDesign(designPath);
      const result = inFile(designPath, () => {
        const probe = chooseProbe(design, flags.probe);
        const voltageRms =
          flags.voltage !== undefined
            ? boundedFlag(flags.voltage, "--voltage", "V rms", 1000)
            : driveForLevel(design, {
                levelDb: finiteFlag(flags.spl!, "--spl", "dB"),
                frequencyHz: positiveFlag(flags.splAt, "--spl-at", "Hz"),
                probe,
                harmonics,
              });
        return {
          probe,
          value: distortion(design, {
            frequencies,
            voltageRms,
            harmonics,
            method: flags.weak ? "volterra" : "harmonic-balance",
          }),
        };
      });
      if (flags.plot !== undefined) {
        const drive = `${result.value.voltageRms.toPrecision(4)} V rms`;
        const chart = distortionChart(result.value, result.probe, {
          title: `Distortion: ${name}`,
          subtitle:
            flags.spl !== undefined ? `${drive} (${flags.spl} dB at ${flags.splAt} Hz)` : drive,
        });
        await writeChart(flags.plot, chart, flags.force ?? false);
      }
      if (flags.json) output.out(`${JSON.stringify(result.value)}\n`);
      else {
        output.out(distortionTable(result.value));
        output.err(issueLines(result.value.warnings ?? []));
      }
    });
}
