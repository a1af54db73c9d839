import type { Command } from "commander";
import { REFERENCE_DESIGNS } from "../../index.js";

interface DesignsFlags {
  json?: boolean;
}

/** `tympan designs`: the built-in reference designs, one line each. */
export function registerDesigns(program: Command, print: (text: string) => void): void {
  program
    .command("designs")
    .description("list the built-in reference designs (use a name wherever a design file goes)")
    .option("--json", "print names, summaries and the designs themselves as JSON")
    .action((flags: DesignsFlags) => {
      if (flags.json) {
        print(`${JSON.stringify(REFERENCE_DESIGNS, null, 2)}\n`);
        return;
      }
      const width = Math.max(...REFERENCE_DESIGNS.map((entry) => entry.name.length));
      const lines = REFERENCE_DESIGNS.map(
        (entry) => `${entry.name.padEnd(width)}  ${entry.summary}`,
      );
      print(
        `${lines.join("\n")}\n\nUse a name wherever a design file goes: tympan simulate ${REFERENCE_DESIGNS[0]!.name}\n`,
      );
    });
}
