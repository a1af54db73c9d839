/** Design-file parsing messages a new user meets first. */
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { TympanError, validateDesign } from "../../src/index.js";
import { parseDesignText } from "../../src/design/designText.js";

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof TympanError) return error.message;
    throw error;
  }
  throw new Error("expected a TympanError");
}

describe("parseDesignText", () => {
  it("a YAML list used as a key prints nothing of its own: validation names the key", () => {
    // Observed: "(node:…) Warning: Keys with collection values will be stringified…" on stderr.
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      const parsed = parseDesignText("tympan: 1\n? [a, b]\n: 1\nelements: []\n", "yaml");
      expect(warn).not.toHaveBeenCalled();
      const outcome = validateDesign(parsed);
      expect(outcome.ok ? [] : outcome.issues.map((issue) => issue.code)).toContain("unknown-key");
    } finally {
      warn.mockRestore();
    }
  });

  it("accepts a JSON file saved with a UTF-8 byte-order mark (Windows Notepad)", () => {
    // Observed: JSON syntax error: Unexpected token '<BOM>', "<BOM>{ ..." is not valid JSON.
    const text = `\uFEFF${readFileSync("examples/case-a.json", "utf8")}`;
    const parsed = parseDesignText(text, "json", "case-a.json");
    expect(validateDesign(parsed).ok).toBe(true);
  });

  it("a trailing comma in a JSON array gets a line and column, on one line", () => {
    // Observed (Node 20): 'JSON syntax error: Unexpected token \']\', ..."e": 1},\n  ],\n  "prob"...
    // is not valid JSON.' — no position, and the raw snippet splits the message over three lines.
    const text =
      '{\n  "tympan": 1,\n  "elements": [\n    {"id": "v", "type": "voltageSource", "nodes": ["in", "0"], "voltage": 1},\n  ],\n  "probes": []\n}\n';
    const message = messageOf(() => parseDesignText(text, "json", "d.json"));
    expect(message).toMatch(/line 5/);
    expect(message).not.toContain("\n");
  });

  it("a YAML syntax error names its line", () => {
    // Observed: 'YAML syntax error: All mapping items must start at the same column' (no line:
    // parseDocument is called with prettyErrors: false, so linePos is never filled in).
    const text =
      'tympan: 1\nelements:\n- id: v\n  type: voltageSource\n  nodes: [in, "0"]\n   voltage: 1\n';
    expect(messageOf(() => parseDesignText(text, "yaml", "d.yaml"))).toMatch(/line \d+/);
  });

  it("the duplicate-key check does not make a large JSON design slow to read", () => {
    // Observed: 4.7 MB (20 000-section ladder) takes ~5 s in parseDesignText vs ~0.05 s in JSON.parse;
    // a 24 MB design takes ~35 s. The YAML parser is used only to find duplicate keys.
    const elements: object[] = [{ id: "v", type: "voltageSource", nodes: ["n0", "0"], voltage: 1 }];
    for (let i = 0; i < 5000; i++) {
      elements.push({
        id: `r${i}`,
        type: "resistor",
        nodes: [`n${i}`, `n${i + 1}`],
        resistance: 1,
      });
      elements.push({
        id: `c${i}`,
        type: "capacitor",
        nodes: [`n${i + 1}`, "0"],
        capacitance: 1e-6,
      });
    }
    const text = JSON.stringify({ tympan: 1, elements, probes: [] }, null, 1);
    let start = performance.now();
    for (let k = 0; k < 5; k++) JSON.parse(text);
    const plain = (performance.now() - start) / 5;
    start = performance.now();
    parseDesignText(text, "json");
    const checked = performance.now() - start;
    expect(checked).toBeLessThan(Math.max(20 * plain, 100));
  });
});

describe("value messages", () => {
  const design = (value: unknown) => ({
    tympan: 1,
    elements: [
      { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      { id: "r", type: "resistor", nodes: ["in", "0"], resistance: value },
    ],
  });

  it("1e400 (Infinity after JSON.parse) and YAML .nan are not shown to the user as 'got null'", () => {
    for (const value of [Number.POSITIVE_INFINITY, Number.NaN]) {
      const outcome = validateDesign(design(value));
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.issues[0].message).not.toContain("got null");
    }
  });

  it("YAML `nodes: [in, 0]` means ground: integer node names are read as text", () => {
    // Observed: 'nodes node names are strings, e.g. "in", "nozzle", or "0" for ground (got ["in",0])'.
    const parsed = parseDesignText(
      "tympan: 1\nelements:\n  - { id: v, type: voltageSource, nodes: [in, 0], voltage: 1 }\n  - { id: r, type: resistor, nodes: [in, 12], resistance: 8 }\n  - { id: c, type: capacitor, nodes: [12, 0], capacitance: 1e-6 }\nprobes:\n  - { id: mid, node: 12 }\n",
      "yaml",
    );
    const outcome = validateDesign(parsed);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.value.elements.map((element) => element.nodes)).toEqual([
      ["in", "0"],
      ["in", "12"],
      ["12", "0"],
    ]);
    expect(outcome.value.probes[0]!.node).toBe("12");
  });

  it("a fractional node name is still refused, at its path, saying to quote it", () => {
    const outcome = validateDesign({
      tympan: 1,
      elements: [
        { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
        { id: "r", type: "resistor", nodes: ["in", 1.5], resistance: 8 },
      ],
    });
    if (outcome.ok) throw new Error("expected 1.5 to be refused as a node name");
    expect(outcome.issues[0].path).toEqual(["elements", 1, "nodes", 1]);
    expect(outcome.issues[0].message).toContain('write "1.5" in quotes');
  });
});
