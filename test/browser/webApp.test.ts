// The web app in a real headless Chromium, used as a person would: pick a design, edit a parameter,
// download the CSV and compare it with the library, reopen the share link, add measurements in every
// format, fit EQ, drop a junk file, and check accessibility. Screenshots of each view are kept in
// test/browser/screenshots/ (git-ignored) to look at.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { logFrequencies, referenceDesign, simulate } from "../../src/index.js";
import { seriousViolations } from "./support/axe.js";
import { ROOT, downloadedText, screenshot } from "./support/browser.js";
import { useBrowserSession } from "./support/session.js";

const session = useBrowserSession();

const TRIBRID = "tribrid-1dd-4ba-2est";
const fixtures = join(ROOT, "test", "fixtures");

describe("the designer", () => {
  it("lists the reference designs in the Design combobox and draws the tribrid", async () => {
    const design = session.page.getByRole("combobox", { name: "Design" });
    await design.selectOption(TRIBRID);
    await expect.poll(() => design.inputValue()).toBe(TRIBRID);
    const options = await design.locator("option").allTextContents();
    expect(options).toContain("single-dd");
    await session.page
      .getByText(/Preference rating \d+\.\d/)
      .first()
      .waitFor();
    await screenshot(session.page, "designer");
    // The chart downloads: the canvas as PNG, and the library's SVG renderer.
    const png = await downloadedText(session.page, () =>
      session.page.getByRole("button", { name: "Download PNG" }).click(),
    );
    expect(png.name).toMatch(/\.png$/);
    const svg = await downloadedText(session.page, () =>
      session.page.getByRole("button", { name: "Download SVG" }).click(),
    );
    expect(svg.text).toMatch(/<svg[^>]*>/);
    expect(svg.text).toContain("tweeterA");
    expect(session.errors).toEqual([]);
  });

  it("redraws after an edit, puts it in the URL, and the CSV equals the library's result", async () => {
    const field = session.page.getByRole("spinbutton", { name: "Rmid resistance" });
    await field.fill("2.2");
    await expect.poll(() => session.page.url()).toContain("p.Rmid.resistance=2.2");
    // The redraw of that edit is recorded as a User Timing measure.
    await expect
      .poll(() => session.page.evaluate(() => performance.getEntriesByName("tympan:redraw").length))
      .toBeGreaterThan(0);
    const { text } = await downloadedText(session.page, () =>
      session.page.getByRole("button", { name: "Download CSV" }).click(),
    );
    const base = referenceDesign(TRIBRID)!.design;
    const edited = {
      ...base,
      elements: base.elements.map((e) => (e.id === "Rmid" ? { ...e, resistance: 2.2 } : e)),
    };
    const expected = simulate(edited, {
      frequencies: logFrequencies({ fromHz: 20, toHz: 20_000, points: 200 }),
    });
    const rows = text.trimEnd().split("\n");
    const header = rows[0]!.split(",");
    expect(header.slice(0, 3)).toEqual(["frequency_hz", "drum_db", "drum_phase_deg"]);
    expect(rows).toHaveLength(201);
    rows.slice(1).forEach((row, f) => {
      const cells = row.split(",").map(Number);
      expect(cells[0]! / expected.frequencyHz[f]!).toBeCloseTo(1, 12);
      // Same code, same inputs; Chromium's V8 and Node's may round Math.sin/exp/log differently in
      // the last bit, which the solve amplifies to ~1e-8 dB: agree to 1e-6 dB.
      expect(Math.abs(cells[1]! - expected.probes.drum!.db[f]!)).toBeLessThan(1e-6);
      expect(cells.at(-2)! / expected.inputImpedance!.magnitudeOhm[f]!).toBeCloseTo(1, 9);
    });
  });

  it("shows the library's issue at an invalid value, keeps the page, and undo restores", async () => {
    const field = session.page.getByRole("spinbutton", { name: "Rmid resistance" });
    await field.fill("-1");
    const alert = session.page.getByRole("alert").first();
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Rmid|resistance/);
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    await screenshot(session.page, "designer-invalid");
    await field.blur();
    await session.page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => field.inputValue()).toBe("2.2");
    await expect.poll(() => session.page.getByRole("alert").count()).toBe(0);
  });

  it("reopens the share link with the same design (Download design round-trips)", async () => {
    const { text: before } = await downloadedText(session.page, () =>
      session.page.getByRole("button", { name: "Download design" }).click(),
    );
    // A new tab of the same browser. Chromium runs --single-process here, where closing a context
    // can take the browser down: the tab is left open until the browser closes.
    const second = await session.page.context().newPage();
    await second.goto(session.page.url());
    await second.getByRole("spinbutton", { name: "Rmid resistance" }).waitFor();
    expect(await second.getByRole("spinbutton", { name: "Rmid resistance" }).inputValue()).toBe(
      "2.2",
    );
    const [download] = await Promise.all([
      second.waitForEvent("download"),
      second.getByRole("button", { name: "Download design" }).click(),
    ]);
    const after = await readFile((await download.path())!, "utf8");
    expect(JSON.parse(after)).toEqual(JSON.parse(before));
    expect(JSON.parse(after).elements.find((e: { id: string }) => e.id === "Rmid").resistance).toBe(
      2.2,
    );
  });

  it("works from the keyboard: arrow keys step a value, Ctrl+Z undoes it", async () => {
    const field = session.page.getByRole("spinbutton", { name: "Rmid resistance" });
    await field.focus();
    await session.page.keyboard.press("ArrowUp");
    await expect.poll(() => session.page.url()).toContain("p.Rmid.resistance=3.2");
    await field.blur();
    await session.page.keyboard.press("Control+z");
    await expect.poll(() => field.inputValue()).toBe("2.2");
    // A purchasable part offers E12 values; a slider moves it on a log scale.
    expect(
      await session.page.locator("datalist#p-Rmid-resistance-values option").count(),
    ).toBeGreaterThan(10);
    await session.page.getByRole("slider", { name: "Rmid resistance, log scale" }).waitFor();
  });

  it("adds, connects and removes an element; the library asks for what is missing", async () => {
    await session.page.getByRole("combobox", { name: "New element" }).selectOption("resistor");
    await session.page.getByRole("button", { name: "Add element" }).click();
    const nodes = session.page.getByRole("textbox", { name: "resistor1 nodes" });
    await nodes.waitFor();
    await session.page.locator(".design-failure").waitFor();
    await nodes.fill("in 0");
    await nodes.press("Enter");
    // The resistance it lacks gets a field with the library's message; typing a value fixes it.
    const resistance = session.page.getByRole("spinbutton", { name: "resistor1 resistance" });
    await resistance.fill("1000");
    await resistance.press("Enter");
    await expect.poll(() => session.page.locator(".design-failure").count()).toBe(0);
    await screenshot(session.page, "designer-added-element");
    await session.page.getByRole("button", { name: "remove resistor1" }).click();
    await expect
      .poll(() => session.page.getByRole("textbox", { name: "resistor1 nodes" }).count())
      .toBe(0);
    // Back to the reference design plus one edit: the link names it again.
    await expect.poll(() => session.page.url()).toContain("design=tribrid-1dd-4ba-2est");
  });

  it("has no serious or critical accessibility violations", async () => {
    expect(await seriousViolations(session.page)).toEqual([]);
    await session.page
      .getByRole("spinbutton", { name: "Cmid capacitance" })
      .scrollIntoViewIfNeeded();
    await screenshot(session.page, "designer-parameters");
  });
});

