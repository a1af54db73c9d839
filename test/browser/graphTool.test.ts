// The graph tool's newer abilities in a real headless Chromium, used as a person would: a target
// file of one's own, a dropped folder, renamed labels, the L/R imbalance drawn, reference designs
// beside measurements. Screenshots go to test/browser/screenshots/ (git-ignored) to look at.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, screenshot } from "./support/browser.js";
import { useBrowserSession } from "./support/session.js";

const fixtures = join(ROOT, "test", "fixtures");

const session = useBrowserSession({
  hash: "#tab=graph",
  ready: (page) => page.getByLabel("Add measurement").waitFor(),
});

const legend = () => session.page.locator(".legend");
/** The rating the legend shows for a curve ("tilted — rating 71.3" → 71.3). */
async function ratingOf(name: string): Promise<number> {
  const text = await legend()
    .getByText(new RegExp(`^${name} — rating`))
    .first()
    .textContent();
  return Number(/rating (-?\d+\.\d)/.exec(text ?? "")?.[1]);
}

describe("uploaded targets", () => {
  it("a target file picked becomes the chosen target, and the curves are rated against it", async () => {
    await session.page
      .getByLabel("Add measurement")
      .setInputFiles([
        join(fixtures, "rank", "folder", "flat-ish.csv"),
        join(fixtures, "rank", "folder", "tilted.csv"),
      ]);
    await legend()
      .getByText(/^tilted — rating \d+\.\d/)
      .waitFor();
    const againstHarman = await ratingOf("tilted");
    // The tilted curve itself, as a target file of the user's.
    const text = await readFile(join(fixtures, "rank", "folder", "tilted.csv"));
    await session.page
      .getByLabel("Add target file")
      .setInputFiles({ name: "my-target.csv", mimeType: "text/csv", buffer: text });
    const select = session.page.getByRole("combobox", { name: "Target curve" });
    await expect.poll(() => select.inputValue()).toBe("file:my-target");
    await expect.poll(() => ratingOf("tilted")).not.toBe(againstHarman);
    expect(await ratingOf("tilted")).toBeGreaterThan(await ratingOf("flat-ish"));
    await expect.poll(() => session.page.url()).toContain("target=file%3Amy-target");
    await screenshot(session.page, "graph-uploaded-target");
    // Back to a built-in target from the keyboard: the first option is Harman.
    await select.focus();
    await session.page.keyboard.press("Home");
    await expect.poll(() => ratingOf("tilted")).toBe(againstHarman);
    expect(session.errors).toEqual([]);
  });

  it("removes an uploaded target: gone from the choices, the default target rated against again", async () => {
    const select = session.page.getByRole("combobox", { name: "Target curve" });
    await select.selectOption("file:my-target");
    await expect.poll(() => ratingOf("tilted")).toBeGreaterThan(await ratingOf("flat-ish"));
    const remove = session.page.getByRole("button", { name: 'Remove the target file "my-target"' });
    await remove.focus();
    await screenshot(session.page, "graph-remove-target");
    await session.page.keyboard.press("Enter");
    await expect.poll(() => select.inputValue()).toBe("harman-in-ear-2019v2");
    expect(await select.locator("option", { hasText: "my-target" }).count()).toBe(0);
    await expect.poll(() => session.page.url()).not.toContain("my-target");
    expect(session.errors).toEqual([]);
  });
});

describe("dropping a folder", () => {
  it("walks a dropped squig.link folder (webkitGetAsEntry) and names its phones from phone_book.json", async () => {
    const folder = join(fixtures, "rank", "squig");
    const names = await readdir(folder);
    const texts = await Promise.all(names.map((name) => readFile(join(folder, name), "utf8")));
    const files = names.map((name, i) => ({ name, text: texts[i]! }));
    // Playwright cannot drag a real folder in; a drop event carries what Chromium's would: one
    // item whose entry is a directory, read in batches by its reader, with a nested folder.
    await session.page.locator(".graph-tool").evaluate((target, given) => {
      type Entry = Record<string, unknown>;
      const fileEntry = (name: string, text: string): Entry => ({
        isFile: true,
        isDirectory: false,
        name,
        file: (done: (file: File) => void) => done(new File([text], name)),
      });
      const folderEntry = (name: string, children: Entry[]): Entry => ({
        isFile: false,
        isDirectory: true,
        name,
        createReader: () => {
          let next = 0;
          return {
            readEntries: (done: (entries: Entry[]) => void) => {
              done(children.slice(next, next + 2));
              next += 2;
            },
          };
        },
      });
      const [first, ...rest] = given.map((file) => fileEntry(file.name, file.text));
      const root = folderEntry("squig", [first!, folderEntry("nested", rest)]);
      const event = new Event("drop", { bubbles: true, cancelable: true });
      Object.defineProperty(event, "dataTransfer", {
        value: { files: [], items: [{ kind: "file", webkitGetAsEntry: () => root }] },
      });
      target.dispatchEvent(event);
    }, files);
    await legend()
      .getByText(/^Alpha Reference L — rating \d+\.\d/)
      .waitFor();
    await legend()
      .getByText(/^Beta Tilted R — rating/)
      .waitFor();
    expect(await session.page.getByRole("alert").textContent()).toMatch(/Ghost/);
    await screenshot(session.page, "graph-dropped-folder");
    await session.page.getByRole("button", { name: "Dismiss this message" }).first().click();
    expect(session.errors).toEqual([]);
  });
});

