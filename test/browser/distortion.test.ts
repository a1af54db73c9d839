// The designer's distortion view in headless Chromium: opened for single-dd at 94 dB, its THD at
// 1 kHz agrees with the library's own result computed here in Node, a louder preset raises it, and
// a linear design says so in words instead of drawing an empty chart.
import { describe, expect, it } from "vitest";
import { distortion, driveForLevel, referenceDesign } from "../../src/index.js";
import { screenshot } from "./support/browser.js";
import { useBrowserSession } from "./support/session.js";

const session = useBrowserSession();

const SINGLE_DD = referenceDesign("single-dd")!.design;

/** The library's THD at 1 kHz at the drum, at the drive that puts the drum at `levelDb` there. */
function libraryThdAt1kHz(design: unknown, levelDb: number): number {
  const voltageRms = driveForLevel(design, { levelDb, frequencyHz: 1000, probe: "drum" });
  return distortion(design, { frequencies: [1000], voltageRms }).probes.drum!.thdPercent[0]!;
}

/** The THD the caption quotes once the view has computed the level asked for. */
async function captionThd(levelDb: number): Promise<number> {
  const caption = session.page.getByText(
    new RegExp(`THD at 1 kHz: [\\d.e-]+ % at ${levelDb} dB SPL`),
  );
  await caption.waitFor({ timeout: 60_000 });
  const text = (await caption.textContent())!;
  return Number(/THD at 1 kHz: ([\d.e-]+) %/.exec(text)![1]);
}

describe("the designer's distortion view", () => {
  it("gives single-dd's THD at 94 dB as the library does, and a louder level raises it", async () => {
    const design = session.page.getByRole("combobox", { name: "Design" });
    await design.selectOption("single-dd");
    await session.page.getByText("Distortion at a chosen level").click();
    const at94 = await captionThd(94);
    const expected94 = libraryThdAt1kHz(SINGLE_DD, 94);
    expect(at94).toBeGreaterThan(0);
    // The caption rounds to 3 significant figures: within 1 % of the library's figure.
    expect(Math.abs(at94 / expected94 - 1)).toBeLessThan(0.01);
    await session.page.getByRole("img", { name: /Harmonic distortion at the eardrum/ }).waitFor();
    await session.page.getByText("Distortion at a chosen level").scrollIntoViewIfNeeded();
    await screenshot(session.page, "distortion-94");

    await session.page.getByRole("button", { name: "114 dB" }).click();
    const at114 = await captionThd(114);
    expect(Math.abs(at114 / libraryThdAt1kHz(SINGLE_DD, 114) - 1)).toBeLessThan(0.01);
    expect(at114).toBeGreaterThan(at94 * 3);
    await screenshot(session.page, "distortion-114");

    // The number field: any level in range.
    const field = session.page.getByRole("spinbutton", {
      name: "Distortion level (dB SPL at 1 kHz)",
    });
    await field.fill("100");
    await field.press("Enter");
    const at100 = await captionThd(100);
    expect(at100).toBeGreaterThan(at94);
    expect(at100).toBeLessThan(at114);
    // The open view and its level are in the link; the link opens it again, at that level.
    await expect.poll(() => session.page.url()).toContain("thd=100");
    const reopened = await session.page.context().newPage();
    await reopened.goto(session.page.url());
    await reopened.getByText(/THD at 1 kHz: [\d.e-]+ % at 100 dB SPL/).waitFor({ timeout: 60_000 });
    // (The tab stays open: under Chromium's --single-process here, closing can take it down.)
    await field.fill("500");
    await field.press("Enter");
    await expect
      .poll(() => session.page.getByRole("alert").allTextContents())
      .toContainEqual(expect.stringMatching(/40 to 130/));
    expect(session.errors).toEqual([]);
  }, 180_000);

  it("says a design without large-signal parameters is linear, with no chart", async () => {
    const linear = structuredClone(SINGLE_DD) as unknown as {
      name?: string;
      elements: Record<string, unknown>[];
    };
    linear.name = "linear-dd";
    for (const element of linear.elements) {
      for (const key of Object.keys(element)) if (/^(bl|kms|le)\d+$/.test(key)) delete element[key];
    }
    await session.page
      .locator('input[type="file"][accept*=".json"]')
      .first()
      .setInputFiles({
        name: "linear-dd.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(linear)),
      });
    await session.page.getByText(/^This design is linear/).waitFor({ timeout: 60_000 });
    expect(await session.page.getByRole("img", { name: /Harmonic distortion/ }).count()).toBe(0);
    await screenshot(session.page, "distortion-linear");
    expect(session.errors).toEqual([]);
  }, 120_000);
});
