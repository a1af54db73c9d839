/**
 * The README's examples run: its design file simulates, and every ```ts snippet runs as written against
 * the built package (which also proves `import … from "tympan"` self-reference works) and prints what
 * its `// → …` comments say, in order.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { simulate } from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const root = new URL("..", import.meta.url).pathname;

function codeBlocks(language: string): string[] {
  return [...readme.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map(
    (match) => match[1]!,
  );
}

/** The lines a snippet says it prints: the text after each `// → `, in order. */
function expectedOutput(snippet: string): string[] {
  return [...snippet.matchAll(/\/\/ → (.*)$/gm)].map((match) => match[1]!.trim());
}

describe("README", () => {
  it("its design file simulates: the RC low-pass is 3 dB down at 1/(2πRC)", () => {
    const design = JSON.parse(codeBlocks("json")[0]!);
    const result = simulate(design, { frequencies: [1 / (2 * Math.PI * 1000 * 1e-7)] });
    expect(result.probes.out!.db[0]).toBeCloseTo(-3.0103, 4);
  });

  const snippets = codeBlocks("ts");
  it("has library snippets, each saying what it prints", () => {
    expect(snippets.length).toBeGreaterThan(0);
    for (const snippet of snippets) expect(expectedOutput(snippet).length).toBeGreaterThan(0);
  });

  snippets.forEach((snippet, index) => {
    it(`snippet ${index + 1} runs against the built package and prints what it says`, () => {
      const { code } = transformSync(snippet, { loader: "ts", format: "esm" });
      const file = new URL(`../.readme-snippet-${index}.test-run.mjs`, import.meta.url);
      writeFileSync(file, code);
      try {
        const output = execFileSync(process.execPath, [file.pathname], {
          cwd: root,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        });
        const printed = output
          .trim()
          .split("\n")
          .map((line) => line.trim());
        expect(printed).toEqual(expectedOutput(snippet));
      } finally {
        rmSync(file, { force: true });
      }
    });
  });
});
