import type { Command } from "commander";
import {
  chooseProbe,
  distortion,
  distortionChart,
  distortionTable,
  driveForLevel,
  frequencyGrid,
  intermodulation,
  intermodulationTable,
  maxSplAtThd,
  maxSplTable,
} from "../../index.js";
import { checkOutputPath, loadDesign } from "../io/index.js";
import { inFile, issueLines, usageError } from "../errors.js";
import { checkPlotPath, writeChart } from "../plotFile.js";
import type { CliOutput } from "../cliOutput.js";
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
  maxSpl?: boolean;
  thd: string;
  imd?: boolean;
  imdTones: string;
  adiabaticCavities?: boolean;
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
    .option(
      "--max-spl",
      "instead: the level at the probe where THD reaches --thd, per frequency (no drive flag)",
    )
    .option("--thd <percent>", "the THD limit for --max-spl, e.g. 1, 3 or 10", "1")
    .option(
      "--imd",
      "instead: two-tone intermodulation (SMPTE-style, 4:1), the low tone driven by --voltage or --spl",
    )
    .option("--imd-tones <f1,f2>", "the two tones in Hz, f2 a whole multiple of f1", "60,7020")
    .option(
      "--adiabatic-cavities",
      "every acousticVolume as an adiabatic gas spring: the compression of small sealed cavities at high levels",
    )
    .action(async (designPath: string, flags: DistortionFlags) => {
      if (flags.maxSpl && flags.imd) throw usageError("give --max-spl or --imd, not both");
      if (flags.maxSpl) return maxSplAction(designPath, flags, output);
      if ((flags.voltage === undefined) === (flags.spl === undefined))
        throw usageError("give the drive as --voltage <V rms> or --spl <dB>, one of them");
      if (flags.imd) return imdAction(designPath, flags, output);
      const harmonics = integerFlag(flags.harmonics, "--harmonics", 2, 20);
      const frequencies = frequenciesOf(flags);
      if (flags.plot !== undefined) {
        checkPlotPath(flags.plot);
        await checkOutputPath(flags.plot, flags.force ?? false, "--plot");
      }
      // The drive's flags are checked before the design is read, so their errors name only them.
      const fixedVoltageRms =
        flags.voltage !== undefined
          ? boundedFlag(flags.voltage, "--voltage", "V rms", 1000)
          : undefined;
      const level =
        flags.spl !== undefined
          ? {
              levelDb: finiteFlag(flags.spl, "--spl", "dB"),
              frequencyHz: positiveFlag(flags.splAt, "--spl-at", "Hz"),
            }
          : undefined;
      const { design, name } = await loadDesign(designPath);
      const result = inFile(designPath, () => {
        const probe = chooseProbe(design, flags.probe);
        const cavities = cavityOption(flags);
        const voltageRms =
          fixedVoltageRms ?? driveForLevel(design, { ...level!, probe, harmonics, ...cavities });
        return {
          probe,
          value: distortion(design, {
            frequencies,
            voltageRms,
            harmonics,
            method: flags.weak ? "volterra" : "harmonic-balance",
            ...cavities,
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

/** `--adiabatic-cavities` as the library's option. */
function cavityOption(flags: DistortionFlags): { adiabaticCavities?: true } {
  return flags.adiabaticCavities ? { adiabaticCavities: true } : {};
}

/**
 * The frequencies asked for: --at, or the log-spaced sweep, coarser than simulate's (each point is
 * a harmonic-balance solve).
 */
function frequenciesOf(flags: DistortionFlags): number[] {
  return [
    ...frequencyGrid(
      flags.at !== undefined
        ? flags
        : { from: flags.from ?? "20", to: flags.to ?? "10000", points: flags.points ?? "31" },
    ),
  ];
}

/** `--max-spl --thd P`: the level per frequency where THD reaches P %. */
async function maxSplAction(designPath: string, flags: DistortionFlags, output: CliOutput) {
  if (flags.voltage !== undefined || flags.spl !== undefined)
    throw usageError("--max-spl searches the drive itself: leave out --voltage and --spl");
  if (flags.plot !== undefined)
    throw usageError("--plot draws harmonics: leave it out with --max-spl");
  const thdPercent = boundedFlag(flags.thd, "--thd", "percent", 99);
  const harmonics = integerFlag(flags.harmonics, "--harmonics", 2, 20);
  const frequencies = frequenciesOf(flags);
  const { design } = await loadDesign(designPath);
  const result = inFile(designPath, () =>
    maxSplAtThd(design, {
      frequencies,
      thdPercent,
      harmonics,
      ...(flags.probe === undefined ? {} : { probe: flags.probe }),
      ...cavityOption(flags),
    }),
  );
  output.out(flags.json ? `${JSON.stringify(result)}\n` : maxSplTable(result));
}

/** `--imd`: the two-tone figure at the drive given. */
async function imdAction(designPath: string, flags: DistortionFlags, output: CliOutput) {
  if (flags.plot !== undefined) throw usageError("--plot draws harmonics: leave it out with --imd");
  const tones = flags.imdTones.split(",").map((part) => part.trim());
  if (tones.length !== 2)
    throw usageError(`--imd-tones ${flags.imdTones}: give two frequencies in Hz, e.g. 60,7020`);
  const lowHz = positiveFlag(tones[0]!, "--imd-tones", "Hz");
  const highHz = positiveFlag(tones[1]!, "--imd-tones", "Hz");
  const { design } = await loadDesign(designPath);
  const result = inFile(designPath, () => {
    const probe = chooseProbe(design, flags.probe);
    const voltageRms =
      flags.voltage !== undefined
        ? boundedFlag(flags.voltage, "--voltage", "V rms", 1000)
        : driveForLevel(design, {
            levelDb: finiteFlag(flags.spl!, "--spl", "dB"),
            frequencyHz: positiveFlag(flags.splAt, "--spl-at", "Hz"),
            probe,
            ...cavityOption(flags),
          });
    return intermodulation(design, { voltageRms, lowHz, highHz, ...cavityOption(flags) });
  });
  if (flags.json) output.out(`${JSON.stringify(result)}\n`);
  else {
    output.out(intermodulationTable(result));
    output.err(issueLines(result.warnings ?? []));
  }
}
