/**
 * The library core runs in the browser too (DESIGN.md): bundling src/index.ts for the browser must
 * succeed with no Node built-in reachable, and the bundle must simulate in a plain V8 context.
 */
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { describe, expect, it } from "vitest";

describe("the library is isomorphic", () => {
  it("bundles for the browser without Node built-ins and simulates case D in a bare context", async () => {
    const result = await build({
      entryPoints: [new URL("../src/index.ts", import.meta.url).pathname],
      bundle: true,
      platform: "browser",
      format: "iife",
      globalName: "tympan",
      write: false,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/require\(["']node:/);
    // A context with only the language's own globals: no process, no Buffer, no require.
    const context = createContext({});
    runInContext(code, context);
    const design = JSON.parse(
      readFileSync(new URL("../examples/case-d.json", import.meta.url), "utf8"),
    );
    const simulated = runInContext(
      "(design) => tympan.simulate(design, { frequencies: [1000] })",
      context,
    ) as (design: unknown) => { probes: { drum: { db: number[] } } };
    expect(simulated(design).probes.drum.db[0]).toBeCloseTo(117.74, 2);
  });
});
