import { describe, expect, it } from "vitest";
import { sourceAndFitMarkdown } from "./referenceReport.js";

describe("the report's source-and-fit section", () => {
  it("lists every source preset and the four claims, numbered after the design claims", () => {
    const text = sourceAndFitMarkdown(6).join("\n");
    for (const name of ["phone", "usb-dongle", "portable-dac-amp", "desktop-amp"])
      expect(text).toContain(`| ${name} |`);
    expect(text).toContain(
      "| phone | a phone's or laptop's built-in headphone jack, of the noisier kind | 5 | 0.5 | 30 | 15 |",
    );
    const claims = text.split("\n").filter((line) => /^\| (7|8|9|10) \|/.test(line));
    expect(claims).toHaveLength(4);
    for (const line of claims) expect(line).toContain("| yes |");
    expect(text).toContain("ISO 389-2");
  });
});
