import { expect } from "vitest";
import {
  ELEMENT_MODELS,
  type ElementType,
  type Issue,
  type SimulationResult,
  logFrequencies,
  simulate,
  validateDesign,
} from "../../src/index.js";
import { DUT_ID, SAMPLES, type Sample, type TestDesign, dutOf } from "./samples.js";

/** The conformance grid: 20 Hz–20 kHz, 200 log-spaced points. */
export const GRID: readonly number[] = Array.from(
  logFrequencies({ fromHz: 20, toHz: 20_000, points: 200 }),
);

export function sampleOf(type: ElementType): Sample<ElementType> | undefined {
  return (SAMPLES as Partial<Record<ElementType, Sample<ElementType>>>)[type];
}

/** Sources are the primitives that declare a `source` kind; everything else must be passive. */
export function isSource(type: ElementType): boolean {
  const model = ELEMENT_MODELS[type];
  return model.kind === "primitive" && "source" in model && model.source !== undefined;
}

/** The sample's test network with `change` applied to the element under test, and that element's index. */
export function networkWith(
  type: ElementType,
  change: (dut: Record<string, unknown>) => Record<string, unknown> = (dut) => dut,
): { design: TestDesign; index: number } {
  const sample = sampleOf(type)!;
  const design = sample.network(change(dutOf(type, sample.parameters as Record<string, unknown>)));
  return { design, index: design.elements.findIndex((element) => element.id === DUT_ID) };
}

export function simulateOnGrid(design: unknown): SimulationResult {
  return simulate(design, { frequencies: GRID });
}

/** Every number `simulate` returned, labelled, for finiteness checks. */
export function numbersOf(
  result: SimulationResult,
): { label: string; values: readonly number[] }[] {
  const arrays = [{ label: "frequencyHz", values: result.frequencyHz }];
  for (const [id, probe] of Object.entries(result.probes)) {
    for (const key of ["re", "im", "db", "phaseDeg"] as const) {
      arrays.push({ label: `probes.${id}.${key}`, values: probe[key] });
    }
  }
  if (result.inputImpedance) {
    arrays.push({
      label: "inputImpedance.magnitudeOhm",
      values: result.inputImpedance.magnitudeOhm,
    });
    arrays.push({ label: "inputImpedance.phaseDeg", values: result.inputImpedance.phaseDeg });
  }
  return arrays;
}

export function expectAllFinite(result: SimulationResult): void {
  const bad = numbersOf(result).flatMap(({ label, values }) =>
    values.flatMap((value, k) => (Number.isFinite(value) ? [] : [`${label}[${k}] = ${value}`])),
  );
  expect(bad, bad.slice(0, 5).join("; ")).toEqual([]);
  for (const probe of Object.values(result.probes))
    expect(probe.re).toHaveLength(result.frequencyHz.length);
}

/** The issues of a design that must fail validation (and simulation). */
export function rejectionOf(design: unknown): readonly Issue[] {
  const outcome = validateDesign(design);
  expect(outcome.ok, "validateDesign should reject the design").toBe(false);
  if (outcome.ok) return [];
  for (const issue of outcome.issues) {
    expect(typeof issue.code).toBe("string");
    expect(issue.message.length).toBeGreaterThan(0);
  }
  return outcome.issues;
}

/** Asserts an issue at exactly `path` whose message names the element under test. */
export function expectIssueAt(issues: readonly Issue[], path: readonly (string | number)[]): Issue {
  const atPath = issues.filter((issue) => JSON.stringify(issue.path) === JSON.stringify(path));
  expect(
    atPath,
    `no issue at ${JSON.stringify(path)}; got ${JSON.stringify(issues)}`,
  ).not.toHaveLength(0);
  const issue = atPath[0]!;
  expect(issue.message).toContain(`"${DUT_ID}"`);
  expect(issue.elementIds).toContain(DUT_ID);
  return issue;
}
