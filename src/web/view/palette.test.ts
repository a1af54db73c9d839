import { describe, expect, it } from "vitest";
import { PALETTE, TARGET_STYLE, TOTAL_COLOR } from "./palette.js";

/** Distance between two "#rrggbb" colours in RGB, 0–441. */
function distance(a: string, b: string): number {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [x, y] = [rgb(a), rgb(b)];
  return Math.hypot(...x.map((value, i) => value - y[i]!));
}

describe("the curve palette", () => {
  it("no curve colour can be mistaken for the total/design curve or the target", () => {
    for (const color of PALETTE) {
      expect(distance(color, TOTAL_COLOR), color).toBeGreaterThan(60);
      expect(distance(color, TARGET_STYLE.color), color).toBeGreaterThan(60);
    }
    expect(new Set(PALETTE).size).toBe(PALETTE.length);
  });
});
