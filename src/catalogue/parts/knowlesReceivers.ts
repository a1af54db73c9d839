import { KNOWLES_FITS } from "./knowlesFits.js";
import type { FittedParameter, KnowlesFitRecord } from "./knowlesFitRecord.js";
import type { Part } from "./part.js";
import type { Sourced } from "./provenance.js";

/*
 * Real balanced-armature receivers: the eight Knowles receivers of the team's shared data, fitted by
 * fitReceiver to their maker's 711 response (through the unpublished T8688 fixture, fitted as a short
 * tube) and |Z|, and stored as data by scripts/write-knowles-parts.mjs (knowlesFits.json, read and
 * checked by knowlesFits.ts).
 * Every number says it was fitted, with the fit's residual, 95 % interval and any bound it ended on.
 * What the fit cannot identify is held at a plausible gauge value and says so (diaphragm area, rear
 * volume, spout radius): only the combinations with the fitted numbers are measured. One datasheet
 * load does not pin a receiver's acoustic source impedance down: in a damper-and-tube load the fits
 * the data allow spread over the band stated in each description.
 */

/** The application note the curves come from (shared data README; test/fixtures/receivers). */
export const KNOWLES_NOTE =
  'Knowles application note "Balanced armature receivers — 711 response and impedance", Rev 1.2 ' +
  "(M. Arnoldus, 2012/2013)";

/**
 * The role each receiver plays, read off its maker's 711 curve (test/fixtures/receivers, levels
 * averaged over 900–1100 Hz, 7–9 kHz and 200–300 Hz): a woofer falls 15 dB or more from 1 kHz to
 * 8 kHz (BK −20, CI −24, TEC −17 dB), a tweeter is louder at 8 kHz than at 250 Hz (SWFK +4, WBFK
 * +4 dB), the rest are full-range (ED-29689 −6, ED-30262 −10.5 dB). A two-motor case gives one part
 * per motor.
 */
const ROLES: Readonly<Record<string, readonly string[]>> = {
  "BK-26824-000": ["woofer"],
  "CI-22955-000": ["woofer"],
  "ED-29689-000": ["full-range"],
  "ED-30262-000": ["full-range"],
  "SWFK-31736-000": ["tweeter"],
  "TEC-30033-000": ["woofer"],
  "TWFK-30017-000": ["woofer", "tweeter"],
  "WBFK-30095-000": ["tweeter"],
};

/** The part id of a receiver (and motor): "knowles/ED-30262", "knowles/TWFK-30017/tweeter". */
function partId(record: KnowlesFitRecord, motor: number): string {
  const base = `knowles/${record.model.replace(/-000$/, "")}`;
  return record.motors.length === 1 ? base : `${base}/${ROLES[record.model]![motor]}`;
}

function sourced(record: KnowlesFitRecord, fitted: FittedParameter): Sourced {
  if (fitted.held) {
    return {
      value: fitted.value,
      source: {
        kind: "illustrative",
        note: "held by the fit at a plausible value for the class: the datasheet cannot tell it from the fitted numbers it trades with (fitReceiver's gauges)",
      },
    };
  }
  return {
    value: fitted.value,
    source: {
      kind: "datasheet",
      citation: `${KNOWLES_NOTE}, page ${record.page}: ${record.model} 711 response at ${record.driveVoltage} V rms and |Z|, fitted by tympan fit-receiver (${record.starts} starts, seed ${record.seed}) through an unknown fixture (Knowles T8688, fitted as a ${(record.fixture.lengthM * 1e3).toFixed(2)} mm × r ${(record.fixture.radiusM * 1e3).toFixed(2)} mm tube)`,
      fitResidualDb: record.responseRmsDb,
      band: `response 100 Hz–10 kHz; |Z| ${record.impedanceRmsPercent.toFixed(1)} % RMS 20 Hz–10 kHz`,
      ...(fitted.low !== undefined && fitted.high !== undefined
        ? { interval95: [fitted.low, fitted.high] as const }
        : {}),
      ...(fitted.atBound ? { atBound: fitted.atBound } : {}),
    },
  };
}

function knowlesPart(record: KnowlesFitRecord, motor: number): Part {
  const role = ROLES[record.model]![motor]!;
  const twoMotors = record.motors.length > 1;
  const parameters = Object.fromEntries(
    Object.entries(record.motors[motor]!).map(([name, fitted]) => [name, sourced(record, fitted)]),
  );
  const atBound = Object.entries(record.motors[motor]!)
    .filter(([, fitted]) => fitted.atBound)
    .map(([name, fitted]) => `${name} (${fitted.atBound})`);
  return {
    id: partId(record, motor),
    name: `Knowles ${record.model}${twoMotors ? ` ${role} motor` : ""} (fitted to its datasheet)`,
    partClass: "balanced armature",
    role,
    description:
      `${record.model}${twoMotors ? `, the ${role} motor of a two-motor case (the other motor is ${partId(record, 1 - motor)}; in the case they are wired in parallel and share a spout)` : ""}` +
      `${record.diaphragmVent ? ", with a front–rear diaphragm vent" : ""}` +
      capacitorNote(record, motor) +
      `. Fitted to ${KNOWLES_NOTE}, page ${record.page}, ` +
      `at ${record.driveVoltage} V rms through an unknown fixture: residual ${record.responseRmsDb.toFixed(2)} dB RMS ` +
      `(100 Hz–10 kHz) and |Z| ${record.impedanceRmsPercent.toFixed(1)} % RMS. In ${record.secondLoad} the fits the ` +
      `data allow spread over a 5–95 % band up to ${record.bandWidestAbove2kHzDb.toFixed(1)} dB wide above 2 kHz ` +
      `(envelope ${record.envelopeWidestAbove2kHzDb.toFixed(1)} dB): the datasheet does not pin its source impedance down.` +
      (atBound.length > 0
        ? ` Ended at a bound (a limit, not a measurement): ${atBound.join(", ")}.`
        : ""),
    elementType: "balancedArmature",
    parameters,
  };
}

/**
 * What a motor fed through a capacitor in its case needs in a design: the part is the motor (a
 * balancedArmature element); the capacitor is a capacitor element in front of it.
 */
function capacitorNote(record: KnowlesFitRecord, motor: number): string {
  const capacitor = record.seriesCapacitors?.[motor];
  if (!capacitor) return "";
  const micro = (farad: number) => Number((farad * 1e6).toPrecision(3));
  const interval =
    capacitor.low !== undefined && capacitor.high !== undefined
      ? ` (95 % ${micro(capacitor.low)}–${micro(capacitor.high)} µF)`
      : "";
  return (
    `, fed through a ${micro(capacitor.value)} µF capacitor inside the case${interval}, fitted with it: ` +
    `put a capacitor element of that value in front of this part in a design`
  );
}

/** The eight Knowles receivers as parts (a two-motor case as one part per motor). */
export const KNOWLES_RECEIVERS: readonly Part[] = KNOWLES_FITS.flatMap((record) =>
  record.motors.map((_, motor) => knowlesPart(record, motor)),
);
