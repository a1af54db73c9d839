import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMeasurement } from "../../measurements/parseMeasurement.js";
import { simulate } from "../../simulate/simulate.js";
import { type ReceiverFitOptions, fitReceiver } from "./fitReceiver.js";
import { FIXTURE_INTO_711 } from "./loadChain.js";
import { receiverFitDesign } from "./receiverDesign.js";

/** The eight Knowles receivers of the shared data, copied with their provenance (README there). */
const FIXTURES = new URL("../../../test/fixtures/receivers/", import.meta.url);

/** A receiver's datasheet: its response (with the drive its header states) and its |Z|. */
function knowlesDatasheet(model: string) {
  const read = (suffix: string, kind: "response" | "impedance") => {
    const name = `${model}-000_${suffix}.txt`;
    const text = readFileSync(new URL(name, FIXTURES), "utf8");
    return { text, curve: parseMeasurement(text, { source: name, kind }) };
  };
  const response = read("fr", "response");
  const drive = /at ([\d.]+) V rms/.exec(response.text);
  return {
    responses: [{ curve: response.curve, load: FIXTURE_INTO_711 }],
    impedance: read("z", "impedance").curve,
    driveVoltage: Number(drive![1]),
  };
}

/**
 * What each receiver needs and what the fit reaches (the bar: ≤ 1 dB RMS over 100 Hz–10 kHz
 * and ≤ 6 % |Z| RMS over 20 Hz–10 kHz where the element can represent the receiver). Limits sit a
 * little above what the fit reaches on this machine's seed, so a regression shows.
 */
const RECEIVERS: readonly {
  model: string;
  options: ReceiverFitOptions;
  maxDb: number;
  maxPercent: number;
  why?: string;
}[] = [
  { model: "BK-26824", options: {}, maxDb: 1, maxPercent: 6 },
  { model: "ED-30262", options: {}, maxDb: 1, maxPercent: 6 },
  { model: "ED-29689", options: {}, maxDb: 1, maxPercent: 6 },
  { model: "TEC-30033", options: {}, maxDb: 1, maxPercent: 6 },
  // Both roll off towards 20 Hz in the sealed 711: a diaphragm vent lets the pressure round.
  { model: "SWFK-31736", options: { diaphragmVent: true }, maxDb: 1, maxPercent: 6 },
  { model: "WBFK-30095", options: { diaphragmVent: true }, maxDb: 1, maxPercent: 6 },
  {
    model: "CI-22955",
    options: {},
    maxDb: 1.5,
    maxPercent: 11,
    why:
      "its |Z| peak at 1.7 kHz stands about 30 % higher than a single motor of this element makes " +
      "while it also matches the response: the fit trades the peak against the level",
  },
  // Its |Z| falls from 25 Ω at DC to 16 Ω at 8 kHz, below either coil's resistance: the tweeter motor
  // is fed through a capacitor in the case. Without it the fit reached 1.22 dB and 16.8 %.
  { model: "TWFK-30017", options: { motors: 2, seriesCapacitor: true }, maxDb: 1, maxPercent: 6 },
];

describe("fitReceiver on the eight Knowles receivers (Rev 1.2 application note)", () => {
  it.each(RECEIVERS)(
    "$model: response ≤ $maxDb dB RMS, |Z| ≤ $maxPercent % RMS",
    ({ model, options, maxDb, maxPercent }) => {
      const fit = fitReceiver(knowlesDatasheet(model), options);
      expect(fit.residuals.responses[0]!.rmsDb).toBeLessThanOrEqual(maxDb);
      expect(fit.residuals.impedanceRmsPercent!).toBeLessThanOrEqual(maxPercent);
      for (const value of [...fit.secondLoad.lowDb, ...fit.secondLoad.highDb])
        expect(Number.isFinite(value)).toBe(true);
    },
    60_000,
  );

  it("writes a design whose drum response is the fit's (ED-30262, within 0.01 dB)", () => {
    const fit = fitReceiver(knowlesDatasheet("ED-30262"));
    const design = receiverFitDesign(fit, "ED-30262 (fitted)");
    const frequencies = fit.curves.frequencyHz.filter((_, k) => k % 24 === 0);
    const drum = simulate(design, { frequencies }).probes.drum!.db;
    frequencies.forEach((f, j) => {
      const k = fit.curves.frequencyHz.indexOf(f);
      expect(Math.abs(drum[j]! - fit.curves.responses[0]!.fitDb[k]!)).toBeLessThan(0.01);
    });
  });

  it("writes TWFK-30017's tweeter capacitor as a capacitor element, and the design reproduces the fit (0.01 dB)", () => {
    const fit = fitReceiver(knowlesDatasheet("TWFK-30017"), {
      motors: 2,
      seriesCapacitor: true,
      starts: 2,
    });
    const design = receiverFitDesign(fit, "TWFK-30017 (fitted)") as unknown as {
      elements: { id: string; type: string; nodes: string[]; capacitance?: number }[];
    };
    const capacitor = design.elements.find((element) => element.type === "capacitor")!;
    expect(capacitor).toMatchObject({ id: "receiver2Capacitor", nodes: ["in", "receiver2Feed"] });
    expect(capacitor.capacitance! / fit.seriesCapacitance[1]! - 1).toBeLessThan(1e-5);
    expect(design.elements.find((element) => element.id === "receiver2")!.nodes[0]).toBe(
      "receiver2Feed",
    );
    const frequencies = fit.curves.frequencyHz.filter((_, k) => k % 24 === 0);
    const drum = simulate(design as never, { frequencies }).probes.drum!.db;
    frequencies.forEach((f, j) => {
      const k = fit.curves.frequencyHz.indexOf(f);
      expect(Math.abs(drum[j]! - fit.curves.responses[0]!.fitDb[k]!)).toBeLessThan(0.01);
    });
  });

  it("refuses a series capacitor without a second motor to feed", () => {
    expect(() => fitReceiver(knowlesDatasheet("ED-30262"), { seriesCapacitor: true })).toThrow(
      /give motors: 2 with it/,
    );
  });

  it("is deterministic: the same seed gives the same parameters to the last digit", () => {
    const datasheet = knowlesDatasheet("BK-26824");
    const first = fitReceiver(datasheet, { starts: 3 });
    const second = fitReceiver(datasheet, { starts: 3 });
    expect(second.parameters).toEqual(first.parameters);
  });
});
