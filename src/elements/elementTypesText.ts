import { ELEMENT_MODELS } from "./registry.js";

/**
 * Every element type a design may use, as `tympan elements` prints it: per type its name and
 * terminals, a line of summary, then each parameter with its unit and meaning.
 */
export function elementTypesText(): string {
  const lines: string[] = [];
  for (const model of Object.values(ELEMENT_MODELS)) {
    lines.push(`${model.type}  nodes [${model.terminals.join(", ")}]`);
    lines.push(`    ${model.summary}`);
    for (const [name, doc] of Object.entries(model.parameters)) {
      lines.push(`    ${name}${doc.unit ? ` (${doc.unit})` : ""}: ${doc.description}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
