import { describe, expect, it } from "vitest";
import { usableLanguageTag } from "./localeGuard.js";

describe("usableLanguageTag", () => {
  it("keeps a tag Intl accepts", () => {
    expect(usableLanguageTag("de-DE")).toBe("de-DE");
  });

  it("turns a POSIX tag Intl refuses into the language before it", () => {
    expect(() => new Intl.NumberFormat("en-US@posix")).toThrow(RangeError);
    expect(usableLanguageTag("en-US@posix")).toBe("en-US");
    expect(usableLanguageTag("fr_FR.UTF-8@euro")).toBe("fr-FR");
  });

  it("falls back to en-US for nothing usable", () => {
    expect(usableLanguageTag(undefined)).toBe("en-US");
    expect(usableLanguageTag("@@@")).toBe("en-US");
  });
});
