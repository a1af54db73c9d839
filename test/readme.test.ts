/**
 * The README's examples run: its design file simulates, and its library snippet runs as written
 * against the built package (which also proves `import … from "tympan"` self-reference works).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulate } from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

function codeBlock(language: string): string {
  const match = new RegExp("```" + language + "\\n([\\s\\S]*?)```").exec(readme);
  if (!match) throw new Error(`README has no \`\`\`${language} block`);
  return match[1]!;
}

describe("README", () => {
  it("its design file simulates: the RC low-pass is 3 dB down at 1/(2πRC)", () => {
    const design = JSON.parse(codeBlock("json"));
    const result = simulate(design, { frequencies: [1 / (2 * Math.PI * 1000 * 1e-7)] });
    expect(result.probes.out!.db[0]).toBeCloseTo(-3.0103, 4);
  });

  it("its library snippet runs against the built package and prints what its comment says", () => {
    const snippet = codeBlock("ts");
    const file = new URL("../.readme-snippet.test-run.mjs", import.meta.url);
    writeFileSync(file, snippet);
    try {
      const output = execFileSync(process.execPath, [file.pathname], {
        cwd: new URL("..", import.meta.url).pathname,
        encoding: "utf8",
      });
      expect(output.trim()).toBe("116.52");
    } finally {
      rmSync(file, { force: true });
    }
  });
});
