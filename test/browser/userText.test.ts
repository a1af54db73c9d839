// Text the user brings, shown as text: long parameter names wrap instead of being cut off, and
// markup in file names, labels, element ids and design names never becomes markup (Preact escapes
// text nodes and sets attributes as values, uPlot's legend uses textContent, the library's SVG
// escapes, download names pass safeFileName). The page must run no script and gain no element.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { referenceDesign } from "../../src/index.js";
import { ROOT, downloadedText, screenshot } from "./support/browser.js";
import { useBrowserSession } from "./support/session.js";

const dialogs: string[] = [];

const ATTACK = "<img src=x onerror=alert(1)>";
/** Elements an injection would add; the app itself (under #app) has none of these. */
const INJECTED = "#app :is(img, script, iframe, svg, object, embed), .injected";

const session = useBrowserSession({
  ready: async (page) => {
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await session.page
      .getByRole("spinbutton", { name: "Rmid resistance" })
      .waitFor({ timeout: 60_000 });
  },
});

describe("long parameter names", () => {
  it("wrap at their words, never cut off, with the full name for assistive technology", async () => {
    const field = session.page.getByRole("spinbutton", { name: "midA mechanicalResistance" });
    await field.scrollIntoViewIfNeeded();
    const labels = await session.page.locator(".parameters .field label").evaluateAll((elements) =>
      elements.map((label) => ({
        text: label.textContent ?? "",
        clipped:
          label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 1,
        title: label.getAttribute("title") ?? "",
      })),
    );
    const long = labels.find((label) => label.text === "semiInductanceExponent");
    expect(long).toBeDefined();
    expect(long!.title).toMatch(/^semiInductanceExponent: /);
    expect(labels.filter((label) => label.clipped)).toEqual([]);
    await field.focus();
    await screenshot(session.page, "designer-long-names");
  });
});

describe("user text never becomes markup", () => {
  it("a measurement named like markup shows as text: legend, chart legend, choosers, downloads", async () => {
    await session.page.getByRole("tab", { name: "Graph" }).click();
    const text = await readFile(join(ROOT, "test", "fixtures", "rank", "folder", "tilted.csv"));
    await session.page
      .getByLabel("Add measurement")
      .setInputFiles({ name: `${ATTACK}.csv`, mimeType: "text/csv", buffer: text });
    await session.page
      .locator(".legend")
      .getByText(`${ATTACK} — rating`, { exact: false })
      .waitFor();
    await session.page.locator(".u-legend").getByText(ATTACK, { exact: false }).waitFor();
    // A label typed with markup stays text too.
    await session.page.getByRole("button", { name: `rename ${ATTACK}` }).click();
    await session.page
      .getByRole("textbox", { name: `label of ${ATTACK}` })
      .fill('<b class="injected">x</b>');
    await session.page.keyboard.press("Enter");
    await session.page.locator(".legend").getByText('<b class="injected">x</b> — rating').waitFor();
    expect(await session.page.locator(INJECTED).count()).toBe(0);
    // The chart as SVG: the library escapes the label.
    const svg = await downloadedText(session.page, () =>
      session.page.getByRole("button", { name: "Download SVG" }).click(),
    );
    expect(svg.text).toContain("&lt;b class=&quot;injected&quot;&gt;x&lt;/b&gt;");
    expect(svg.text).not.toContain('<b class="injected">');
    // The EQ presets are named after the curve, through safeFileName.
    await session.page.getByRole("tab", { name: "EQ" }).click();
    await session.page
      .getByRole("combobox", { name: "Equalise" })
      .selectOption({ label: '<b class="injected">x</b>' });
    await session.page.getByRole("button", { name: "Fit EQ" }).click();
    await session.page.getByText(/after; residual/).waitFor({ timeout: 30_000 });
    const preset = await downloadedText(session.page, () =>
      session.page.getByRole("button", { name: "Download EqualizerAPO" }).click(),
    );
    expect(preset.name).toBe("b-class-injected-x-b ParametricEQ.txt");
    expect(await session.page.locator(INJECTED).count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("a design whose element id and name are markup shows them as text, and downloads safely", async () => {
    await session.page.getByRole("tab", { name: "Designer" }).click();
    const design = structuredClone(referenceDesign("single-ba")!.design) as unknown as {
      name: string;
      elements: { id: string }[];
    };
    design.name = "<svg onload=alert(2)>";
    const index = design.elements.findIndex((element) => element.id === "ba");
    design.elements[index]!.id = ATTACK;
    await session.page.getByLabel("Open design file").setInputFiles({
      name: `${ATTACK}.json`,
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(design)),
    });
    const field = session.page.getByRole("spinbutton", { name: `${ATTACK} coilResistance` });
    await field.waitFor({ timeout: 30_000 });
    await session.page.locator(".parameters legend").getByText(ATTACK).waitFor();
    // An edit of it reaches the library under the same id, and the link carries the design whole.
    await field.fill("61");
    await expect.poll(() => session.page.url()).toContain("json=");
    await session.page
      .getByText(/Preference rating \d+\.\d/)
      .first()
      .waitFor();
    expect(await session.page.locator(INJECTED).count()).toBe(0);
    const file = await downloadedText(session.page, () =>
      session.page.getByRole("button", { name: "Download design" }).click(),
    );
    expect(file.name).not.toMatch(/[<>]/);
    expect(JSON.parse(file.text).elements[index].id).toBe(ATTACK);
    await screenshot(session.page, "designer-markup-id");
    expect(dialogs).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
