// The designer's fast path: the design is compiled once (the library's compileDesign) and each edit
// that only changes parameter values is evaluated on that compiled design, which is what makes a
// redraw fit in a frame. A change of structure (elements, nodes, a fit scenario) compiles afresh.
// The worker's only state; the page keeps no copy of it.
import {
  type CompiledDesign,
  type Design,
  type SimulationResult,
  compileDesign,
} from "../../index.js";
import { parameterEdits } from "../state/designEdits.js";

let session: { compiled: CompiledDesign; pointCount: number; design: unknown } | undefined;

/** What `simulate(design, { frequencies })` gives, through the compiled design when it can. */
export function evaluateDesign(design: unknown, frequencies: ArrayLike<number>): SimulationResult {
  const edits = reusableEdits(design, frequencies.length);
  try {
    if (session !== undefined && edits !== undefined) {
      const result = session.compiled.evaluate(
        edits.map(({ elementId, parameter, value }) => ({ elementId, parameter, value })),
      );
      session.design = design;
      return result;
    }
    const compiled = compileDesign(design, { frequencies });
    const result = compiled.evaluate();
    session = { compiled, pointCount: frequencies.length, design };
    return result;
  } catch (error) {
    // A rejected value may leave the compiled design half-edited: start afresh next time.
    session = undefined;
    throw error;
  }
}

/** The parameter changes from the session's design to `design`, or undefined when it must compile. */
function reusableEdits(design: unknown, pointCount: number) {
  if (session === undefined || session.pointCount !== pointCount || !hasElements(design)) {
    return undefined;
  }
  // No validation here: the compiled design checks each changed value against its element's schema.
  return parameterEdits(session.design as Design, design as Design);
}

function hasElements(design: unknown): boolean {
  return (
    typeof design === "object" &&
    design !== null &&
    Array.isArray((design as { elements?: unknown }).elements)
  );
}
