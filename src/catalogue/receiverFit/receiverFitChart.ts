import type { ChartOptions, SeriesOptions } from "../../plot/chart.js";
import type { ReceiverFit } from "./fitReceiver.js";

/**
 * A chart of a receiver fit: the smoothed datasheet response(s) and the fit (top), the second load's
 * 5–95 % band of the fits the data allow and the envelope of equally good ones, with the best (middle), and |Z| measured and fitted (bottom).
 */
export function receiverFitChart(fit: ReceiverFit, title: string): ChartOptions {
  const { frequencyHz } = fit.curves;
  const gaps = (values: readonly (number | null)[]) => values.map((value) => value ?? Number.NaN);
  const responseSeries: SeriesOptions[] = fit.curves.responses.flatMap((response, index) => {
    const label = fit.residuals.responses[index]!.load;
    return [
      { name: `datasheet, ${label}`, xHz: frequencyHz, y: gaps(response.dataDb) },
      {
        name: `fit (${fit.residuals.responses[index]!.rmsDb.toFixed(2)} dB RMS)`,
        xHz: frequencyHz,
        y: response.fitDb,
        dash: "dashed" as const,
      },
    ];
  });
  const band = fit.secondLoad;
  const impedanceResidual = fit.residuals.impedanceRmsPercent;
  return {
    title,
    subtitle: `${fit.motorCount === 1 ? "one motor" : `${fit.motorCount} motors`}${fit.diaphragmVent ? ", diaphragm vent" : ""}, ${fit.driveVoltage} V rms`,
    xRangeHz: [20, 10_000],
    panels: [
      { yLabel: "SPL", yUnit: "dB re 20 µPa", yMinSpan: 40, series: responseSeries },
      {
        yLabel: `SPL in ${band.load}`,
        yUnit: "dB re 20 µPa",
        yMinSpan: 40,
        heightRatio: 0.8,
        series: [
          { name: "best fit", xHz: band.frequencyHz, y: band.bestDb },
          {
            name: "5 % of the fits the data allow",
            xHz: band.frequencyHz,
            y: band.lowDb,
            dash: "dashed",
          },
          { name: "95 %", xHz: band.frequencyHz, y: band.highDb, dash: "dashed" },
          {
            name: `envelope of ${band.envelope.fits} equally good fits`,
            xHz: band.frequencyHz,
            y: band.envelope.lowDb,
            dash: "dotted",
          },
          {
            name: "envelope, highest",
            xHz: band.frequencyHz,
            y: band.envelope.highDb,
            dash: "dotted",
          },
        ],
      },
      {
        yLabel: "|Z|",
        yUnit: "Ω",
        yScale: "log",
        heightRatio: 0.7,
        series: [
          { name: "datasheet", xHz: frequencyHz, y: gaps(fit.curves.impedance.dataOhm) },
          {
            name:
              impedanceResidual === undefined
                ? "fit"
                : `fit (${impedanceResidual.toFixed(1)} % RMS)`,
            xHz: frequencyHz,
            y: fit.curves.impedance.fitOhm,
            dash: "dashed",
          },
        ],
      },
    ],
  };
}
