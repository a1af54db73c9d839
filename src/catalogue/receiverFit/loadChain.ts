import { type Air, STANDARD_AIR } from "../../core/air.js";
import { TympanError } from "../../core/issues.js";
import {
  type KnownLoad,
  describeKnownLoad,
  knownLoadElements,
  parseKnownLoad,
} from "../../identify/knownLoads.js";
import { simulate } from "../../simulate/simulate.js";

/**
 * What a receiver's spout drives when a response is measured: a chain of series parts ending in a
 * terminal load where the pressure is read (the 711's drum, a coupler's cavity). The first part may be
 * the unknown test fixture, whose length and radius the fit finds.
 */
export type LoadSegment =
  /** The maker's unpublished test fixture (Knowles T8688): a short tube fitted with the receiver. */
  | { readonly kind: "fixture" }
  /** An acoustic damper in series, rated in cgs acoustic ohms (1500 Ω = 1.5e8 Pa·s/m³). */
  | { readonly kind: "damper"; readonly ratingCgsOhm: number }
  /** A rigid round tube in series (exact viscothermal model). */
  | { readonly kind: "tube"; readonly lengthM: number; readonly radiusM: number };

export interface LoadChain {
  readonly segments: readonly LoadSegment[];
  /** Where the chain ends and the pressure is read: a volume (read in it) or the 711 (at its drum). */
  readonly terminal: KnownLoad;
}

/** How a load chain is written on the command line, for messages and help. */
export const LOAD_CHAIN_SYNTAX =
  'parts joined by "+", ending in "711" or a volume such as "2cc": "fixture" (the maker\'s unknown test fixture, fitted; first only), "damper:<cgs Ω>", "tube:<length mm>:<radius mm>" — e.g. "fixture+711" or "damper:1500+tube:10:0.75+711"';

/** The maker's measurement set-up of the shared Knowles curves: spout → T8688 fixture → 711. */
export const FIXTURE_INTO_711: LoadChain = {
  segments: [{ kind: "fixture" }],
  terminal: { kind: "ear711" },
};

/**
 * The second load the fit's disagreement band is shown in: a 1500 Ω damper at the spout and 10 mm of
 * Ø1.5 mm tubing into a 711, the usual IEM build (docs/physics.md §6). A receiver's response there depends
 * on its acoustic source impedance, which one response through a fixture does not pin down.
 */
export const DAMPER_AND_TUBE_INTO_711: LoadChain = {
  segments: [
    { kind: "damper", ratingCgsOhm: 1500 },
    { kind: "tube", lengthM: 10e-3, radiusM: 0.75e-3 },
  ],
  terminal: { kind: "ear711" },
};

/**
 * Reads a load chain written as text (LOAD_CHAIN_SYNTAX).
 * @throws TympanError naming the part that is not understood and the accepted forms.
 */
export function parseLoadChain(text: string): LoadChain {
  const parts = text.split("+").map((part) => part.trim());
  const fail = (message: string) =>
    new TympanError([
      {
        severity: "error",
        code: "unknown-load",
        path: [],
        message: `load "${text}": ${message}; write ${LOAD_CHAIN_SYNTAX}`,
      },
    ]);
  const last = parts.pop()!;
  let terminal: KnownLoad;
  try {
    terminal = parseKnownLoad(last);
  } catch {
    throw fail(`"${last}" is not a load the chain can end in (711, 711damped or a volume)`);
  }
  if (terminal.kind === "tube") throw fail(`it must end in 711 or a volume, not in "${last}"`);
  const segments = parts.map((part, index): LoadSegment => {
    const fields = part.split(":").map((field) => field.trim());
    const numbers = fields.slice(1).map(Number);
    const valid = numbers.every((value) => Number.isFinite(value) && value > 0);
    if (fields[0] === "fixture" && fields.length === 1) {
      if (index !== 0) throw fail(`"fixture" can only be the first part (it sits on the spout)`);
      return { kind: "fixture" };
    }
    if (fields[0] === "damper" && fields.length === 2 && valid)
      return { kind: "damper", ratingCgsOhm: numbers[0]! };
    if (fields[0] === "tube" && fields.length === 3 && valid)
      return { kind: "tube", lengthM: numbers[0]! * 1e-3, radiusM: numbers[1]! * 1e-3 };
    throw fail(`"${part}" is not understood`);
  });
  return { segments, terminal };
}

