import { extname } from "node:path";
import {
  type ChartOptions,
  type SimulationResult,
  chartFromSimulation,
  renderSvg,
} from "../index.js";
import { checkOutputPath, renderPng } from "./io/index.js";
import { usageError } from "./errors.js";
import { writeOutputFile } from "./outputFile.js";

/** Rejects a plot path that is neither .svg nor .png, before any work is done. */
export function checkPlotPath(path: string): void {
  const extension = extname(path).toLowerCase();
  if (extension !== ".svg" && extension !== ".png") {
    throw usageError(`--plot ${path}: the file name must end in .svg or .png`);
  }
}

/**
 * Checks a --plot path before any work is done: .svg or .png, not a folder, and not an existing file
 * unless `force` (a command must not compute and print, then refuse at the end).
 */
export async function checkPlotOutput(path: string, force: boolean): Promise<void> {
  checkPlotPath(path);
  await checkOutputPath(path, force, "--plot");
}

/** Draws a simulation result to an .svg or .png file. */
export async function writePlot(
  path: string,
  result: SimulationResult,
  title: string,
  force: boolean,
  subtitle = "",
): Promise<void> {
  await writeChart(path, chartFromSimulation(result, { title, subtitle }), force);
}

/** Draws a chart to an .svg or .png file (by its extension); never replaces a file unless `force`. */
export async function writeChart(path: string, chart: ChartOptions, force: boolean): Promise<void> {
  checkPlotPath(path);
  const data = extname(path).toLowerCase() === ".svg" ? renderSvg(chart) : await renderPng(chart);
  await writeOutputFile(path, data, force);
}
