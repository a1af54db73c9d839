import { join } from "node:path";
import { chart, referenceComparison, renderSvg } from "../index.js";
import { renderPng } from "./io/index.js";
import { writeOutputFile } from "./outputFile.js";

/**
 * Writes the comparison page of the reference designs into the report folder (referenceComparison:
 * three charts as SVG and PNG) and returns its Markdown, which opens summary.md.
 */
export async function writeComparison(folder: string): Promise<string> {
  const { charts, markdown } = referenceComparison();
  for (const { stem, chart: options } of charts) {
    const described = chart(options);
    await writeOutputFile(join(folder, `${stem}.svg`), renderSvg(described), true);
    await writeOutputFile(join(folder, `${stem}.png`), await renderPng(described), true);
  }
  return markdown;
}
