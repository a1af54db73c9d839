/**
 * What common EQ apps and devices let a user set, as data: the filter slots an EQ fit may fill.
 *
 * Source of every number, unless a preset says otherwise: the per-device configurations of AutoEq
 * (J. Pasanen, github.com/jaakkopasanen/AutoEq, autoeq/constants.py, PEQ_CONFIGS), the community
 * reference, which records each app's or device's limits — the number of filters, the shelves'
 * fixed corners (105 Hz and 10 kHz, Q 0.7: AutoEq's choice for every device that has shelves), fc, Q
 * and gain ranges, and fixed bands. Those are a secondary source (AutoEq's reading of the apps), not
 * the manufacturers' documents; a preset whose number comes from elsewhere says so. Every preset
 * keeps AutoEq's +6 dB maximum boost (DEFAULT_MAX_GAIN), a choice of headroom, not a device limit.
 */
import {
  AUTOEQ_MAX_BOOST_DB,
  AUTOEQ_PEAKING_LIMITS,
  type EqConstraints,
  type FilterSlot,
  fixedSlot,
  parametricConstraints,
  peakingSlot,
} from "./eqConstraints.js";

export interface DevicePreset {
  /** The name on the command line, e.g. "qudelix-5k". */
  readonly id: string;
  readonly name: string;
  /** Where the numbers come from. */
  readonly source: string;
  readonly constraints: EqConstraints;
  /** Whether `--filters N` may change the number of filters (free parametric EQs only). */
  readonly variableFilterCount: boolean;
}

const AUTOEQ_SOURCE = "AutoEq autoeq/constants.py PEQ_CONFIGS";

/** Two shelves (105 Hz, 10 kHz, Q 0.7) and `peaking` free peaking filters within the given limits. */
function shelvesAndPeaking(
  peaking: number,
  limits: { fcHz: { min: number; max: number }; q: { min: number; max: number } },
  gainDb: { min: number; max: number },
): EqConstraints {
  const slots: FilterSlot[] = [
    fixedSlot("low-shelf", 105, 0.7, gainDb),
    fixedSlot("high-shelf", 10_000, 0.7, gainDb),
    ...Array.from({ length: peaking }, () => peakingSlot({ ...limits, gainDb })),
  ];
  return { slots, maxBoostDb: AUTOEQ_MAX_BOOST_DB };
}

function fixedBands(
  bands: readonly { fcHz: number; q: number }[],
  gainDb: { min: number; max: number },
): EqConstraints {
  return {
    slots: bands.map(({ fcHz, q }) => fixedSlot("peaking", fcHz, q, gainDb)),
    maxBoostDb: AUTOEQ_MAX_BOOST_DB,
  };
}

const GAIN_12 = { min: -12, max: 12 };

/**
 * The EQ devices and apps a preset can be fitted for: each one's number of filters, filter types,
 * fixed bands and gain, Q and frequency ranges, as AutoEq records them (sources beside each entry).
 */
