import type { SourceModel } from "./sourceModel.js";

/*
 * Typical headphone outputs, one per class a buyer chooses between. No single public datasheet
 * describes a "class", so every figure is illustrative: chosen inside the range that published
 * bench measurements of such devices span, with the reason it is plausible beside it. They are meant
 * to show the mechanisms (noise through a sensitive IEM, voltage for a planar, a divider with a
 * rising impedance), not to rate a product; give your own source's figures with --output-impedance,
 * --noise, --max-voltage and --max-current.
 */

/** The four illustrative source presets (phone, usb-dongle, portable-dac-amp, desktop-amp). */
export const SOURCE_PRESETS = {
  phone: {
    name: "phone",
    description: "a phone's or laptop's built-in headphone jack, of the noisier kind",
    outputImpedanceOhm: 5,
    maxVoltageVrms: 0.5,
    maxCurrentArms: 0.03,
    noiseMicrovoltsA: 15,
    provenance:
      "illustrative: built-in jacks share a crowded, switching-noisy board with a small codec amplifier; " +
      "a few Ω of output impedance (protection resistors), about 0.5 V into an IEM and a noise floor of " +
      "10–30 µV(A) are the kind of figures reviewers report for the noisier ones (the quietest now reach 2–3 µV)",
  },
  "usb-dongle": {
    name: "usb-dongle",
    description: "a small USB-C DAC dongle",
    outputImpedanceOhm: 1,
    maxVoltageVrms: 1,
    maxCurrentArms: 0.05,
    noiseMicrovoltsA: 3,
    provenance:
      "illustrative: a single-chip codec with its own headphone driver away from the phone's board; " +
      "≈ 1 V rms from a 3.3–5 V rail, ≈ 1 Ω and a few µV(A) are typical of bench reviews of such dongles",
  },
  "portable-dac-amp": {
    name: "portable-dac-amp",
    description: "a battery portable DAC/amplifier",
    outputImpedanceOhm: 0.5,
    maxVoltageVrms: 2,
    maxCurrentArms: 0.2,
    noiseMicrovoltsA: 2,
    provenance:
      "illustrative: a dedicated DAC and op-amp output stage on a battery; ≈ 2 V rms (from a ±3–5 V " +
      "rail), below 1 Ω and ≈ 2 µV(A) at low gain are the figures such devices are designed and sold for",
  },
  "desktop-amp": {
    name: "desktop-amp",
    description: "a mains-powered desktop headphone amplifier at high gain",
    outputImpedanceOhm: 0.1,
    maxVoltageVrms: 8,
    maxCurrentArms: 0.5,
    noiseMicrovoltsA: 8,
    provenance:
      "illustrative: ±15 V rails give ≈ 8 V rms and output stages rated for hundreds of mA with a " +
      "near-zero output impedance (feedback); the high gain built for full-size headphones puts its " +
      "absolute noise above a portable's, the reason such amplifiers are said to hiss with sensitive IEMs",
  },
} as const satisfies Record<string, SourceModel>;

export type SourcePresetName = keyof typeof SOURCE_PRESETS;

/** The names of SOURCE_PRESETS, in the order `tympan source` compares them. */
export const SOURCE_PRESET_NAMES = Object.keys(SOURCE_PRESETS) as SourcePresetName[];

/** The preset of that name, or undefined. */
export function sourcePreset(name: string): SourceModel | undefined {
  return Object.hasOwn(SOURCE_PRESETS, name) ? SOURCE_PRESETS[name as SourcePresetName] : undefined;
}
