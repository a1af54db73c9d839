import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  textWidthPx,
  chartFromSimulation,
  layoutChart,
  type TextBox,
  renderSvg,
} from "../../index.js";
import { exampleResult } from "../../../test/support/exampleResult.js";
import { renderPng } from "./png.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Image {
  readonly width: number;
  readonly height: number;
  /** RGBA, row by row. */
  readonly rgba: Uint8Array;
}

/** Decodes the 8-bit RGBA, non-interlaced PNGs resvg writes (enough to look at pixels). */
function decodePng(png: Uint8Array): Image {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (offset < png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]); // 8 bit, RGBA, not interlaced
    }
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = new Uint8Array(height * stride);
  for (let row = 0; row < height; row++) {
    const filter = raw[row * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[row * (stride + 1) + 1 + i] ?? 0;
      const a = i >= 4 ? (rgba[row * stride + i - 4] ?? 0) : 0;
      const b = row > 0 ? (rgba[(row - 1) * stride + i] ?? 0) : 0;
      const c = row > 0 && i >= 4 ? (rgba[(row - 1) * stride + i - 4] ?? 0) : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      rgba[row * stride + i] = (x + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

/** Pixels in a box (in SVG px, scaled by `ratio`) darker than mid-grey: text, lines, curves. */
function darkPixels(
  image: Image,
  ratio: number,
  box: { x0: number; y0: number; x1: number; y1: number },
) {
  let count = 0;
  for (let y = Math.floor(box.y0 * ratio); y < Math.ceil(box.y1 * ratio); y++) {
    for (let x = Math.floor(box.x0 * ratio); x < Math.ceil(box.x1 * ratio); x++) {
      const i = (y * image.width + x) * 4;
      const luminance =
        ((image.rgba[i] ?? 0) + (image.rgba[i + 1] ?? 0) + (image.rgba[i + 2] ?? 0)) / 3;
      if (luminance < 128) count++;
    }
  }
  return count;
}

/** The box a horizontal, start-anchored text occupies, from its baseline and estimated width. */
function textBox(text: TextBox) {
  return {
    x0: text.x,
    y0: text.y - text.sizePx,
    x1: text.x + textWidthPx(text.text, text.sizePx, text.weight),
    y1: text.y + text.sizePx * 0.3,
  };
}

const chart = chartFromSimulation(exampleResult(), {
  title: "Hybrid IEM, simulated",
  bands: [{ fromHz: 100, toHz: 10_000, label: "IEC 60318-4 valid 100 Hz–10 kHz" }],
});

describe("renderPng", () => {
  it("renderPng(chart) writes a PNG at twice the SVG size", async () => {
    const png = await renderPng(chart);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const layout = layoutChart(chart);
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([layout.widthPx * 2, layout.heightPx * 2]);
  });

  it("draws text with the bundled font, without system fonts: title and legend have ink", async () => {
    const layout = layoutChart(chart);
    const image = decodePng(await renderPng(chart));
    const legend = layout.panels[0]?.legend ?? [];
    const legendLabels = legend.map((item) => darkPixels(image, 2, textBox(item.label)));
    expect(legendLabels.length).toBe(3);
    for (const count of legendLabels) expect(count).toBeGreaterThan(50);
    expect(darkPixels(image, 2, textBox(layout.title))).toBeGreaterThan(500);
    // Control: the empty strip right of the title is background, so the counts above are ink.
    const right = textBox(layout.title).x1 + 20;
    expect(
      darkPixels(image, 2, { ...textBox(layout.title), x0: right, x1: layout.widthPx - 1 }),
    ).toBe(0);
  });

  it("renders an SVG string as given, and the same chart to the same bytes", async () => {
    const svg = renderSvg(chart);
    const [fromSvg, fromChart] = await Promise.all([renderPng(svg), renderPng(chart)]);
    expect(Buffer.from(fromSvg).equals(Buffer.from(fromChart))).toBe(true);
    const image = decodePng(await renderPng(svg, { pixelRatio: 1 }));
    expect(image.width).toBe(layoutChart(chart).widthPx);
  });

  it("survives curves entirely outside a fixed y range (resvg 2.6 aborts on off-canvas clip content)", async () => {
    const png = await renderPng({
      title: "off the chart",
      panels: [
        {
          yLabel: "L",
          yUnit: "dB",
          yRange: [0, 10],
          series: [{ name: "far above", xHz: [20, 20_000], y: [1e6, 1e6] }],
        },
      ],
    });
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });

  it("rejects a pixel ratio that is not a positive number", async () => {
    await expect(renderPng(chart, { pixelRatio: 0 })).rejects.toThrow(/pixelRatio/);
  });
});
