import { describe, expect, it } from "vitest";
import { KNOWLES_FITS, readKnowlesFits } from "./knowlesFits.js";
import KNOWLES_FITS_JSON from "./knowlesFits.json" with { type: "json" };

const clone = (): { receivers: Record<string, unknown>[] } =>
  JSON.parse(JSON.stringify(KNOWLES_FITS_JSON)) as { receivers: Record<string, unknown>[] };

describe("the stored Knowles fits (knowlesFits.json)", () => {
  it("load as the eight receivers, the two-motor TWFK-30017 with two motors", () => {
    expect(KNOWLES_FITS.map((record) => record.model)).toEqual([
      "BK-26824-000",
      "CI-22955-000",
      "ED-29689-000",
      "ED-30262-000",
      "SWFK-31736-000",
      "TEC-30033-000",
      "TWFK-30017-000",
      "WBFK-30095-000",
    ]);
    expect(KNOWLES_FITS.find((record) => record.model === "TWFK-30017-000")!.motors).toHaveLength(
      2,
    );
  });

  it("refuse data of the wrong shape, naming the file and the field", () => {
    const missing = clone();
    delete missing.receivers[2]!.driveVoltage;
    expect(() => readKnowlesFits(missing)).toThrow(
      /knowlesFits\.json: receivers\.2\.driveVoltage: .*write-knowles-parts/,
    );
    const negative = clone();
    (negative.receivers[0]!.fixture as { lengthM: number }).lengthM = -1;
    expect(() => readKnowlesFits(negative)).toThrow(/receivers\.0\.fixture\.lengthM/);
    const halfInterval = clone();
    const motor = (halfInterval.receivers[0]!.motors as Record<string, { high?: number }>[])[0]!;
    delete motor.coilResistance!.high;
    expect(() => readKnowlesFits(halfInterval)).toThrow(
      /coilResistance: low and high come together/,
    );
    expect(() => readKnowlesFits({ receivers: "none" })).toThrow(/knowlesFits\.json/);
  });
});
