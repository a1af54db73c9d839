import type { Command } from "commander";
import {
  formatIdentification,
  formatTwoPortCsv,
  identificationProvenance,
  identifyFromImpedances,
  parseKnownLoads,
} from "../../index.js";
import { checkOutputPath, readMeasurementFile } from "../io/index.js";
import { writeOutputFile } from "../outputFile.js";
import type { CliOutput } from "../cliOutput.js";

interface IdentifyFlags {
  loads: string;
  out?: string;
  force?: boolean;
}

/**
 * `tympan identify`: a receiver's Hunt two-port (Ze, T, Za) and Thevenin source from its impedance
 * measured in three known acoustic loads (docs/physics.md §6), written as a table a measuredReceiver reads.
 */
export function registerIdentify(program: Command, output: CliOutput): void {
  program
    .command("identify")
    .description(
      "identify a receiver's two-port (Ze, T, Za; Thevenin p_s, Z_s) from its impedance in three known acoustic loads",
    )
    .argument(
      "<zinA>",
      "impedance measurement (magnitude and phase, e.g. .zma or REW text) in load A",
    )
    .argument("<zinB>", "impedance measurement in load B")
    .argument("<zinC>", "impedance measurement in load C")
    .requiredOption(
      "--loads <A,B,C>",
      "the three acoustic loads, e.g. 0.4cc,2cc,711 (also 711damped, tube:<mm>:<radius mm>[:<volume>cc])",
    )
    .option("--out <file>", "write the two-port table (CSV) for a measuredReceiver element")
    .option("--force", "allow --out to replace an existing file")
    .action(async (zinA: string, zinB: string, zinC: string, flags: IdentifyFlags) => {
      const files = [zinA, zinB, zinC] as const;
      const loads = parseKnownLoads(flags.loads);
      if (flags.out !== undefined) await checkOutputPath(flags.out, flags.force ?? false, "--out");
      const [a, b, c] = await Promise.all(
        files.map((file) => readMeasurementFile(file, { kind: "impedance" })),
      );
      const identified = identifyFromImpedances([a!, b!, c!], loads, files);
      if (flags.out !== undefined) {
        const comments = [identificationProvenance(files, loads)];
        await writeOutputFile(
          flags.out,
          formatTwoPortCsv(identified, { comments }),
          flags.force ?? false,
        );
      }
      output.out(formatIdentification(identified, { files, loads, out: flags.out }));
    });
}
