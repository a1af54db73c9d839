import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REFERENCE_DESIGNS } from "../src/catalogue/referenceDesigns.js";

describe("examples/", () => {
  it.each(REFERENCE_DESIGNS.map((entry) => [entry.name, entry] as const))(
    "examples/%s.json is the built-in design (regenerate with npm run build && node scripts/write-examples.mjs)",
    (name, entry) => {
      const text = readFileSync(new URL(`../examples/${name}.json`, import.meta.url), "utf8");
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(entry.design)));
    },
  );
});
