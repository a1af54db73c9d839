import { describe, expect, it } from "vitest";
import { elementTypesText } from "./elementTypesText.js";
import { ELEMENT_MODELS, ELEMENT_TYPES } from "./registry.js";

describe("elementTypesText", () => {
  const text = elementTypesText();

  it("lists every element type with its terminals, once", () => {
    for (const type of ELEMENT_TYPES) {
      const heading = `${type}  nodes [${ELEMENT_MODELS[type].terminals.join(", ")}]`;
      expect(text.split("\n").filter((line) => line === heading)).toHaveLength(1);
    }
  });

  it("gives each parameter with its unit", () => {
    expect(text).toMatch(/^ {4}resistance \(Ω\): /m);
  });
});
