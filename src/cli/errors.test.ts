import { afterEach, describe, expect, it, vi } from "vitest";
import { TympanError } from "../index.js";
import { EXIT_BAD_INPUT, EXIT_INTERNAL, issueLines, reportError } from "./errors.js";

afterEach(() => vi.unstubAllEnvs());

function report(error: unknown): { code: number; text: string } {
  let text = "";
  const code = reportError(error, (chunk) => (text += chunk));
  return { code, text };
}

describe("reportError", () => {
  it("prints bad input as its issues, one `tympan: ` line each, exit 2", () => {
    const error = new TympanError(
      [
        { code: "usage", severity: "error", path: ["--at"], message: "bad" },
        { code: "note", severity: "note", path: [], message: "two\nlines" },
      ],
      "d.json",
    );
    expect(report(error)).toEqual({
      code: EXIT_BAD_INPUT,
      text: "tympan: d.json: --at: bad\ntympan: d.json: note: two\ntympan: lines\n",
    });
  });

  it("prints an issue about a flag without the file or the library's option path", () => {
    const error = new TympanError(
      [
        {
          code: "usage",
          severity: "error",
          path: ["filterCount"],
          message: "--filters 0: give 1–30",
        },
      ],
      "single-dd",
    );
    expect(report(error).text).toBe("tympan: --filters 0: give 1–30\n");
  });

  it("prints an internal failure as one line saying how to report it, exit 70, no stack", () => {
    vi.stubEnv("TYMPAN_DEBUG", "");
    const { code, text } = report(new Error("x is undefined\nmore detail"));
    expect(code).toBe(EXIT_INTERNAL);
    expect(EXIT_INTERNAL).toBe(70);
    expect(text.trimEnd().split("\n")).toHaveLength(1);
    expect(text).toMatch(
      /^tympan: internal error: x is undefined\. This is a bug in tympan; please report it/,
    );
    expect(text).toContain("TYMPAN_DEBUG=1");
  });

  it("adds the stack trace only with TYMPAN_DEBUG set", () => {
    vi.stubEnv("TYMPAN_DEBUG", "1");
    const { text } = report(new Error("boom"));
    expect(text).toMatch(/\n\s+at /);
  });
});

describe("issueLines", () => {
  it("writes nothing for no issues", () => {
    expect(issueLines([])).toBe("");
  });
});
