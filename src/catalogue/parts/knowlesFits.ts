import { z } from "zod";
import type { KnowlesFitRecord } from "./knowlesFitRecord.js";
import KNOWLES_FITS_JSON from "./knowlesFits.json" with { type: "json" };

/*
 * The eight Knowles receivers as fitReceiver fitted them, kept as data in knowlesFits.json (written
 * by scripts/write-knowles-parts.mjs from test/fixtures/receivers, with their provenance there) and
 * checked here on load: a hand edit or a generator change that breaks the shape fails at import,
 * naming the field, instead of turning into NaN parameters of a part. JSON keeps the numbers out of
 * the source (the TypeScript literal was 830 lines) and is bundled by Vite like any import.
 */

const positiveFinite = z.number().finite().positive();

const fittedParameter = z
  .object({
    value: z.number().finite(),
    low: z.number().finite().optional(),
    high: z.number().finite().optional(),
    held: z.literal(true).optional(),
    atBound: z.enum(["lower", "upper"]).optional(),
  })
  .strict()
  .refine((entry) => (entry.low === undefined) === (entry.high === undefined), {
    message: "low and high come together (the 95 % interval)",
  })
  .refine((entry) => entry.low === undefined || entry.low <= entry.high!, {
    message: "low must not exceed high",
  });

const fitRecord = z
  .object({
    model: z.string().regex(/^[A-Z]+-\d+-\d{3}$/, "a Knowles model number, e.g. ED-30262-000"),
    page: z.number().int().positive(),
    driveVoltage: positiveFinite,
    diaphragmVent: z.boolean(),
    starts: z.number().int().positive(),
    seed: z.number().int(),
    responseRmsDb: z.number().finite().nonnegative(),
    impedanceRmsPercent: z.number().finite().nonnegative(),
    secondLoad: z.string().min(1),
    bandWidestAbove2kHzDb: z.number().finite().nonnegative(),
    envelopeWidestAbove2kHzDb: z.number().finite().nonnegative(),
    fixture: z.object({ lengthM: positiveFinite, radiusM: positiveFinite }).strict(),
    motors: z.array(z.record(z.string(), fittedParameter)).min(1).max(2),
    seriesCapacitors: z.array(fittedParameter.nullable()).min(1).max(2).optional(),
  })
  .strict();

const fitsFile = z
  .object({
    generatedBy: z.string(),
    description: z.string(),
    receivers: z.array(fitRecord).min(1),
  })
  .strict();

/**
 * Reads and checks the stored fits (the shape of knowlesFits.json). Throws an Error naming the file
 * and the first offending field when the data does not have the shape of {@link KnowlesFitRecord}.
 */
export function readKnowlesFits(data: unknown): readonly KnowlesFitRecord[] {
  const parsed = fitsFile.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(
      `src/catalogue/parts/knowlesFits.json: ${first.path.join(".") || "(root)"}: ${first.message}; ` +
        "regenerate it with scripts/write-knowles-parts.mjs",
    );
  }
  return parsed.data.receivers;
}

/** The eight Knowles receivers as fitReceiver fitted them (see knowlesReceivers.ts for the parts). */
export const KNOWLES_FITS: readonly KnowlesFitRecord[] = readKnowlesFits(KNOWLES_FITS_JSON);
