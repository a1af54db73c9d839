import { describe, expect, it } from "vitest";
import type { Network } from "./compileNetwork.js";
import { unsolvableAt } from "./solveFailure.js";

const network = {
  unknownLabels: ['node "a"', 'flow in "l1"'],
  elementsOfUnknown: [["r1", "l1"], ["l1"]],
} as unknown as Network;

describe("unsolvableAt", () => {
  it("says singular-network, naming the frequency, unknowns and elements, for exact zeros", () => {
    const [issue] = unsolvableAt(network, 100, [0, 1], true).issues;
    expect(issue.code).toBe("singular-network");
    expect(issue.elementIds).toEqual(["r1", "l1"]);
    expect(issue.message).toContain('no unique solution at 100.000 Hz near node "a", flow in "l1"');
  });

  it("says ill-conditioned-network, with a hint, when the equations are only nearly singular", () => {
    const [issue] = unsolvableAt(network, 0.01, [0], false).issues;
    expect(issue.code).toBe("ill-conditioned-network");
    expect(issue.message).toContain("too ill-conditioned to solve accurately at 0.0100000 Hz");
    expect(issue.hint).toContain("values many decades apart");
  });
});
