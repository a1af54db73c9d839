import type { z } from "zod";
import type { Air } from "../core/air.js";
import type { Domain } from "../core/domain.js";

/** Fields every element definition has. */
export interface ElementBase<T extends string = string> {
  readonly id: string;
  readonly type: T;
  readonly nodes: readonly string[];
}

/** A group of terminals that belong together: they share one domain and are joined conductively. */
export interface Port {
  /** Indices into the element's `nodes`. */
  readonly terminals: readonly number[];
  /** The domain these terminals live in; "any" for couplings, which take their neighbours' domain. */
  readonly domain: Domain | "any";
  /** True when the port's potentials are referenced to ground (two-ports such as tubes). */
  readonly grounded?: boolean;
}

/**
 * How a primitive joins the network's equations (modified nodal analysis, impedance analogy). Most
 * elements only need the three `add…` forms, which the solver folds into flat arrays; `stamp` is for
 * anything else (tubes, ducts), called once per frequency.
 */
export interface StampContext {
  readonly air: Air;
  /** Unknown index of the element's terminal, or -1 for ground. */
  node(terminal: number): number;
  /** A new unknown (branch flow) owned by this element. */
  branch(): number;
  /**
   * Slot of matrix entry (row, col) for a `stamp` to add into, or -1 when row or col is ground. A
   * stamp may write only slots obtained here: the solver gathers exactly these after stamping.
   */
  entry(row: number, col: number): number;
  /** Adds a frequency-independent value to entry (row, col); ignored when either is ground. */
  addConstant(row: number, col: number, re: number, im?: number): void;
  /** Adds j·ω·coefficient to entry (row, col) at every frequency (capacitance-like terms). */
  addTimesJOmega(row: number, col: number, coefficient: number): void;
  /** Adds coefficient/(j·ω) to entry (row, col) at every frequency (inductance-like terms). */
  addOverJOmega(row: number, col: number, coefficient: number): void;
  /** Adds a frequency-independent value to the right-hand side of `row` (sources). */
  addSource(row: number, re: number): void;
}

/**
 * Adds this element's contribution at angular frequency ω (rad/s) into the matrix. Sources are
 * frequency-independent and go through `addSource`, so the right side's pattern is fixed, which
 * lets the solver order driven rows last.
 */
export type Stamp = (omega: number, matrixRe: Float64Array, matrixIm: Float64Array) => void;

export interface PrimitiveRealization {
  /** Per-frequency contribution beyond what was added through the context, if any. */
  readonly stamp?: Stamp;
  /** Branch unknown carrying the flow delivered by a source out of its first terminal. */
  readonly sourceBranch?: number;
}

/** Documentation of one parameter, used for messages, `tympan elements` and the docs. */
export interface ParameterDoc {
  readonly unit: string;
  readonly description: string;
}

interface ModelCommon<D extends ElementBase> {
  readonly type: D["type"];
  /** One line for listings. */
  readonly summary: string;
  /** Names of the terminals, in the order of `nodes`. */
  readonly terminals: readonly string[];
  readonly parameters: Readonly<Record<string, ParameterDoc>>;
  /** Strict schema: unknown parameters are errors. */
  readonly schema: z.ZodType<D>;
}

/** An element that stamps itself into the equations. */
export interface PrimitiveModel<D extends ElementBase> extends ModelCommon<D> {
  readonly kind: "primitive";
  readonly ports: readonly Port[];
  /**
   * Ideal sources, for well-posedness checks: "potential" sources (voltage, pressure) must not form
   * loops; nodes fed only through "flow" sources (current, volume velocity) have no defined potential.
   */
  readonly source?: (definition: D) => "potential" | "flow" | "none";
  realize(definition: D, context: StampContext): PrimitiveRealization;
}

/** An element made of other elements (a driver, an ear simulator); internal node names start with "#". */
export interface MacroModel<D extends ElementBase> extends ModelCommon<D> {
  readonly kind: "macro";
  /**
   * The domain each terminal must be in (a driver's plus/minus electrical, front/back acoustic).
   * The parts inside may not pin them down themselves (a transformer takes any domain), so the
   * macro says it.
   */
  readonly terminalDomains: readonly Domain[];
  expand(definition: D, air: Air): readonly ElementBase[];
  /**
   * Transducers name the part that turns electrical drive into force (their motor: a gyrator such as
   * Bl, or a transformer for electrostatic drive), by the part id's suffix after "<id>/". Its second
   * port (terminals 2 and 3) must be mechanical. Per-driver contributions replace it by a force
   * source, so each driver's share of a probe can be told apart and the shares sum to the whole.
   */
  readonly motor?: (definition: D) => string;
}

export type ElementModel<D extends ElementBase> = PrimitiveModel<D> | MacroModel<D>;

/** A primitive element of an expanded network, remembering which design element it came from. */
export interface NetworkPrimitive<D extends ElementBase = ElementBase> {
  readonly definition: D;
  readonly model: PrimitiveModel<D>;
  /** Index of the design element it came from (for error paths) and that element's id. */
  readonly originIndex: number;
  readonly originId: string;
}
