/**
 * The chart font and how wide its text is.
 *
 * Charts are laid out before any renderer sees them (legends wrap, margins fit the tick labels), so the
 * layout needs text widths without a DOM or a canvas. It uses the advance widths of Inter, the font the
 * PNG renderer (`io/png.ts`) ships and loads, so PNG layout is exact up to kerning; a browser without
 * Inter falls back to a similar sans-serif and stays close.
 *
 * The tables are Inter 4 (npm `@expo-google-fonts/inter` 0.4.2) advance widths in thousandths of an em,
 * read from `Inter_400Regular.ttf` and `Inter_600SemiBold.ttf` (2048 units per em) with opentype.js.
 */

/** The family name the SVG asks for first, and the one `io/png.ts` loads. */
export const PLOT_FONT_FAMILY = "Inter";

/** CSS `font-family` value written into the SVG: Inter, then common sans-serif fallbacks. */
export const PLOT_FONT_STACK = `${PLOT_FONT_FAMILY}, "Helvetica Neue", Arial, sans-serif`;

export type FontWeight = 400 | 600;

/** Advance widths (‰ em) of U+0020 … U+007E. */
const ASCII_REGULAR = [
  281, 288, 466, 633, 642, 982, 644, 300, 365, 365, 501, 662, 288, 460, 288, 360, 631, 407, 610,
  618, 646, 593, 620, 566, 619, 620, 288, 302, 662, 662, 662, 511, 966, 690, 654, 730, 722, 601,
  590, 746, 743, 269, 571, 672, 565, 903, 753, 765, 639, 765, 644, 642, 646, 744, 690, 985, 682,
  679, 629, 365, 360, 365, 471, 456, 323, 562, 612, 571, 612, 583, 370, 613, 591, 242, 242, 549,
  242, 876, 591, 600, 612, 612, 376, 528, 327, 591, 562, 818, 546, 562, 552, 426, 333, 426, 662,
] as const;

const ASCII_SEMIBOLD = [
  252, 321, 523, 644, 650, 1004, 663, 326, 373, 373, 540, 673, 319, 465, 319, 379, 660, 423, 623,
  636, 666, 612, 640, 576, 640, 640, 319, 329, 673, 673, 673, 543, 999, 728, 659, 737, 722, 605,
  588, 749, 746, 277, 580, 703, 565, 922, 759, 769, 645, 773, 652, 650, 660, 736, 728, 1020, 720,
  713, 652, 373, 379, 373, 481, 469, 351, 574, 624, 583, 624, 591, 389, 625, 612, 262, 262, 569,
  262, 900, 612, 609, 624, 624, 397, 549, 353, 612, 587, 839, 569, 588, 566, 455, 359, 455, 673,
] as const;

/**
 * Characters outside ASCII that chart text uses: micro sign and Greek mu, units, signs, typographic
 * quotes, thin and no-break spaces.
 */
const OTHER_CHARS = "µμΩ–—−°×·…±≤≥²³‘’“”  ";
const OTHER_REGULAR = [
  586, 586, 770, 500, 1000, 662, 456, 662, 288, 864, 662, 662, 662, 442, 446, 261, 261, 440, 440,
  182, 281,
] as const;
const OTHER_SEMIBOLD = [
  614, 614, 778, 500, 1000, 673, 458, 673, 319, 956, 673, 673, 673, 454, 463, 294, 294, 507, 501,
  166, 252,
] as const;

/** Width assumed for characters outside the tables (a wide lowercase letter, so text is not cramped). */
const FALLBACK_PER_MILLE = 650;

/** Estimated width in px of `text` set in Inter at `sizePx`, ignoring kerning. */
export function textWidthPx(text: string, sizePx: number, weight: FontWeight = 400): number {
  const ascii = weight === 600 ? ASCII_SEMIBOLD : ASCII_REGULAR;
  const other = weight === 600 ? OTHER_SEMIBOLD : OTHER_REGULAR;
  let perMille = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const width = code >= 32 && code <= 126 ? ascii[code - 32] : other[OTHER_CHARS.indexOf(char)];
    perMille += width ?? FALLBACK_PER_MILLE;
  }
  return (perMille * sizePx) / 1000;
}

/** Cuts `content` with an ellipsis so it fits `width`. */
export function truncate(content: string, width: number, sizePx: number): string {
  if (textWidthPx(content, sizePx) <= width) return content;
  const chars = [...content];
  while (chars.length > 0 && textWidthPx(`${chars.join("")}…`, sizePx) > width) chars.pop();
  return `${chars.join("")}…`;
}

/** Greedy word wrap to `width`. */
export function wrap(content: string, width: number, sizePx: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of content.split(/\s+/).filter((w) => w !== "")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && textWidthPx(candidate, sizePx) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
