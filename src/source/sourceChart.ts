import type { ChartOptions } from "../plot/chart.js";
import { THRESHOLD_AT_711_DRUM } from "./hearingThreshold.js";
import type { SourceLoad } from "./sourceLoad.js";
import type { SourceMatch } from "./sourceMatch.js";

/**
 * The chart `tympan source --plot` draws, in two panels: the response change each source's output
 * impedance causes (dB), and each source's hiss at the drum in one-third-octave bands (dB SPL)
 * against the threshold of hearing at the 711's drum (dashed).
 */
export function sourceChart(load: SourceLoad, matches: readonly SourceMatch[]): ChartOptions {
  return {
    title: `${load.name}: what the source does`,
    subtitle: matches.map((m) => m.source.name).join(", "),
    panels: [
      {
        yLabel: "Response change from output impedance",
        yUnit: "dB",
        yMinSpan: 2,
        series: matches.map(({ source, damping }) => ({
          name: `${source.name} (${source.outputImpedanceOhm} Ω)`,
          xHz: damping.frequencyHz,
          y: damping.changeDb,
        })),
      },
      {
        yLabel: "Hiss at the eardrum, 1/3-octave bands",
        yUnit: "dB SPL",
        yMinSpan: 30,
        series: [
          ...matches.map(({ source, hiss }) => ({
            name: `${source.name} hiss (${source.noiseMicrovoltsA} µV(A))`,
            xHz: hiss.bands.map((band) => band.nominalHz),
            y: hiss.bands.map((band) => band.levelDbSpl),
          })),
          {
            name: "threshold of hearing (ISO 389-2, 711 drum)",
            xHz: THRESHOLD_AT_711_DRUM.map((row) => row.hz),
            y: THRESHOLD_AT_711_DRUM.map((row) => row.db),
            dash: "dashed" as const,
            color: "#444444",
          },
        ],
      },
    ],
    notes: [
      "Noise assumed white over 20 Hz–20 kHz. Threshold: ISO 389-2 / ANSI S3.6 insert-earphone RETSPL in the IEC 60318-4 simulator (monaural medians).",
    ],
  };
}
