import { formatHz, signedDb } from "../core/format.js";
import type { SpecSheet } from "./specSheet.js";

/**
 * A spec sheet as text, as `tympan spec` prints it: sensitivity per mW and per V at 1 kHz, the
 * impedance at 1 kHz with its phase, the impedance and phase ranges, and the frequency response's
 * −10 dB points (re the 1 kHz level). A response that was not measured is said to be so, never
 * given a range. The sheet's notes are not included: they are Issues for the caller to show.
 */
export function formatSpecSheet(sheet: SpecSheet): string {
  const phase = (deg: number) => `${signedDb(deg, 0)}°`;
  const range = `${formatHz(sheet.fromHz)}–${formatHz(sheet.toHz)}`;
  const lower =
    sheet.lowerMinus10DbHz === undefined
      ? `below ${formatHz(sheet.fromHz)}`
      : formatHz(sheet.lowerMinus10DbHz);
  const upper =
    sheet.upperMinus10DbHz === undefined
      ? `above ${formatHz(sheet.toHz)}`
      : formatHz(sheet.upperMinus10DbHz);
  const lines = [
    `${sheet.name}: spec sheet`,
    `  sensitivity         ${sheet.sensitivityDbSplPerMilliwatt.toFixed(1)} dB SPL/mW, ${sheet.sensitivityDbSplPerVolt.toFixed(1)} dB SPL/V at 1 kHz`,
    `  impedance           ${sheet.impedanceAt1kHzOhm.toFixed(1)} Ω at 1 kHz${sheet.phaseKnown ? `, phase ${phase(sheet.phaseAt1kHzDeg)}` : ""}`,
    `  impedance range     ${sheet.minimumImpedanceOhm.toFixed(1)} Ω (minimum, at ${formatHz(sheet.minimumImpedanceAtHz)}) to ${sheet.maximumImpedanceOhm.toFixed(1)} Ω (maximum, at ${formatHz(sheet.maximumImpedanceAtHz)}), ${range}`,
    sheet.phaseKnown
      ? `  phase range         ${phase(sheet.phaseMinimumDeg)} (at ${formatHz(sheet.phaseMinimumAtHz)}) to ${phase(sheet.phaseMaximumDeg)} (at ${formatHz(sheet.phaseMaximumAtHz)})`
      : "  phase range         not known (the impedance file has no phase)",
    sheet.responseKnown
      ? `  frequency response  ${lower} to ${upper} (−10 dB re the 1 kHz level, at the eardrum)`
      : "  frequency response  not measured (an impedance file alone has none; give --response with a frequency-response file)",
  ];
  return `${lines.join("\n")}\n`;
}
