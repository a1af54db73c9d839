/**
 * `tympan fit-driver`, run in-process: a synthetic driver with known figures (its |Z| and phase from
 * the free-air model with ±1 % of seeded jitter) recovered within the stated intervals, its
 * mechanical figures within their ranges given Sd and Mms, and bad input refused with exit 2.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syntheticDriverImpedance } from "../support/syntheticDriverImpedance.js";
import { tympan } from "../support/cli.js";

/**
 * An IEM-class dynamic driver (illustrative): Re 28 Ω, Le 25 µH, fs 160 Hz, Qes 1.6, Qms 2.2, a
 * 9 mm diaphragm and Mms 0.1 g; the rest by docs/physics.md §5 with ρ = 1.21 kg/m³, c = 343 m/s.
 */
const TRUTH = { reOhm: 28, leH: 25e-6, fsHz: 160, qes: 1.6, qms: 2.2, diameterMm: 9, mmsG: 0.1 };
const omega = 2 * Math.PI * TRUTH.fsHz;
const sd = (Math.PI / 4) * (TRUTH.diameterMm / 1000) ** 2;
const mms = TRUTH.mmsG / 1000;
const cms = 1 / (omega * omega * mms);
const DERIVED = {
  qts: (TRUTH.qes * TRUTH.qms) / (TRUTH.qes + TRUTH.qms),
  bl: Math.sqrt((omega * mms * TRUTH.reOhm) / TRUTH.qes),
  cmsMPerN: cms,
  rmsKgPerS: (omega * mms) / TRUTH.qms,
  vasM3: 1.21 * 343 ** 2 * sd ** 2 * cms,
};

/** The driver's |Z| (1 % jitter) and phase, 1/24 octave from 10 Hz to 20 kHz, as a .zma file. */
function syntheticZma(dir: string): string {
  const curve = syntheticDriverImpedance(TRUTH, { pointsPerOctave: 24, jitter: 0.01, seed: 7 });
  const lines = curve.frequencyHz.map(
    (f, k) => `${f.toFixed(3)}\t${curve.values[k]!.toFixed(4)}\t${curve.phaseDeg![k]!.toFixed(3)}`,
  );
  const file = join(dir, "driver.zma");
  writeFileSync(file, `; synthetic driver (test/cli/fitDriver.test.ts)\n${lines.join("\n")}\n`);
  return file;
}

const scratch = () => mkdtempSync(join(tmpdir(), "tympan-fit-driver-"));