describe("the graph tool", () => {
  it("adds measurements in every format the reader takes and rates each in its legend", async () => {
    await session.page.getByRole("tab", { name: "Graph" }).click();
    const folder = join(fixtures, "measurements");
    const files = (await readdir(folder)).map((name) => join(folder, name));
    files.push(
      join(fixtures, "rank", "folder", "flat-ish.csv"),
      join(fixtures, "rank", "folder", "tilted.csv"),
    );
    await session.page.getByLabel("Add measurement").setInputFiles(files);
    await session.page
      .locator(".legend")
      .getByText(/flat-ish — rating \d+\.\d/)
      .waitFor();
    await expect
      .poll(() => session.page.locator(".legend li").count())
      .toBeGreaterThanOrEqual(files.length);
    await screenshot(session.page, "graph");
    expect(await seriousViolations(session.page)).toEqual([]);
  });

  it("reads a squig.link folder: phone_book.json names the phones, missing ones are reported", async () => {
    await session.page.getByLabel("Add folder").setInputFiles(join(fixtures, "rank", "squig"));
    await session.page
      .locator(".legend")
      .getByText(/^Alpha Reference L — rating \d+\.\d/)
      .waitFor();
    await session.page
      .locator(".legend")
      .getByText(/^Beta Tilted R — rating/)
      .waitFor();
    expect(await session.page.getByRole("alert").textContent()).toMatch(/Ghost/);
    // L and R of one phone average into one curve that says how far the channels differ.
    await session.page.getByRole("button", { name: "average L/R" }).first().click();
    await session.page
      .locator(".legend")
      .getByText(/\(L\/R average\) — rating/)
      .first()
      .waitFor();
    await session.page
      .locator(".legend")
      .getByText(/L − R up to/)
      .first()
      .waitFor();
    await screenshot(session.page, "graph-phone-book");
    await session.page.getByRole("button", { name: "Dismiss this message" }).first().click();
    await expect.poll(() => session.page.getByRole("alert").count()).toBe(0);
  });

  it("names the file and line of a junk file in an alert, and keeps the rest", async () => {
    const before = await session.page.locator(".legend li").count();
    await session.page.getByLabel("Add measurement").setInputFiles({
      name: "junk.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("this is not\na measurement 1 2 3\n\u0001\u0002"),
    });
    const alert = session.page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/junk\.txt/);
    expect(await session.page.locator(".legend li").count()).toBe(before);
    await screenshot(session.page, "graph-junk-file");
    await session.page.getByRole("button", { name: "Dismiss this message" }).click();
  });
});

