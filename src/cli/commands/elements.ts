import type { Command } from "commander";
import { ELEMENT_MODELS } from "../../index.js";

/** `tympan elements`: every element type with its nodes and parameters. */
export function registerElements(program: Command, print: (text: string) => void): void {
  program
    .command("elements")
    .description("list the element types a design may use, with their nodes and parameters")
    .action(() => {
      const lines: string[] = [];
      for (const model of Object.values(ELEMENT_MODELS)) {
        lines.push(`${model.type}  nodes [${model.terminals.join(", ")}]`);
        lines.push(`    ${model.summary}`);
        for (const [name, doc] of Object.entries(model.parameters)) {
          lines.push(`    ${name}${doc.unit ? ` (${doc.unit})` : ""}: ${doc.description}`);
        }
      }
      print(`${lines.join("\n")}\n`);
    });
}
