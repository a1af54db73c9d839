import { describe, expect, it } from "vitest";
import { parseMeasurementChannel, tryParseMeasurementChannel } from "./measurementChannel.js";

const STEREO = "Frequency,Left,Right\n20,80,74\n1000,90,90\n10000,70,76\n";

describe("tryParseMeasurementChannel(text, { channel })", () => {
  it("reads the left channel by default and says so in a note naming both columns", () => {
    const result = tryParseMeasurementChannel(STEREO, { source: "stereo.csv" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.values).toEqual([80, 90, 70]);
    const note = result.warnings.find((issue) => issue.code === "channel-chosen");
    expect(note?.severity).toBe("note");
    expect(note?.message).toMatch(/read the left channel \(column "Left"\).*"Right"/);
    expect(note?.message).toMatch(/--channel left\|right\|average/);
  });

  it("reads the right channel when asked, without a note", () => {
    const result = tryParseMeasurementChannel(STEREO, { channel: "right" });
    expect(result.ok && result.value.values).toEqual([74, 90, 76]);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual([]);
  });

  it("averages in amplitude: 20·log10((10^(L/20)+10^(R/20))/2)", () => {
    const curve = parseMeasurementChannel(STEREO, { channel: "average", source: "stereo.csv" });
    const expected = (l: number, r: number) =>
      20 * Math.log10((10 ** (l / 20) + 10 ** (r / 20)) / 2);
    expect(curve.values[0]).toBeCloseTo(expected(80, 74), 10);
    expect(curve.values[1]).toBeCloseTo(90, 10);
    // 6 dB apart: the amplitude mean lies 2.5 dB below the louder one, not at the 3 dB dB-mean.
    expect(curve.values[2]).toBeCloseTo(76 - 2.5, 1);
    expect(curve.name).toBe("stereo");
  });

  it("refuses a channel the file does not have, naming its columns", () => {
    const result = tryParseMeasurementChannel("frequency,raw\n20,80\n1000,90\n", {
      channel: "right",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0].code).toBe("unknown-channel");
    expect(result.issues[0].message).toMatch(/no right channel.*"frequency", "raw"/);
  });

  it("an explicit column wins over the channel default and reads without a channel note", () => {
    const result = tryParseMeasurementChannel(STEREO, { column: "Right" });
    expect(result.ok && result.value.values).toEqual([74, 90, 76]);
    expect(result.ok && result.warnings.some((w) => w.code === "channel-chosen")).toBe(false);
  });
});
