// Fits the eight Knowles receivers of test/fixtures/receivers (copied from the shared data with their
// provenance; see the README there) with `fitReceiver`'s defaults and writes what the catalogue's
// parts take from the fits to src/catalogue/parts/knowlesFits.json (read and checked by knowlesFits.ts),
// so the parts are data (not re-fitted at load time) and reproducible: `npm run build && node
// scripts/write-knowles-parts.mjs && npx prettier --write src/catalogue/parts/knowlesFits.json`.
// Given model names (`node scripts/write-knowles-parts.mjs TWFK-30017`), it refits only those and
// keeps the other records as stored: a refit moves a receiver's last digits (by ≤ 1e-5), enough to
// change designs built from it (examples/two-way-knowles.json), so a receiver is refitted when its
// own fit changes.
import console from "node:console";
import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { URL } from "node:url";
import {
  FIXTURE_INTO_711,
  RECEIVER_FIT_DEFAULTS,
  fitReceiver,
  parseMeasurement,
} from "../dist/index.js";

const FIXTURES = new URL("../test/fixtures/receivers/", import.meta.url);
/**
 * The options each receiver needs (test/fixtures/receivers/README.md: motors, diaphragm vent; the
 * TWFK-30017's tweeter is fed through a capacitor in the case: its |Z| falls below either coil's Re).
 */
const RECEIVERS = [
  ["BK-26824", {}],
  ["CI-22955", {}],
  ["ED-29689", {}],
  ["ED-30262", {}],
  ["SWFK-31736", { diaphragmVent: true }],
  ["TEC-30033", {}],
  ["TWFK-30017", { motors: 2, seriesCapacitor: true }],
  ["WBFK-30095", { diaphragmVent: true }],
];

const round = (value) => Number(value.toPrecision(6));

/** A fitted value as the parts keep it: value, 95 % interval, held or at a bound. */
const fittedParameter = (value, fitted) => ({
  value: round(value),
  ...(fitted && !fitted.held ? { low: round(fitted.low), high: round(fitted.high) } : {}),
  ...(fitted?.held ? { held: true } : {}),
  ...(fitted?.atBound ? { atBound: fitted.atBound } : {}),
});

const OUTPUT = new URL("../src/catalogue/parts/knowlesFits.json", import.meta.url);
const only = process.argv.slice(2);
const unknown = only.filter((model) => !RECEIVERS.some(([known]) => known === model));
if (unknown.length > 0) {
  console.error(
    `unknown receiver ${unknown.join(", ")}: give some of ${RECEIVERS.map(([model]) => model).join(", ")}, or none to refit all`,
  );
  process.exit(2);
}
const stored = only.length > 0 ? JSON.parse(readFileSync(OUTPUT, "utf8")).receivers : [];

const records = RECEIVERS.map(([model, options]) => {
  if (only.length > 0 && !only.includes(model))
    return stored.find((record) => record.model === `${model}-000`);
  const read = (suffix, kind) => {
    const name = `${model}-000_${suffix}.txt`;
    const text = readFileSync(new URL(name, FIXTURES), "utf8");
    return { text, curve: parseMeasurement(text, { source: name, kind }) };
  };
  const response = read("fr", "response");
  const page = Number(/page (\d+)/.exec(response.text)[1]);
  const driveVoltage = Number(/at ([\d.]+) V rms/.exec(response.text)[1]);
  const fit = fitReceiver(
    {
      responses: [{ curve: response.curve, load: FIXTURE_INTO_711 }],
      impedance: read("z", "impedance").curve,
      driveVoltage,
    },
    options,
  );
  const motors = fit.motors.map((parameters, motor) =>
    Object.fromEntries(
      Object.entries(parameters).map(([name, value]) => {
        const fitted = fit.parameters.find(
          (entry) =>
            entry.motor === motor &&
            (entry.name === name ||
              (entry.name === "netStiffness" && name === "armatureStiffness")),
        );
        return [name, fittedParameter(value, fitted)];
      }),
    ),
  );
  console.log(
    `${model}: ${fit.residuals.responses[0].rmsDb.toFixed(2)} dB, ${fit.residuals.impedanceRmsPercent.toFixed(1)} %`,
  );
  return {
    model: `${model}-000`,
    page,
    driveVoltage,
    diaphragmVent: fit.diaphragmVent,
    starts: fit.starts,
    seed: options.seed ?? RECEIVER_FIT_DEFAULTS.seed,
    responseRmsDb: round(fit.residuals.responses[0].rmsDb),
    impedanceRmsPercent: round(fit.residuals.impedanceRmsPercent),
    secondLoad: fit.secondLoad.load,
    bandWidestAbove2kHzDb: round(fit.secondLoad.widestAbove2kHzDb),
    envelopeWidestAbove2kHzDb: round(fit.secondLoad.envelope.widestAbove2kHzDb),
    fixture: { lengthM: round(fit.fixture.lengthM), radiusM: round(fit.fixture.radiusM) },
    motors,
    ...(fit.seriesCapacitance.some((value) => value !== undefined)
      ? {
          seriesCapacitors: fit.seriesCapacitance.map((value, motor) =>
            value === undefined
              ? null
              : fittedParameter(
                  value,
                  fit.parameters.find(
                    (entry) => entry.motor === motor && entry.name === "seriesCapacitance",
                  ),
                ),
          ),
        }
      : {}),
  };
});

writeFileSync(
  OUTPUT,
  `${JSON.stringify(
    {
      generatedBy:
        "scripts/write-knowles-parts.mjs from test/fixtures/receivers (do not edit by hand)",
      description:
        "The eight Knowles receivers as fitReceiver fitted them; read by knowlesFits.ts, made parts by knowlesReceivers.ts",
      receivers: records,
    },
    null,
    2,
  )}\n`,
);
console.log("src/catalogue/parts/knowlesFits.json");
