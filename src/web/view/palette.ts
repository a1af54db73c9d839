// Curve colours: Okabe & Ito's colour-blind-safe palette (Color Universal Design, 2002), then a few
// darker tones, so eight drivers or measurements stay distinguishable.
export const PALETTE = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#7a5a00",
  "#000000",
  "#8c2d04",
  "#4d4d9f",
] as const;

export function paletteColor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

/** The target's colour and dash: grey and dashed, as graph tools draw targets. */
export const TARGET_STYLE = { color: "#777777", dash: [6, 4] } as const;
