import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import { simulate, trySimulate } from "./simulate.js";

/** The single-BA reference design with its first bore 120 m long: millimetres typed into metres. */
function withLongBore(): unknown {
  const url = new URL("../../examples/single-ba.json", import.meta.url);
  const design = JSON.parse(readFileSync(url, "utf8")) as {
    elements: { id: string; length?: number }[];
  };
  for (const element of design.elements) if (element.id === "bore1") element.length = 120;
  return design;
}

describe("a design that cannot be solved keeps its warnings beside the error", () => {
  it("trySimulate: ill-conditioned first, then the 120 m length to check", () => {
    const outcome = trySimulate(withLongBore(), { frequencies: [20, 1000] });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0]!.severity).toBe("error");
    expect(outcome.issues[0]!.code).toMatch(/ill-conditioned-network|singular-network/);
    const warning = outcome.issues.find((issue) => issue.code === "implausible-size");
    expect(warning?.severity).toBe("warning");
    expect(warning?.path).toEqual(["elements", 3, "length"]);
    expect(warning?.message).toContain('tube "bore1": length 120 m is more than');
    expect(warning?.message).toContain("check the value and its unit");
  });

  it("simulate throws the same issues", () => {
    const options = { frequencies: [20, 1000] };
    const outcome = trySimulate(withLongBore(), options);
    if (outcome.ok) throw new Error("expected a failure");
    for (const run of [() => simulate(withLongBore(), options)]) {
      let thrown: unknown;
      try {
        run();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TympanError);
      expect((thrown as TympanError).issues.map((issue) => issue.code)).toEqual(
        outcome.issues.map((issue) => issue.code),
      );
    }
  });

  it("errors come before warnings when the design and the frequencies are both wrong", () => {
    const design = withLongBore() as { elements: Record<string, unknown>[] };
    design.elements.push({ id: "bad", type: "resistor", nodes: ["in", "0"], resistance: -1 });
    const outcome = trySimulate(design, { frequencies: [-1] });
    if (outcome.ok) throw new Error("expected a failure");
    expect(outcome.issues.map((issue) => issue.severity)).toEqual(["error", "error", "warning"]);
  });
});
