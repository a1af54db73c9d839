import { describe, expect, it } from "vitest";
import { logFrequencies, referenceDesign, simulate } from "../../index.js";
import { handle } from "./handle.js";

describe("referenceCurve (a reference design on the graph)", () => {
  it("is the design's drum response as simulate gives it, on the designer's grid", () => {
    const reply = handle("referenceCurve", { name: "single-dd", points: 40 });
    if (!reply.ok) throw new Error(reply.message);
    const direct = simulate(referenceDesign("single-dd")!.design, {
      frequencies: logFrequencies({ fromHz: 20, toHz: 20_000, points: 40 }),
    });
    expect(reply.value.name).toBe("single-dd");
    expect(reply.value.kind).toBe("response");
    expect(reply.value.frequencyHz).toEqual(direct.frequencyHz);
    expect(reply.value.values).toEqual(direct.probes.drum!.db);
  });

  it("an unknown name says which designs there are", () => {
    const reply = handle("referenceCurve", { name: "nope", points: 40 });
    expect(reply.ok).toBe(false);
    if (!reply.ok)
      expect(reply.message).toMatch(/no reference design "nope"; choose one of .*single-dd/);
  });
});
