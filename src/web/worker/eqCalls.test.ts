import { describe, expect, it } from "vitest";
import { referenceDesign } from "../../index.js";
import { handle } from "./handle.js";
import type { CurveData, Reply } from "./protocol.js";
import { DEFAULT_TARGET } from "./targets.js";

function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(reply.message);
  return reply.value;
}

const sim = value(
  handle("simulate", {
    design: referenceDesign("single-dd")!.design,
    points: 200,
    target: DEFAULT_TARGET,
    fit: "",
  }),
);
const curve: CurveData = {
  name: "single-dd",
  kind: "response",
  frequencyHz: sim.frequencyHz,
  values: sim.splDb,
};

describe("the EQ panel's per-filter limits and types", () => {
  it("fitEq gives each filter the preset's limits: AutoEq's fixed shelves and free peaking filters", () => {
    const eq = value(
      handle("fitEq", { curve, target: DEFAULT_TARGET, presetId: "parametric", isDesign: true }),
    );
    expect(eq.limits).toHaveLength(eq.filters.length);
    expect(eq.limits[0]).toEqual({
      type: "low-shelf",
      fcHz: { min: 105, max: 105 },
      q: { min: 0.7, max: 0.7 },
      gainDb: { min: -20, max: 20 },
    });
    expect(eq.limits[2]).toEqual({
      type: "peaking",
      fcHz: { min: 20, max: 10_000 },
      q: { min: 0.18248, max: 6 },
      gainDb: { min: -20, max: 20 },
    });
  });

  it("a type changed by hand re-evaluates the response; a refit places that type in the slot's limits", () => {
    const eq = value(
      handle("fitEq", { curve, target: DEFAULT_TARGET, presetId: "parametric", isDesign: true }),
    );
    const filters = eq.filters.map((f, i) => (i === 0 ? { ...f, type: "peaking" as const } : f));
    const preview = value(handle("previewEq", { fit: eq, filters }));
    expect(preview.filters[0]!.type).toBe("peaking");
    expect(preview.eqDb).not.toEqual(eq.eqDb);
    expect(preview.equalizerApo).toMatch(/Filter 1: ON PK Fc 105/);
    const types = filters.map((f) => f.type);
    const refit = value(
      handle("fitEq", {
        curve,
        target: DEFAULT_TARGET,
        presetId: "parametric",
        isDesign: true,
        slotTypes: types,
      }),
    );
    expect(refit.filters.map((f) => f.type)).toEqual(types);
    expect(refit.limits[0]!.type).toBe("peaking");
    expect(refit.filters[0]!.fcHz).toBe(105);
    const wrong = handle("fitEq", {
      curve,
      target: DEFAULT_TARGET,
      presetId: "parametric",
      isDesign: true,
      slotTypes: ["peaking"],
    });
    expect(wrong.ok).toBe(false);
  });
});
