import { describe, expect, it } from "vitest";
import { safeFileName } from "../ui/download.js";
import { csvText, graphCsv } from "./graphCsv.js";

describe("user text in downloads", () => {
  it("graphCsv quotes the legend's names and keeps formulas as text", () => {
    const csv = graphCsv({
      frequencyHz: [20, 1000],
      curves: [
        { id: "a", name: 'say "hi", <img src=x onerror=alert(1)>', db: [60, null] },
        { id: "b", name: '=HYPERLINK("http://x")', db: [61, 62] },
      ],
      target: { name: "target", db: [59, 60] },
    });
    expect(csv).toBe(
      [
        '"frequency_hz","say ""hi"", <img src=x onerror=alert(1)>","\'=HYPERLINK(""http://x"")","target"',
        "20,60,61,59",
        "1000,,62,60",
        "",
      ].join("\n"),
    );
  });

  it("csvText guards every formula prefix, and leaves other text alone", () => {
    expect(["=1", "+1", "-1", "@SUM(A1)"].map(csvText)).toEqual([
      '"\'=1"',
      '"\'+1"',
      '"\'-1"',
      '"\'@SUM(A1)"',
    ]);
    expect(csvText("Moondrop Chu (L)")).toBe('"Moondrop Chu (L)"');
  });

  it("safeFileName leaves no markup, path or quote in a download's name", () => {
    expect(safeFileName("<img src=x onerror=alert(1)>")).toBe("img-src-x-onerror-alert-1");
    expect(safeFileName("../../etc/passwd")).toBe("..-..-etc-passwd");
    expect(safeFileName('<>"')).toBe("tympan");
  });
});
