// The graph tool's newer abilities in a real headless Chromium, used as a person would: a target
// file of one's own, a dropped folder, renamed labels, the L/R imbalance drawn, reference designs
// beside measurements. Screenshots go to test/browser/screenshots/ (git-ignored) to look at.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ROOT,
  type Server,
  launchChromium,
  openPage,
  screenshot,
  startServer,
} from "./support/browser.js";

let server: Server;
let browser: Browser;
let page: Page;
let errors: string[];

const fixtures = join(ROOT, "test", "fixtures");

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  ({ page, errors } = await openPage(browser, `${server.url}#tab=graph`));
  await page.getByLabel("Add measurement").waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.stop();
});

const legend = () => page.locator(".legend");
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
    await page
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
    await page
      .getByLabel("Add target file")
      .setInputFiles({ name: "my-target.csv", mimeType: "text/csv", buffer: text });
    const select = page.getByRole("combobox", { name: "Target curve" });
    await expect.poll(() => select.inputValue()).toBe("file:my-target");
    await expect.poll(() => ratingOf("tilted")).not.toBe(againstHarman);
    expect(await ratingOf("tilted")).toBeGreaterThan(await ratingOf("flat-ish"));
    await expect.poll(() => page.url()).toContain("target=file%3Amy-target");
    await screenshot(page, "graph-uploaded-target");
    // Back to a built-in target from the keyboard: the first option is Harman.
    await select.focus();
    await page.keyboard.press("Home");
    await expect.poll(() => ratingOf("tilted")).toBe(againstHarman);
    expect(errors).toEqual([]);
  });
});
