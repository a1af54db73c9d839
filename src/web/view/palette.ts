// Curve colours: Okabe & Ito's colour-blind-safe palette (Color Universal Design, 2002) without its
// black (the designer's total and design curve are near-black: an eighth measurement drawn black
// could not be told from them), Paul Tol's wine in its place, then a few darker tones.
export const PALETTE = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#7a5a00",
  "#882255",
  "#8c2d04",
  "#4d4d9f",
] as const;

/** The designer's total response and the designer's design in the graph: near-black, drawn widest. */
export const TOTAL_COLOR = "#111111";

export function paletteColor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

/** The target's colour and dash: grey and dashed, as graph tools draw targets. */
export const TARGET_STYLE = { color: "#777777", dash: [6, 4] } as const;
