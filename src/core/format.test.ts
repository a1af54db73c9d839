import { describe, expect, it } from "vitest";
import { formatHz, signedDb } from "./format.js";

describe("formatHz", () => {
  it("writes whole hertz from 100 Hz, one decimal below", () => {
    expect(formatHz(850)).toBe("850 Hz");
    expect(formatHz(100)).toBe("100 Hz");
    expect(formatHz(63.49)).toBe("63.5 Hz");
    expect(formatHz(20)).toBe("20 Hz");
  });

  it("writes kHz from 1 kHz with two decimals, one from 9.95 kHz, trailing zeros dropped", () => {
    expect(formatHz(1000)).toBe("1 kHz");
    expect(formatHz(2300)).toBe("2.3 kHz");
    expect(formatHz(3150)).toBe("3.15 kHz");
    expect(formatHz(12_500)).toBe("12.5 kHz");
    expect(formatHz(20_000)).toBe("20 kHz");
  });
});

describe("signedDb", () => {
  it("signs with + and a true minus sign, rounding to the given digits", () => {
    expect(signedDb(1.23)).toBe("+1.2");
    expect(signedDb(-3.45, 2)).toBe("−3.45");
    expect(signedDb(12, 0)).toBe("+12");
  });

  it("writes a value that rounds to zero without a sign", () => {
    expect(signedDb(-0.04)).toBe("0.0");
    expect(signedDb(0.004, 2)).toBe("0.00");
  });
});
