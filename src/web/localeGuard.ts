// Browsers may report a language tag Intl refuses, such as "en-US@posix" (a POSIX locale passed
// through by some Linux builds). uPlot formats numbers with `new Intl.NumberFormat(navigator.language)`
// when its module loads, so such a tag would stop the whole page before anything is drawn. This
// module, imported first, replaces an unusable tag with the nearest one Intl accepts.

/** The language tag to use: `tag` when Intl accepts it, else its part before "@" or ".", else en-US. */
export function usableLanguageTag(tag: string | undefined): string {
  const candidates = [tag, tag?.split(/[@.]/)[0]?.replace(/_/g, "-"), "en-US"];
  for (const candidate of candidates) {
    if (candidate === undefined || candidate === "") continue;
    try {
      new Intl.NumberFormat(candidate);
      return candidate;
    } catch {
      // Not a tag Intl takes: try the next.
    }
  }
  return "en-US";
}

if (typeof navigator !== "undefined") {
  const usable = usableLanguageTag(navigator.language);
  if (usable !== navigator.language) {
    Object.defineProperty(navigator, "language", { value: usable, configurable: true });
  }
}
