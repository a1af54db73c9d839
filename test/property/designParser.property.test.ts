import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TympanError, simulate, trySimulate, validateDesign } from "../../src/index.js";
import { parseDesignText } from "../../src/design/designText.js";
import { anyInput, designText, mutatedDesign } from "./arbitraries.js";
import { rcRlNetwork } from "./networks.js";
import { propertyRuns } from "./setup.js";

/*
 * Whatever it is given, the design parser answers with data (a result or a list of issues) or a
 * TympanError, never a crash (issue 2, "Proof"). Each property runs 200 times in `npm test`
 * (TYMPAN_PROPERTY_RUNS times under `npm run fuzz`).
 */

const RUNS = { numRuns: propertyRuns(200) } as const;
const FEW_RUNS = { numRuns: Math.ceil(propertyRuns(200) / 2) } as const;

/** Every issue carries a string code, an array path of strings and numbers, and a message. */
function expectWellFormedIssues(issues: readonly unknown[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues as { code: unknown; path: unknown; message: unknown }[]) {
    expect(typeof issue.code).toBe("string");
    expect(Array.isArray(issue.path)).toBe(true);
    for (const part of issue.path as unknown[]) expect(["string", "number"]).toContain(typeof part);
    expect(typeof issue.message).toBe("string");
    expect((issue.message as string).trim()).not.toBe("");
  }
}

/** Runs `action`; an error other than a TympanError fails the property (known bugs aside). */
function onlyTympanErrors<T>(action: () => T): T | TympanError | undefined {
  try {
    return action();
  } catch (error) {
    if (error instanceof TympanError) {
      expectWellFormedIssues(error.issues);
      return error;
    }
    throw error;
  }
}

describe("validateDesign(anything)", () => {
  it("never throws: it returns a design or a non-empty list of well-formed issues", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const outcome = onlyTympanErrors(() => validateDesign(input));
        if (outcome === undefined) return;
        expect(outcome).not.toBeInstanceOf(TympanError);
        if (outcome instanceof TympanError) return;
        if (outcome.ok) expect(Array.isArray(outcome.value.elements)).toBe(true);
        else expectWellFormedIssues(outcome.issues);
      }),
      RUNS,
    );
  });

  it("rejects most mutations of a valid design, and accepts only ones it can simulate", () => {
    let rejected = 0;
    fc.assert(
      fc.property(mutatedDesign, (input) => {
        const outcome = onlyTympanErrors(() => validateDesign(input));
        if (outcome === undefined || outcome instanceof TympanError) return;
        if (!outcome.ok) rejected++;
        else onlyTympanErrors(() => simulate(outcome.value, { frequencies: [100, 1000] }));
      }),
      RUNS,
    );
    // The mutations are meant to break designs; if nearly none are rejected the generator is broken.
    expect(rejected).toBeGreaterThan(RUNS.numRuns / 4);
  });
});

describe("trySimulate(anything) and simulate(anything)", () => {
  it("trySimulate never throws, and simulate throws only a TympanError", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const options = { frequencies: [100, 1000] };
        const tried = onlyTympanErrors(() => trySimulate(input, options));
        expect(tried).not.toBeInstanceOf(TympanError);
        const simulated = onlyTympanErrors(() => simulate(input, options));
        if (tried === undefined || tried instanceof TympanError || simulated === undefined) return;
        if (tried.ok) {
          expect(simulated).toEqual(tried.value);
        } else {
          expectWellFormedIssues(tried.issues);
          expect(simulated).toBeInstanceOf(TympanError);
          expect((simulated as TympanError).issues).toEqual(tried.issues);
        }
      }),
      RUNS,
    );
  });

  it("trySimulate never throws on bad frequency lists either", () => {
    const frequencies = fc.oneof(
      fc.array(fc.double(), { maxLength: 4 }),
      fc.constantFrom([], [0], [-1], [Number.NaN], [Infinity], [1e-300], [1e300]),
    );
    fc.assert(
      fc.property(mutatedDesign, frequencies, (input, list) => {
        const tried = onlyTympanErrors(() => trySimulate(input, { frequencies: list }));
        expect(tried).not.toBeInstanceOf(TympanError);
      }),
      FEW_RUNS,
    );
  });
});

describe("parseDesignText(text)", () => {
  it.each(["json", "yaml"] as const)(
    "returns or throws a TympanError for any %s text",
    (format) => {
      fc.assert(
        fc.property(designText, (text) => {
          const parsed = onlyTympanErrors(() => parseDesignText(text, format, "fuzz"));
          if (parsed instanceof TympanError) {
            expect(parsed.issues[0].code).toBe("syntax-error");
            expect(parsed.source).toBe("fuzz");
          }
        }),
        RUNS,
      );
    },
  );

  it.each(["json", "yaml"] as const)(
    "feeds validateDesign only values it can judge (%s)",
    (format) => {
      fc.assert(
        fc.property(designText, (text) => {
          const parsed = onlyTympanErrors(() => parseDesignText(text, format));
          if (parsed === undefined || parsed instanceof TympanError) return;
          const outcome = onlyTympanErrors(() => validateDesign(parsed));
          expect(outcome).not.toBeInstanceOf(TympanError);
        }),
        RUNS,
      );
    },
  );
});

describe("random valid RC and RL networks", () => {
  it("simulate to finite numbers, and the source sees a passive load", () => {
    fc.assert(
      fc.property(rcRlNetwork, ({ design, frequencies }) => {
        const validated = validateDesign(design);
        expect(validated.ok ? [] : validated.issues).toEqual([]);
        const result = simulate(design, { frequencies });
        for (const probe of Object.values(result.probes)) {
          for (const array of [probe.re, probe.im, probe.db, probe.phaseDeg]) {
            expect(array.every(Number.isFinite), JSON.stringify(array)).toBe(true);
          }
        }
        const impedance = result.inputImpedance;
        if (impedance) {
          expect(impedance.magnitudeOhm.every(Number.isFinite)).toBe(true);
          // A network of resistors with capacitors or inductors absorbs power: |phase| ≤ 90° (to
          // rounding: a nearly lossless load sits at 90° ± a few 1e-9°).
          for (const phase of impedance.phaseDeg)
            expect(Math.abs(phase)).toBeLessThanOrEqual(90 + 1e-6);
        }
      }),
      RUNS,
    );
  });
});
