import type { Command } from "commander";
import { elementTypesText } from "../../index.js";

/** `tympan elements`: every element type with its nodes and parameters. */
export function registerElements(program: Command, print: (text: string) => void): void {
  program
    .command("elements")
    .description("list the element types a design may use, with their nodes and parameters")
    .action(() => print(elementTypesText()));
}
