import { describe, expect, it } from "vitest";
import { logFrequencies } from "../core/frequencyGrid.js";
import { REFERENCE_DESIGNS } from "../catalogue/referenceDesigns.js";
import { validateDesign } from "../design/design.js";
import { STANDARD_AIR } from "../core/air.js";
import { compileNetwork } from "./compileNetwork.js";
import { expectSameResultBits, sweepOf, oneAtATime } from "../../test/support/sameResultBits.js";
import { FrequencySweep, type SweepValues } from "./sweep.js";
import { type ParameterChange, compileDesign } from "./index.js";

const FREQUENCIES = logFrequencies({ fromHz: 20, toHz: 20_000, points: 120 });
const TRIBRID = REFERENCE_DESIGNS.find(({ name }) => name === "tribrid-1dd-4ba-2est")!.design;

/** Whether the sweep's last run used the tail's image (a private field). */
function usedImage(sweep: FrequencySweep): boolean {
  return (sweep as unknown as { assembly: { image: { usable: boolean } } }).assembly.image.usable;
}

describe("the tail's rows assembled over the grid (TailImage)", () => {
  it("follows every kind of edit outside the head — a resistor, a capacitor's jω term, a tube's and a duct's stamps, a value set back — to the last bit", () => {
    const kept = compileDesign(TRIBRID, { frequencies: FREQUENCIES });
    const whole = compileDesign(TRIBRID, { frequencies: FREQUENCIES });
    oneAtATime(whole);
    const steps: ParameterChange[][] = [
      [],
      [],
      [{ elementId: "Rtweeter", parameter: "resistance", value: 2.7 }],
      [{ elementId: "Cmid", parameter: "capacitance", value: 4.7e-6 }],
      [{ elementId: "midBore", parameter: "length", value: 0.0071 }],
      [{ elementId: "ddRearVent", parameter: "length", value: 0.0013 }],
      [
        { elementId: "Cest", parameter: "capacitance", value: 1.5e-6 },
        { elementId: "tipBore", parameter: "radius", value: 0.0012 },
      ],
      [{ elementId: "midBore", parameter: "length", value: TRIBRID_VALUE("midBore", "length") }],
      [{ elementId: "midA", parameter: "transduction", value: 2.2 }],
      [{ elementId: "Rtweeter", parameter: "resistance", value: 3.3 }],
    ];
    steps.forEach((changes, k) => {
      expectSameResultBits(kept.evaluate(changes), whole.evaluate(changes), `step ${k}`);
      // From the second run on, the image is laid out and used wherever the head is skipped.
      if (k > 0) expect(usedImage(sweepOf(kept)), `step ${k}`).toBe(true);
    });
    expect(usedImage(sweepOf(whole))).toBe(false);
  });

  it("is laid out again for a new grid, and a grid taken back gives its first results again", () => {
    const valid = validateDesign(TRIBRID);
    if (!valid.ok) throw new Error("the tribrid does not validate");
    const compiled = compileNetwork(valid.value, STANDARD_AIR);
    if (!compiled.ok) throw new Error("the tribrid does not compile");
    const { network } = compiled;
    const outputs = valid.value.probes.map((probe) => network.unknownOfNode.get(probe.node)!);
    const branch = network.inputSource!.branch;
    const sweep = new FrequencySweep(network, outputs, { inputBranch: branch });
    // Each run starts from the pivot order of the first run (see FrequencySweep): the sweep it is
    // compared with runs the same grids in the same order, factorising every frequency whole.
    const whole = new FrequencySweep(network, outputs, {
      inputBranch: branch,
      keepHead: false,
      pairs: false,
    });
    const coarse = logFrequencies({ fromHz: 20, toHz: 20_000, points: 90 });
    const fine = logFrequencies({ fromHz: 30, toHz: 18_000, points: 150 });
    const grids = [coarse, coarse, fine, fine, coarse];
    grids.forEach((grid, k) => {
      const got = sweep.run(grid);
      expectSameValues(got, whole.run(grid), `run ${k}`);
      if (k > 0 && grids[k - 1] === grid) expect(sweep.headsSkipped, `run ${k}`).toBeGreaterThan(0);
    });
  });
});

/** A value of the tribrid's reference design, to set back. */
function TRIBRID_VALUE(elementId: string, parameter: string): unknown {
  const elements = (TRIBRID as unknown as { elements: Record<string, unknown>[] }).elements;
  return elements.find((element) => element["id"] === elementId)![parameter];
}

function expectSameValues(a: SweepValues, b: SweepValues, label: string): void {
  for (let u = 0; u < b.re.length; u++) {
    const same = b.re[u]!.every(
      (value, f) => Object.is(a.re[u]![f], value) && Object.is(a.im[u]![f], b.im[u]![f]),
    );
    expect(same, `${label}: unknown ${u}`).toBe(true);
  }
}