export const DEVICE_PRESETS: readonly DevicePreset[] = [
  {
    id: "parametric",
    name: "Parametric EQ (EqualizerAPO, Peace, Wavelet …): AutoEq's default",
    source: `${AUTOEQ_SOURCE} 8_PEAKING_WITH_SHELVES and the DEFAULT_PEAKING_FILTER_* limits (fc 20 Hz–10 kHz, Q 0.18248–6, ±20 dB)`,
    constraints: parametricConstraints(10),
    variableFilterCount: true,
  },
  {
    id: "graphic-10",
    name: "10-band graphic EQ (31.25 Hz … 16 kHz, octave bands)",
    source: `${AUTOEQ_SOURCE} 10_BAND_GRAPHIC_EQ: fc 31.25·2^i Hz, Q √2, ±12 dB`,
    constraints: fixedBands(
      Array.from({ length: 10 }, (_, i) => ({ fcHz: 31.25 * 2 ** i, q: Math.SQRT2 })),
      GAIN_12,
    ),
    variableFilterCount: false,
  },
  {
    id: "graphic-31",
    name: "31-band graphic EQ (20 Hz … 20 kHz, third-octave bands)",
    source: `${AUTOEQ_SOURCE} 31_BAND_GRAPHIC_EQ: fc 20·2^(i/3) Hz, Q 4.318473 (a third-octave bandwidth), ±12 dB`,
    constraints: fixedBands(
      Array.from({ length: 31 }, (_, i) => ({ fcHz: 20 * 2 ** (i / 3), q: 4.318473 })),
      GAIN_12,
    ),
    variableFilterCount: false,
  },
  {
    id: "qudelix-5k",
    name: "Qudelix 5K",
    source: `${AUTOEQ_SOURCE} QUDELIX_5K: shelves + 8 peaking, fc 20 Hz–10 kHz, Q 0.1–7, ±12 dB`,
    constraints: shelvesAndPeaking(
      8,
      { fcHz: { min: 20, max: 10_000 }, q: { min: 0.1, max: 7 } },
      GAIN_12,
    ),
    variableFilterCount: false,
  },
  {
    id: "poweramp",
    name: "Poweramp equalizer (Android)",
    source: `${AUTOEQ_SOURCE} POWERAMP_EQUALIZER: shelves + 8 peaking, fc 20 Hz–10 kHz, Q 0.1–12, ±15 dB`,
    constraints: shelvesAndPeaking(
      8,
      { fcHz: { min: 20, max: 10_000 }, q: { min: 0.1, max: 12 } },
      { min: -15, max: 15 },
    ),
    variableFilterCount: false,
  },
  {
    id: "spotify",
    name: "Spotify (6 fixed bands)",
    source: `${AUTOEQ_SOURCE} SPOTIFY: peaking at 60, 150, 400, 1000, 2400 and 15000 Hz, Q 1; gain range: AutoEq's peaking default ±20 dB (AutoEq gives none for Spotify; illustrative, the app's own sliders may be narrower)`,
    constraints: fixedBands(
      [60, 150, 400, 1000, 2400, 15_000].map((fcHz) => ({ fcHz, q: 1 })),
      AUTOEQ_PEAKING_LIMITS.gainDb,
    ),
    variableFilterCount: false,
  },
  {
    id: "minidsp-2x4hd",
    name: "miniDSP 2x4 HD",
    source: `${AUTOEQ_SOURCE} MINIDSP_2X4HD: shelves + 8 peaking, fc 20 Hz–10 kHz, Q 0.5–6, ±16 dB`,
    constraints: shelvesAndPeaking(
      8,
      { fcHz: { min: 20, max: 10_000 }, q: { min: 0.5, max: 6 } },
      { min: -16, max: 16 },
    ),
    variableFilterCount: false,
  },
  {
    id: "moondrop-free-dsp",
    name: "Moondrop Free DSP",
    source: `${AUTOEQ_SOURCE} MOONDROP_FREE_DSP: 9 peaking, fc 40 Hz–10 kHz, Q 0.5–6, −12 to +3 dB`,
    constraints: {
      slots: Array.from({ length: 9 }, () =>
        peakingSlot({
          fcHz: { min: 40, max: 10_000 },
          q: { min: 0.5, max: 6 },
          gainDb: { min: -12, max: 3 },
        }),
      ),
      maxBoostDb: AUTOEQ_MAX_BOOST_DB,
    },
    variableFilterCount: false,
  },
  {
    id: "neutron",
    name: "Neutron Music Player",
    source: `${AUTOEQ_SOURCE} NEUTRON_MUSIC_PLAYER: shelves + 8 peaking, fc 20 Hz–10 kHz, Q 0.1–5, ±12 dB`,
    constraints: shelvesAndPeaking(
      8,
      { fcHz: { min: 20, max: 10_000 }, q: { min: 0.1, max: 5 } },
      GAIN_12,
    ),
    variableFilterCount: false,
  },
];

/** The device preset with that id (see DEVICE_PRESETS), or undefined. */
export function devicePreset(id: string): DevicePreset | undefined {
  return DEVICE_PRESETS.find((preset) => preset.id === id);
}