describe("tympan fit-driver", () => {
  it("recovers a synthetic driver's Re, Le, fs, Qes, Qms and Qts within their intervals, and Bl, Cms, Rms, Vas within their ranges given Sd and Mms", async () => {
    const file = syntheticZma(scratch());
    const run = await tympan("fit-driver", file, "--diameter", "9", "--mms", "0.1", "--json");
    expect(run.code, run.err).toBe(0);
    const fit = JSON.parse(run.out);
    const f = fit.impedanceFit;
    for (const key of ["reOhm", "leH", "fsHz", "qes", "qms"] as const) {
      const [low, high] = f.intervals[key];
      expect(TRUTH[key], key).toBeGreaterThanOrEqual(low);
      expect(TRUTH[key], key).toBeLessThanOrEqual(high);
      // Golden-ish: the fit is within 3 % of the truth, its interval narrower than ±20 %.
      expect(Math.abs(f[key] / TRUTH[key] - 1), key).toBeLessThan(0.03);
      expect(high / low, key).toBeLessThan(1.2 ** 2);
    }
    expect(DERIVED.qts).toBeGreaterThanOrEqual(f.intervals.qts[0]);
    expect(DERIVED.qts).toBeLessThanOrEqual(f.intervals.qts[1]);
    expect(fit.mechanical.mmsKg.value).toBeCloseTo(mms, 12);
    for (const key of ["bl", "cmsMPerN", "rmsKgPerS", "vasM3"] as const) {
      const { value, low, high } = fit.mechanical[key];
      expect(DERIVED[key], key).toBeGreaterThanOrEqual(low);
      expect(DERIVED[key], key).toBeLessThanOrEqual(high);
      expect(Math.abs(value / DERIVED[key] - 1), key).toBeLessThan(0.05);
    }
    expect(fit.element.sd).toBeCloseTo(sd, 12);
  });

  it("prints the figures with their intervals, and says what |Z| alone cannot give", async () => {
    const file = syntheticZma(scratch());
    const alone = await tympan("fit-driver", file);
    expect(alone.code).toBe(0);
    expect(alone.out).toMatch(/^fs +1[56]\d(\.\d+)? +1[56]\d(\.\d+)? – 1[56]\d(\.\d+)? +Hz$/m);
    expect(alone.out).toMatch(/^Qts +\d/m);
    expect(alone.out).toMatch(/\|Z\| fixes only Mms·Cms .* give --sd \(or --diameter\)/);
    const withSd = await tympan("fit-driver", file, "--sd", String(sd), "--vas", "0.0057");
    expect(withSd.code).toBe(0);
    expect(withSd.out).toMatch(/With Sd = 0\.636\d* cm²/);
    expect(withSd.out).toMatch(/^Bl +1\.\d+ +1\.\d+ – 1\.\d+ +T·m$/m);
    expect(withSd.out).toMatch(/^Vas +5\.7 /m);
  });

  it("refuses broken data with exit 2 and a message naming the file: constant, no peak; warns below 1 Ω", async () => {
    const dir = scratch();
    const grid = Array.from({ length: 40 }, (_, k) => 10 * 2 ** (k / 4));
    const write = (name: string, ohms: (f: number) => number) => {
      writeFileSync(join(dir, name), grid.map((f) => `${f} ${ohms(f)}`).join("\n") + "\n");
      return join(dir, name);
    };
    const flat = await tympan(
      "fit-driver",
      write("flat.zma", () => 0.109),
    );
    expect(flat.code).toBe(2);
    expect(flat.err).toMatch(/flat\.zma.*is 0\.109 Ω at every frequency/);
    expect(flat.err).not.toMatch(/\n\s+at /);
    const rising = await tympan(
      "fit-driver",
      write("rising.zma", (f) => 8 + f / 1000),
    );
    expect(rising.code).toBe(2);
    expect(rising.err).toMatch(/rising\.zma.*no resonance peak/);
    const milliohms = await tympan(
      "fit-driver",
      write("kilo.zma", (f) => 0.028 * (1 + 2 / (1 + (2.2 * (f / 160 - 160 / f)) ** 2))),
    );
    expect(milliohms.code).toBe(0);
    expect(milliohms.err).toMatch(/kilo\.zma.*below 1 Ω at every frequency/);
  });

  it("warns when the curve is not a driver's impedance in free air (a receiver's response read as |Z|), and prints no infinite interval", async () => {
    const run = await tympan("fit-driver", "test/fixtures/receivers/CI-22955-000_fr.txt");
    expect(run.code).toBe(0);
    expect(run.err).toMatch(
      /follows it to only \d+ % RMS .* probably not a dynamic driver's impedance/,
    );
    expect(run.out).not.toMatch(/Infinity|NaN/);
  });

  it.each([
    [["--sd", "1e-5", "--diameter", "9"], /--sd and --diameter both give the diaphragm's area/],
    [["--mms", "0.1"], /--mms needs the diaphragm's area: give --sd <m²> or --diameter <mm>/],
    [["--sd", "1e-5", "--mms", "0.1", "--vas", "1"], /give one of them/],
    [["--diameter", "-3"], /--diameter -3: give a number > 0 \(mm/],
    [["--vas", "abc", "--sd", "1e-5"], /--vas abc: give a number > 0 \(litres\)/],
  ])("refuses %j with exit 2", async (flags, says) => {
    const file = syntheticZma(scratch());
    const run = await tympan("fit-driver", file, ...flags);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(says);
    expect(run.err).not.toMatch(/\n\s+at |NaN|undefined/);
  });
});
