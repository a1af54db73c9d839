import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMeasurement } from "../../measurements/index.js";
import { simulate } from "../../simulate/simulate.js";
import { fitTargets } from "../receiverFit/datasheetData.js";
import { FIXTURE_INTO_711 } from "../receiverFit/loadChain.js";
import { partParameters } from "./part.js";
import { KNOWLES_FITS } from "./knowlesFits.js";
import { KNOWLES_RECEIVERS } from "./knowlesReceivers.js";
import { describeProvenance } from "./provenance.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/receivers/${name}`, import.meta.url), "utf8");

describe("the Knowles receivers as catalogue parts", () => {
  it("are the eight shared receivers, the two-motor case as a woofer and a tweeter part", () => {
    expect(KNOWLES_RECEIVERS.map((part) => part.id)).toEqual([
      "knowles/BK-26824",
      "knowles/CI-22955",
      "knowles/ED-29689",
      "knowles/ED-30262",
      "knowles/SWFK-31736",
      "knowles/TEC-30033",
      "knowles/TWFK-30017/woofer",
      "knowles/TWFK-30017/tweeter",
      "knowles/WBFK-30095",
    ]);
  });

  it("carry their provenance: note, revision, page, drive, residuals, the unknown fixture, intervals", () => {
    const part = KNOWLES_RECEIVERS.find((entry) => entry.id === "knowles/ED-30262")!;
    const source = describeProvenance(part.parameters.transduction!.source);
    expect(source).toMatch(/Rev 1\.2.*page 11: ED-30262-000 711 response at 0\.101 V rms/);
    expect(source).toMatch(/through an unknown fixture \(Knowles T8688/);
    expect(source).toMatch(/residual 0\.\d\d dB rms, 95 % interval [\d.e-]+–[\d.e-]+/);
    expect(describeProvenance(part.parameters.diaphragmArea!.source)).toMatch(
      /^illustrative: held/,
    );
    expect(part.description).toMatch(/5–95 % band up to \d+\.\d dB wide above 2 kHz/);
  });

  it("reproduce each datasheet's 711 response through the fitted fixture within the stated residual", () => {
    for (const record of KNOWLES_FITS.filter((entry) => entry.motors.length === 1)) {
      const part = KNOWLES_RECEIVERS.find(
        (entry) => entry.id === `knowles/${record.model.replace(/-000$/, "")}`,
      )!;
      const name = `${record.model}_fr.txt`;
      const curve = parseMeasurement(fixture(name), { source: name, kind: "response" });
      const impedance = parseMeasurement(fixture(`${record.model}_z.txt`), { kind: "impedance" });
      const targets = fitTargets({
        responses: [{ curve, load: FIXTURE_INTO_711 }],
        impedance,
        driveVoltage: record.driveVoltage,
      });
      const { indices, db } = targets.responses[0]!;
      const used = indices.flatMap((k, j) => (targets.frequencyHz[k]! >= 100 ? [j] : []));
      const result = simulate(
        {
          tympan: 1,
          elements: [
            { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: record.driveVoltage },
            {
              id: "rcv",
              type: "balancedArmature",
              nodes: ["in", "0", "spout"],
              ...partParameters(part),
            },
            {
              id: "fixture",
              type: "tube",
              nodes: ["spout", "entrance"],
              length: record.fixture.lengthM,
              radius: record.fixture.radiusM,
            },
            { id: "ear", type: "ear711", nodes: ["entrance", "drum"] },
          ],
          probes: [{ id: "drum", node: "drum" }],
        },
        { frequencies: used.map((j) => targets.frequencyHz[indices[j]!]!) },
      );
      const levels = result.probes.drum!.db;
      const rms = Math.sqrt(
        used.reduce((sum, j, row) => sum + (levels[row]! - db[j]!) ** 2, 0) / used.length,
      );
      // The stored values are rounded to six digits: the residual may move in the second decimal.
      expect(Math.abs(rms - record.responseRmsDb), record.model).toBeLessThan(0.02);
    }
  });
});