describe("the channel imbalance on the graph", () => {
  /** The chart's RGBA at `hz`, just below the plot's top edge, where no curve passes (the canvas is transparent where nothing is drawn). */
  function pixelAt(hz: number): Promise<number[]> {
    return session.page.locator(".graph-tool .uplot").evaluate((chart, frequencyHz) => {
      const canvas = chart.querySelector("canvas")!;
      const over = chart.querySelector(".u-over")!.getBoundingClientRect();
      const box = canvas.getBoundingClientRect();
      // The full zoom: 20 Hz–20 kHz on a log axis.
      const x = over.left + (over.width * Math.log(frequencyHz / 20)) / Math.log(1000) - box.left;
      const y = over.top + 3 - box.top;
      const scale = canvas.width / box.width;
      const pixel = canvas.getContext("2d")!.getImageData(x * scale, y * scale, 1, 1).data;
      return Array.from(pixel);
    }, hz);
  }

  it("shades the bands where L and R differ beyond 2 dB, and keeps the text", async () => {
    const left = legend().locator("li", { hasText: /^Beta Tilted L — rating/ });
    await left.getByRole("button", { name: "average L/R" }).click();
    const note = legend().getByText(/Beta Tilted \(L\/R average\)/);
    await note.waitFor();
    const text = (await legend()
      .locator("li", { hasText: "Beta Tilted (L/R average)" })
      .textContent())!;
    expect(text).toMatch(/shaded on the graph/);
    const band = /> 2 dB over ([\d.]+) (k?Hz)–([\d.]+) (k?Hz)/.exec(text)!;
    const hz = (value: string, unit: string) => Number(value) * (unit === "kHz" ? 1000 : 1);
    const middleHz = Math.sqrt(hz(band[1]!, band[2]!) * hz(band[3]!, band[4]!));
    await expect.poll(async () => (await pixelAt(middleHz))[3]).toBeGreaterThan(0);
    // Outside the band (an octave above it) nothing is drawn there.
    expect((await pixelAt(hz(band[3]!, band[4]!) * 1.6))[3]).toBe(0);
    await screenshot(session.page, "graph-imbalance");
    // Hidden, the average's bands go with it.
    await session.page.getByRole("checkbox", { name: "show Beta Tilted (L/R average)" }).uncheck();
    await expect.poll(async () => (await pixelAt(middleHz))[3]).toBe(0);
    await session.page.getByRole("checkbox", { name: "show Beta Tilted (L/R average)" }).check();
    expect(session.errors).toEqual([]);
  });
});

describe("reference designs on the graph", () => {
  it("adds a reference design from the keyboard as a rated curve, in the link, and removes it", async () => {
    const picker = session.page.getByRole("combobox", { name: "Reference design" });
    await picker.selectOption("single-dd");
    await session.page.getByRole("button", { name: "Add to graph" }).focus();
    await session.page.keyboard.press("Enter");
    await legend()
      .getByText(/^single-dd \(reference design\) — rating \d+\.\d/)
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => session.page.url()).toContain("gd=single-dd");
    // It is no longer offered, and it is drawn (uPlot's legend lists it).
    expect(await picker.locator("option").allTextContents()).not.toContain("single-dd");
    await session.page
      .locator(".u-legend")
      .getByText(/single-dd \(reference design\)/)
      .waitFor();
    await screenshot(session.page, "graph-reference-design");
    await session.page.getByRole("button", { name: "remove single-dd (reference design)" }).click();
    await expect
      .poll(() =>
        legend()
          .getByText(/^single-dd/)
          .count(),
      )
      .toBe(0);
    await expect.poll(() => session.page.url()).not.toContain("gd=single-dd");
    expect(session.errors).toEqual([]);
  });
});

describe("renaming curves in the legend", () => {
  it("renames a curve from the keyboard, keeps it in the link and after a reload", async () => {
    await session.page.getByRole("button", { name: "rename flat-ish" }).focus();
    await session.page.keyboard.press("Enter");
    const field = session.page.getByRole("textbox", { name: "label of flat-ish" });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await session.page.keyboard.type("My flat one");
    await session.page.keyboard.press("Enter");
    await legend()
      .getByText(/^My flat one — rating \d+\.\d/)
      .waitFor();
    // The focus is back on the (renamed) button; the chart's legend and the baseline chooser follow.
    await expect
      .poll(() => session.page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe("rename My flat one");
    await session.page
      .locator(".u-legend")
      .getByText(/My flat one/)
      .waitFor();
    expect(await session.page.getByRole("combobox", { name: "Baseline" }).textContent()).toContain(
      "My flat one",
    );
    await expect.poll(() => session.page.url()).toContain("label.flat-ish=My+flat+one");
    // Escape (with the mouse this time) keeps the old label.
    await session.page.getByRole("button", { name: "rename tilted" }).click();
    await session.page.getByRole("textbox", { name: "label of tilted" }).fill("not kept");
    await session.page.keyboard.press("Escape");
    await legend()
      .getByText(/^tilted — rating/)
      .waitFor();
    await screenshot(session.page, "graph-renamed");
    // The link brings the label back; the measurements come back from IndexedDB.
    await session.page.reload();
    await legend()
      .getByText(/^My flat one — rating \d+\.\d/)
      .waitFor();
    expect(session.errors).toEqual([]);
  });
});
