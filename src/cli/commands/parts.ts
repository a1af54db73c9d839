import type { Command } from "commander";
import { PARTS, describeProvenance, findPart, partKeyFigures, partOrigin } from "../../index.js";
import { usageError } from "../errors.js";

interface PartsFlags {
  json?: boolean;
}

/** `tympan parts [id]`: the parts catalogue, one line each, or one part's numbers and their sources. */
export function registerParts(program: Command, print: (text: string) => void): void {
  program
    .command("parts")
    .description(
      'list the parts catalogue (illustrative and real parts); a design element takes one as "part": "<id>"',
    )
    .argument("[id]", "show one part: every parameter with its value and source")
    .option("--json", "print the parts (or the one part) as JSON")
    .action((id: string | undefined, flags: PartsFlags) => {
      if (id !== undefined) {
        const part = findPart(id);
        if (part === undefined) {
          const close = PARTS.filter((entry) => entry.id.toLowerCase().includes(id.toLowerCase()));
          throw usageError(
            `parts ${id}: no such part${close.length > 0 ? `; did you mean ${close.map((entry) => entry.id).join(", ")}?` : ""} (tympan parts lists them)`,
          );
        }
        if (flags.json) return print(`${JSON.stringify(part, null, 2)}\n`);
        const lines = [
          `${part.id}: ${part.name}`,
          `${part.partClass}, ${part.role}, element ${part.elementType}; ${partKeyFigures(part)}`,
          part.description,
          "",
          ...Object.entries(part.parameters).map(
            ([name, sourced]) =>
              `${name.padEnd(24)} ${String(Number(sourced.value.toPrecision(6))).padStart(12)}  ${describeProvenance(sourced.source)}`,
          ),
          ...Object.entries(part.settings ?? {}).map(
            ([name, value]) => `${name.padEnd(24)} ${value.padStart(12)}`,
          ),
        ];
        return print(`${lines.join("\n")}\n`);
      }
      if (flags.json) return print(`${JSON.stringify(PARTS, null, 2)}\n`);
      const rows = PARTS.map((part) => [
        part.id,
        part.partClass,
        part.role,
        partOrigin(part),
        partKeyFigures(part),
      ]);
      const header = ["id", "class", "role", "numbers", "key figures"];
      const widths = header.map((title, column) =>
        Math.max(title.length, ...rows.map((row) => row[column]!.length)),
      );
      const line = (cells: readonly string[]) =>
        cells.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]!) : cell)).join("  ");
      print(
        `${[line(header), ...rows.map(line)].join("\n")}\n\n` +
          `numbers: fitted (to a datasheet or benchmark), published, or illustrative (plausible for the class).\n` +
          `Use a part in a design: { "id": "tw", "part": "${PARTS.at(-1)!.id}", "nodes": ["in", "0", "spout"] }, ` +
          `overriding any parameter beside it; tympan parts <id> shows its numbers and their sources.\n`,
      );
    });
}
