import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { logFrequencies, referenceDesign, simulate } from "../../index.js";
import { handle } from "./handle.js";
import type { Reply } from "./protocol.js";
import { DEFAULT_TARGET } from "./targets.js";

function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(reply.message);
  return reply.value;
}

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/measurements/${name}`, import.meta.url), "utf8");

describe("handle (the worker protocol, without a worker)", () => {
  it("catalogue lists the reference designs and each element type's parameter units", () => {
    const catalogue = value(handle("catalogue", {}));
    expect(catalogue.designs.map((d) => d.name)).toContain("tribrid-1dd-4ba-2est");
    expect(catalogue.parameters.resistor?.resistance?.unit).toBe("Ω");
    expect(catalogue.devicePresets.map((p) => p.id)).toContain("parametric");
  });

  it("simulate gives the drum response, per-driver shares, impedance, rating and the CLI's CSV", () => {
    const design = referenceDesign("hybrid-1dd-2ba")!.design;
    const view = value(handle("simulate", { design, points: 50, target: DEFAULT_TARGET, fit: "" }));
    const frequencies = logFrequencies({ fromHz: 20, toHz: 20_000, points: 50 });
    const direct = simulate(design, { frequencies });
    expect(view.frequencyHz).toEqual(direct.frequencyHz);
    expect(view.splDb).toEqual(direct.probes.drum!.db);
    expect(view.shares.length).toBeGreaterThan(1);
    expect(view.impedance?.magnitudeOhm).toEqual(direct.inputImpedance?.magnitudeOhm);
    expect(view.rating?.ppr).toBeGreaterThan(0);
    const csv = value(
      handle("simulationCsv", { design, points: 50, target: DEFAULT_TARGET, fit: "" }),
    );
    const [header, firstRow] = csv.split("\n");
    expect(header!.startsWith("frequency_hz,drum_db,drum_phase_deg,drum_re_Pa,drum_im_Pa")).toBe(
      true,
    );
    expect(Number(firstRow!.split(",")[1])).toBe(direct.probes.drum!.db[0]);
  });

  it("simulate of an invalid value returns the library's issue with its path", () => {
    const design = structuredClone(referenceDesign("single-ba")!.design) as unknown as {
      elements: Record<string, unknown>[];
    };
    const index = design.elements.findIndex((e) => e.type === "damper");
    design.elements[index]!.ratingCgsOhm = -5;
    const reply = handle("simulate", { design, points: 20, target: DEFAULT_TARGET, fit: "" });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.issues[0]!.path.slice(0, 2)).toEqual(["elements", index]);
      expect(reply.message.length).toBeGreaterThan(0);
    }
  });

  it("parseMeasurement reads a REW export and names a bad file and line", () => {
    const curve = value(
      handle("parseMeasurement", { fileName: "rew-spl.txt", text: fixture("rew-spl.txt") }),
    );
    expect(curve.frequencyHz.length).toBeGreaterThan(3);
    const bad = handle("parseMeasurement", { fileName: "junk.txt", text: "hello\n20 abc\n" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/junk\.txt/);
  });

  it("graph rates each response and puts it on the graph grid", () => {
    const text = readFileSync(
      new URL("../../../test/fixtures/rank/folder/tilted.csv", import.meta.url),
      "utf8",
    );
    const curve = value(handle("parseMeasurement", { fileName: "tilted.csv", text }));
    const view = value(
      handle("graph", {
        curves: [{ id: "a", curve }],
        options: {
          target: DEFAULT_TARGET,
          normalize: "500",
          smoothingOctaveFraction: 12,
          baseline: "",
        },
      }),
    );
    expect(view.curves[0]!.db).toHaveLength(view.frequencyHz.length);
    expect(view.curves[0]!.rating).toBeGreaterThan(0);
  });

  it("fitEq fits the design and writes an EqualizerAPO preset", () => {
    const design = referenceDesign("single-dd")!.design;
    const sim = value(handle("simulate", { design, points: 200, target: DEFAULT_TARGET, fit: "" }));
    const eq = value(
      handle("fitEq", {
        curve: {
          name: "single-dd",
          kind: "response",
          frequencyHz: sim.frequencyHz,
          values: sim.splDb,
        },
        target: DEFAULT_TARGET,
        presetId: "parametric",
        isDesign: true,
      }),
    );
    expect(eq.equalizerApo).toMatch(/^Preamp: -?\d/m);
    expect(eq.ratingAfter).toBeGreaterThanOrEqual(eq.ratingBefore);
  });

  it("averageChannels gives the bands where L and R differ beyond 2 dB, for the graph to shade", () => {
    const frequencyHz = [20, 100, 1000, 5000, 8000, 10_000, 20_000];
    const left = {
      name: "L",
      kind: "response" as const,
      frequencyHz,
      values: [0, 0, 0, 0, 0, 0, 0],
    };
    // R is 4 dB down at 5 and 8 kHz only: one band from where 4 dB falls to 2 dB on either side.
    const right = { ...left, name: "R", values: [0, 0, 0, -4, -4, 0, 0] };
    const average = value(handle("averageChannels", { left, right, name: "A" }));
    expect(average.bands).toHaveLength(1);
    const [band] = average.bands;
    expect(band!.fromHz).toBeGreaterThan(1000);
    expect(band!.fromHz).toBeLessThan(5000);
    expect(band!.toHz).toBeGreaterThan(8000);
    expect(band!.toHz).toBeLessThan(10_000);
    expect(band!.maxDb).toBeCloseTo(4, 12);
    expect(average.imbalance).toMatch(/\|L − R\| > 2 dB over/);
  });

  it("an unknown call is an issue, not an exception", () => {
    const reply = handle("nonsense" as "catalogue", {});
    expect(reply.ok).toBe(false);
  });
});
