/**
 * PNG output for the CLI: the chart's SVG rasterised by resvg (`@resvg/resvg-js`, whose native binary
 * ships inside its npm package).
 *
 * Text must not depend on the machine: CI may have no system fonts at all, and different fonts would
 * change the picture. So resvg loads no system fonts, only Inter from the npm package
 * `@expo-google-fonts/inter` (TTF; resvg cannot read WOFF2), the same font whose advance widths the
 * layout uses (`plot/font.ts`). Node-only: it reads the font files from node_modules.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { renderAsync } from "@resvg/resvg-js";
import {
  TympanError,
  type ChartOptions,
  PLOT_FONT_FAMILY,
  type RenderOptions,
  renderSvg,
} from "../../index.js";

export interface PngOptions extends RenderOptions {
  /** Device pixels per SVG px: 2 gives a sharp image on high-density screens and in documents. */
  readonly pixelRatio: number;
}

export const PNG_DEFAULTS: Pick<PngOptions, "pixelRatio"> = { pixelRatio: 2 };

/** Inter regular and semibold (titles), resolved inside the installed npm package. */
const FONT_MODULES = [
  "@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf",
  "@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf",
] as const;

/** Absolute paths of the font files; throws naming the package when it is not installed. */
export function plotFontFiles(): string[] {
  const require = createRequire(import.meta.url);
  return FONT_MODULES.map((specifier) => {
    try {
      return require.resolve(specifier);
    } catch {
      throw new Error(
        `cannot find the chart font ${specifier}; install the dependency with "npm install @expo-google-fonts/inter"`,
      );
    }
  });
}

let fontCheck: Promise<void> | undefined;

/**
 * Reads each font file once per process: resvg skips a font file it cannot read without a word, which
 * would give a PNG without text; this fails with the file's path instead.
 */
function checkFonts(paths: readonly string[]): Promise<void> {
  fontCheck ??= Promise.all(paths.map((path) => readFile(path))).then(() => undefined);
  return fontCheck;
}

/**
 * Renders a chart (or an SVG string made by `renderSvg`) to PNG bytes. Render options other than
 * `pixelRatio` apply only when a chart is given.
 */
export async function renderPng(
  input: ChartOptions | string,
  options: Partial<PngOptions> = {},
): Promise<Uint8Array> {
  const { pixelRatio, ...renderOptions } = { ...PNG_DEFAULTS, ...options };
  if (!(pixelRatio > 0 && Number.isFinite(pixelRatio))) {
    throw new TympanError([
      {
        severity: "error",
        code: "invalid-render-option",
        path: ["pixelRatio"],
        message: `pixelRatio must be a finite number > 0 (got ${pixelRatio})`,
      },
    ]);
  }
  const svg = typeof input === "string" ? input : renderSvg(input, renderOptions);
  const fontFiles = plotFontFiles();
  await checkFonts(fontFiles);
  const image = await renderAsync(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: PLOT_FONT_FAMILY,
      sansSerifFamily: PLOT_FONT_FAMILY,
    },
    fitTo: { mode: "zoom", value: pixelRatio },
    shapeRendering: 2,
    textRendering: 1,
  });
  return new Uint8Array(image.asPng());
}
