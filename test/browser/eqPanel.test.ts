// The EQ panel's filters in a real headless Chromium: each filter beside the device's limits, its
// type changed from the keyboard (re-evaluated at once), and a refit with the changed types.
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { screenshot } from "./support/browser.js";
import { useBrowserSession } from "./support/session.js";

const session = useBrowserSession({ hash: "#tab=eq" });

describe("the EQ panel's filters", () => {
  it("shows each filter's limits, changes a type from the keyboard, and refits with it", async () => {
    // The design must have been simulated before there is anything to fit.
    await session.page.waitForFunction(
      () => performance.getEntriesByName("tympan:simulated").length > 0,
      undefined,
      { timeout: 60_000 },
    );
    await session.page.getByRole("button", { name: "Fit EQ" }).press("Enter");
    await session.page.getByText(/after; residual/).waitFor({ timeout: 30_000 });
    const limits = session.page.locator("#eq-filter-0-limits");
    expect(await limits.textContent()).toBe(
      "fc 105 Hz (fixed), Q 0.7 (fixed), gain −20 dB to +20 dB",
    );
    expect(await session.page.locator("#eq-filter-2-limits").textContent()).toMatch(
      /^fc 20 Hz–10 kHz, Q 0\.182–6, gain/,
    );
    const type = session.page.getByRole("combobox", { name: "filter 1 type" });
    expect(await type.inputValue()).toBe("low-shelf");
    await type.focus();
    await session.page.keyboard.press("ArrowUp");
    await expect.poll(() => type.inputValue()).toBe("peaking");
    await session.page.getByText(/edited by hand/).waitFor();
    expect(await session.page.getByLabel("EqualizerAPO preset").textContent()).toMatch(
      /Filter 1: ON PK Fc 105/,
    );
    expect(await limits.textContent()).toMatch(/the device's filter is low shelf/);
    // A value beyond the device's limits is marked, and said.
    const gain = session.page.getByRole("spinbutton", { name: "filter 3 gain (dB)" });
    await gain.fill("30");
    await gain.press("Enter");
    await expect.poll(() => gain.getAttribute("aria-invalid")).toBe("true");
    expect(await session.page.locator("#eq-filter-2-limits").textContent()).toMatch(
      /gain \(dB\) outside/,
    );
    await screenshot(session.page, "eq-filter-types");
    expect(await seriousViolations(session.page)).toEqual([]);
    await session.page.getByRole("button", { name: "Refit with these types" }).click();
    await expect
      .poll(() => session.page.getByText(/edited by hand/).count(), { timeout: 30_000 })
      .toBe(0);
    expect(await type.inputValue()).toBe("peaking");
    expect(await gain.getAttribute("aria-invalid")).toBeNull();
    expect(await limits.textContent()).toBe(
      "fc 105 Hz (fixed), Q 0.7 (fixed), gain −20 dB to +20 dB",
    );
    expect(session.errors).toEqual([]);
  });
});
