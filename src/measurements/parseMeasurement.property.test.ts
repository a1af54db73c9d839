import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../test/property/setup.js";
import type { Curve } from "../core/curve.js";
import { formatCsv, formatRew, formatSquig } from "./formatMeasurement.js";
import { parseMeasurement, tryParseMeasurement } from "./parseMeasurement.js";

/** Text that looks like measurement files: numbers, delimiters, comments, headers and junk. */
const measurementLike = fc
  .array(
    fc.oneof(
      fc.constantFrom("* Freq(Hz) SPL(dB) Phase(degrees)", "frequency,raw", "", "' c", "# Hz ohm"),
      fc
        .array(
          fc.oneof(
            fc.double({ noNaN: false }).map(String),
            fc.constantFrom("20,5", "-0", "1e3", "NaN", "", "abc", ".5"),
          ),
          { maxLength: 4 },
        )
        .chain((cells) => fc.constantFrom(" ", "\t", ",", ";").map((d) => cells.join(d))),
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join("\n"));

describe("tryParseMeasurement never throws", () => {
  it("for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const result = tryParseMeasurement(text);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it("for measurement-like text, and a curve it returns is valid", () => {
    fc.assert(
      fc.property(measurementLike, fc.constantFrom("x.zma", "x.txt", undefined), (text, source) => {
        const result = tryParseMeasurement(text, { source });
        if (!result.ok) {
          for (const issue of result.issues) expect(issue.message.trim()).not.toBe("");
          return;
        }
        const { frequencyHz, values } = result.value;
        expect(frequencyHz.length).toBeGreaterThanOrEqual(2);
        expect(values).toHaveLength(frequencyHz.length);
        for (let i = 0; i < frequencyHz.length; i++) {
          expect(frequencyHz[i]).toBeGreaterThan(i === 0 ? 0 : frequencyHz[i - 1]!);
          expect(Number.isFinite(values[i])).toBe(true);
        }
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});

describe("writers round-trip", () => {
  const curve: fc.Arbitrary<Curve> = fc
    // 1 Hz–20 kHz in centihertz: the reader refuses frequencies below 1 Hz.
    .uniqueArray(fc.integer({ min: 100, max: 2_000_000 }), { minLength: 2, maxLength: 30 })
    .chain((centiHz) =>
      fc.record({
        kind: fc.constantFrom("response" as const, "impedance" as const),
        frequencyHz: fc.constant([...centiHz].sort((a, b) => a - b).map((c) => c / 100)),
        values: fc.array(fc.integer({ min: 0, max: 20_000 }), {
          minLength: centiHz.length,
          maxLength: centiHz.length,
        }),
      }),
    )
    .map((record) => ({ ...record, values: record.values.map((v) => v / 100) }));

  it("formatCsv, formatRew and formatSquig read back exactly at two decimals", () => {
    fc.assert(
      fc.property(curve, (original) => {
        for (const write of [formatCsv, formatRew, formatSquig]) {
          const read = parseMeasurement(write(original));
          expect(read.kind).toBe(original.kind);
          expect(read.frequencyHz).toEqual(original.frequencyHz);
          expect(read.values).toEqual(original.values);
        }
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