/** The chain as text for summaries: "fixture + 711", "1500 Ω damper + tube 10 mm × r 0.75 mm + 711". */
export function describeLoadChain(chain: LoadChain): string {
  const parts = chain.segments.map((segment) => {
    switch (segment.kind) {
      case "fixture":
        return "fixture (fitted)";
      case "damper":
        return `${segment.ratingCgsOhm} Ω damper`;
      case "tube":
        return `tube ${Number((segment.lengthM * 1e3).toPrecision(4))} mm × r ${Number((segment.radiusM * 1e3).toPrecision(4))} mm`;
    }
  });
  return [...parts, describeKnownLoad(chain.terminal)].join(" + ");
}

/** Whether the chain starts with the fitted fixture. */
export function hasFixture(chain: LoadChain): boolean {
  return chain.segments[0]?.kind === "fixture";
}

/**
 * Design elements of the chain's known parts (everything after a fixture), from node `entrance`;
 * returns them with the node where the pressure is read. Ids start with "load".
 */
export function knownChainElements(
  chain: LoadChain,
  entrance: string,
): { elements: Record<string, unknown>[]; readAt: string } {
  const elements: Record<string, unknown>[] = [];
  let node = entrance;
  chain.segments.forEach((segment, index) => {
    if (segment.kind === "fixture") return;
    const next = `load${index + 1}`;
    elements.push(
      segment.kind === "damper"
        ? {
            id: `loadDamper${index + 1}`,
            type: "damper",
            nodes: [node, next],
            ratingCgsOhm: segment.ratingCgsOhm,
          }
        : {
            id: `loadTube${index + 1}`,
            type: "tube",
            nodes: [node, next],
            length: segment.lengthM,
            radius: segment.radiusM,
          },
    );
    node = next;
  });
  elements.push(...knownLoadElements(chain.terminal, node));
  return { elements, readAt: chain.terminal.kind === "ear711" ? "loadDrum" : node };
}

/** The known part of a chain at each frequency, as the fit needs it (split re/im arrays). */
export interface ChainResponse {
  /** Input impedance of the known part, Pa·s/m³. */
  readonly impedanceRe: Float64Array;
  readonly impedanceIm: Float64Array;
  /** Pressure where the response is read per pressure at the known part's input. */
  readonly transferRe: Float64Array;
  readonly transferIm: Float64Array;
}

/**
 * Input impedance and pressure transfer of the chain's known parts (after any fixture), simulated with
 * the engine's own elements (damper, tube, ear711, acousticVolume) so a fitted receiver and the design
 * written from it see the same physics.
 */
export function chainResponse(
  chain: LoadChain,
  frequencyHz: ArrayLike<number>,
  air: Air = STANDARD_AIR,
): ChainResponse {
  const { elements, readAt } = knownChainElements(chain, "entrance");
  const design = {
    tympan: 1,
    elements: [
      { id: "drive", type: "volumeVelocitySource", nodes: ["entrance", "0"], volumeVelocity: 1 },
      ...elements,
    ],
    probes: [
      { id: "entrance", node: "entrance" },
      ...(readAt === "entrance" ? [] : [{ id: "end", node: readAt }]),
    ],
  };
  const result = simulate(design, { frequencies: frequencyHz, air });
  const entrance = result.probes.entrance!;
  const end = result.probes.end ?? entrance;
  const count = entrance.re.length;
  const response: ChainResponse = {
    impedanceRe: Float64Array.from(entrance.re),
    impedanceIm: Float64Array.from(entrance.im),
    transferRe: new Float64Array(count),
    transferIm: new Float64Array(count),
  };
  for (let k = 0; k < count; k++) {
    const [inRe, inIm, outRe, outIm] = [entrance.re[k]!, entrance.im[k]!, end.re[k]!, end.im[k]!];
    const norm = inRe * inRe + inIm * inIm;
    response.transferRe[k] = (outRe * inRe + outIm * inIm) / norm;
    response.transferIm[k] = (outIm * inRe - outRe * inIm) / norm;
  }
  return response;
}
