import { describeProvenance } from "../catalogue/parts/provenance.js";
import {
  DEFAULT_TOLERANCES,
  TRANSDUCER_SPREADS,
  type TransducerQuantity,
} from "../catalogue/stock/tolerances.js";
import type { Design } from "../design/design.js";
import { modelOf } from "../elements/registry.js";
import { findElement, parseParameterPath, pathError } from "./parameterPaths.js";

/** A tolerance asked for: `<id>.<quantity>=<amount>`, or `*=<amount>` for every default one. */
export interface ToleranceOverride {
  /** An element id, or "*" for every toleranced part. */
  readonly elementId: string;
  /** A parameter, "sensitivity" or "resonance" (transducers); "*" with elementId "*". */
  readonly quantity: string;
  /** Percent, or dB for a sensitivity. */
  readonly amount: number;
}

/** One toleranced quantity of one element, as the Monte Carlo draws it. */
export interface AppliedTolerance {
  readonly elementId: string;
  /** A parameter of the element, or "sensitivity" / "resonance" of a transducer. */
  readonly quantity: string;
  /** ± this much: percent, or dB for a sensitivity. */
  readonly amount: number;
  readonly unit: "%" | "dB";
  /** Where the figure comes from: the catalogue's provenance, or "given". */
  readonly source: string;
  /** The model parameter the draw moves and how (see TRANSDUCER_SPREADS; 1 for a parameter itself). */
  readonly parameter: string;
  readonly exponent: number;
}

/**
 * Reads `<id>.<quantity>=<amount>` (percent, "5" or "5%"; a sensitivity in dB, "1.5" or "1.5dB") or
 * `*=<amount>`. Throws a TympanError naming `flag` when the text is malformed.
 */
export function parseToleranceOverride(text: string, flag = "--tolerance"): ToleranceOverride {
  const equals = text.lastIndexOf("=");
  if (equals <= 0) {
    throw pathError(
      flag,
      `${text}: write <element id>.<parameter>=<percent>, e.g. damper.ratingCgsOhm=20, or *=0`,
    );
  }
  const target = text.slice(0, equals).trim();
  const amountText = text.slice(equals + 1).trim();
  const match = /^([0-9]*\.?[0-9]+(?:e[-+]?[0-9]+)?)\s*(%|db)?$/i.exec(amountText);
  const amount = match ? Number(match[1]) : NaN;
  if (!match || !Number.isFinite(amount)) {
    throw pathError(
      flag,
      `${text}: the amount must be a number ≥ 0, in percent (e.g. 5 or 5%) or, for a sensitivity, dB (e.g. 1.5dB)`,
      "invalid-value",
    );
  }
  const path =
    target === "*" ? { elementId: "*", parameter: "*" } : parseParameterPath(target, flag);
  const inDb = match[2]?.toLowerCase() === "db";
  if (path.parameter === "sensitivity" ? match[2] === "%" : inDb) {
    throw pathError(
      flag,
      `${text}: give a sensitivity in dB and everything else in percent`,
      "invalid-value",
    );
  }
  if (path.parameter !== "sensitivity" && amount >= 100) {
    throw pathError(
      flag,
      `${text}: a tolerance must stay below 100 % (the value would reach 0)`,
      "invalid-value",
    );
  }
  return { elementId: path.elementId, quantity: path.parameter, amount };
}

/**
 * The tolerances of `design`: the catalogue's defaults for each of its elements (DEFAULT_TOLERANCES),
 * then each override in order (a later one wins; `*=x` sets every tolerance so far to x). Zero
 * tolerances are dropped. Throws a TympanError naming `flag` for an unknown element or a quantity
 * the element does not have.
 */
export function resolveTolerances(
  design: Design,
  overrides: readonly ToleranceOverride[] = [],
  flag = "--tolerance",
): AppliedTolerance[] {
  const byKey = new Map<string, AppliedTolerance>();
  for (const element of design.elements) {
    for (const entry of DEFAULT_TOLERANCES) {
      if (entry.elementType !== element.type) continue;
      const item = applied(
        element.id,
        element.type,
        entry.quantity,
        entry.amount,
        describeProvenance(entry.source),
      );
      byKey.set(`${element.id}.${entry.quantity}`, item);
    }
  }
  for (const override of overrides) {
    if (override.elementId === "*") {
      for (const [key, item] of byKey) byKey.set(key, { ...item, amount: override.amount });
      continue;
    }
    const element = findElement(design, override.elementId, flag);
    const key = `${element.id}.${override.quantity}`;
    const spread = TRANSDUCER_SPREADS[element.type];
    const model = modelOf(element.type);
    const isSpread = spread !== undefined && Object.hasOwn(spread, override.quantity);
    const value = (element as unknown as Record<string, unknown>)[override.quantity];
    if (
      !isSpread &&
      (!Object.hasOwn(model.parameters, override.quantity) || typeof value !== "number")
    ) {
      const names = Object.keys(model.parameters).filter(
        (name) => typeof (element as unknown as Record<string, unknown>)[name] === "number",
      );
      if (spread) names.push("sensitivity", "resonance");
      throw pathError(
        flag,
        `${key}: ${element.id} (${element.type}) has no numeric parameter "${override.quantity}" to tolerance (it has ${names.join(", ")})`,
        "unknown-parameter",
      );
    }
    byKey.set(key, applied(element.id, element.type, override.quantity, override.amount, "given"));
  }
  return [...byKey.values()].filter((item) => item.amount > 0);
}

function applied(
  elementId: string,
  type: keyof typeof TRANSDUCER_SPREADS,
  quantity: string,
  amount: number,
  source: string,
): AppliedTolerance {
  const spread = TRANSDUCER_SPREADS[type]?.[quantity as TransducerQuantity];
  return {
    elementId,
    quantity,
    amount,
    unit: quantity === "sensitivity" ? "dB" : "%",
    source,
    parameter: spread?.parameter ?? quantity,
    exponent: spread?.exponent ?? 1,
  };
}

/**
 * The factor a draw u ∈ [−1, 1] multiplies the tolerance's parameter by: 1 + u·t for a parameter
 * (t the fraction), (1 + u·t)^exponent for a resonance, 10^(u·dB/20)^exponent for a sensitivity.
 */
export function toleranceFactor(item: AppliedTolerance, u: number): number {
  if (item.quantity === "sensitivity") return 10 ** ((u * item.amount * item.exponent) / 20);
  return (1 + (u * item.amount) / 100) ** item.exponent;
}