describe("the EQ panel", () => {
  it("fits EQ to the design and downloads an EqualizerAPO preset", async () => {
    // The tabs follow the ARIA pattern: arrow keys move between them.
    await session.page.getByRole("tab", { name: "Graph" }).focus();
    await session.page.keyboard.press("ArrowRight");
    await expect
      .poll(() => session.page.getByRole("tab", { name: "EQ" }).getAttribute("aria-selected"))
      .toBe("true");
    await session.page.getByRole("button", { name: "Fit EQ" }).click();
    await session.page.getByText(/after; residual/).waitFor({ timeout: 30_000 });
    const { text } = await downloadedText(session.page, () =>
      session.page.getByRole("button", { name: "Download EqualizerAPO" }).click(),
    );
    // As `tympan eq` writes it: the summary as # comments, then the preset.
    expect(text).toMatch(/^Preamp: -?\d+(\.\d+)? dB/m);
    expect(text).toMatch(/Filter 1: ON/);
    // A filter edited by hand previews at once.
    await session.page.getByRole("spinbutton", { name: "filter 3 gain (dB)" }).fill("4");
    await session.page.getByRole("spinbutton", { name: "filter 3 gain (dB)" }).press("Enter");
    await session.page.getByText(/edited by hand/).waitFor();
    await screenshot(session.page, "eq");
    expect(await seriousViolations(session.page)).toEqual([]);
  });
});

describe("the source panel", () => {
  it("shows headroom and hiss for a source", async () => {
    await session.page.getByRole("tab", { name: "Source" }).click();
    await session.page.getByText(/dB\(A\) SPL/).waitFor({ timeout: 30_000 });
    // A figure typed over the preset's makes a modified source, in the link too.
    const impedance = session.page.getByRole("spinbutton", { name: "Output impedance (Ω)" });
    await impedance.fill("22");
    await impedance.press("Enter");
    await session.page.getByText(/\(modified\)/).waitFor();
    await expect.poll(() => session.page.url()).toContain("zsource=22");
    await screenshot(session.page, "source");
    expect(await seriousViolations(session.page)).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
