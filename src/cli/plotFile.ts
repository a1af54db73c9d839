import { extname } from "node:path";
import { renderPng } from "../io/png.js";
import { chartFromSimulation } from "../plot/fromSimulation.js";
import { renderSvg } from "../plot/svg.js";
import type { SimulationResult } from "../simulate/result.js";
import { usageError } from "./errors.js";
import { writeOutputFile } from "./outputFile.js";

/** Draws a simulation result to an .svg or .png file. */
export async function writePlot(
  path: string,
  result: SimulationResult,
  title: string,
  force: boolean,
  subtitle = "",
): Promise<void> {
  const extension = extname(path).toLowerCase();
  if (extension !== ".svg" && extension !== ".png") {
    throw usageError(`--plot ${path}: the file name must end in .svg or .png`);
  }
  const chart = chartFromSimulation(result, { title, subtitle });
  const data = extension === ".svg" ? renderSvg(chart) : await renderPng(chart);
  await writeOutputFile(path, data, force);
}
