// The web app under a browser language tag that Intl refuses: headless Chromium started with LANG=C
// reports "en-US@posix", and uPlot formats with navigator.language when its module loads. The page
// must still draw the designer (src/web/localeGuard.ts puts a usable tag in its place).
import { describe, expect, it } from "vitest";
import { screenshot } from "./support/browser.js";
import { useBrowserSession } from "./support/session.js";

const session = useBrowserSession({ locale: "en-US@posix" });

describe("a browser language tag that Intl refuses", () => {
  it("still draws the designer, rates the design, and takes an edit from the keyboard", async () => {
    // The premise: a blank tab of this browser reports the tag, and Intl throws on it.
    const blank = await session.page.context().newPage();
    expect(await blank.evaluate(() => navigator.language)).toBe("en-US@posix");
    const formatter = await blank.evaluate(() => {
      try {
        new Intl.NumberFormat(navigator.language);
        return "accepted";
      } catch {
        return "refused";
      }
    });
    expect(formatter).toBe("refused");
    // (The tab stays open: under Chromium's --single-process here, closing can take it down.)
    // The app put the nearest usable tag in its place before uPlot read it.
    expect(await session.page.evaluate(() => navigator.language)).toBe("en-US");
    await session.page
      .getByText(/Preference rating \d+\.\d/)
      .first()
      .waitFor({ timeout: 60_000 });
    const field = session.page.getByRole("spinbutton", { name: "Rmid resistance" });
    await field.focus();
    await field.press("ArrowUp");
    await expect.poll(() => session.page.url()).toMatch(/p\.Rmid\.resistance=/);
    await screenshot(session.page, "designer-posix-locale");
    expect(session.errors).toEqual([]);
  });
});
