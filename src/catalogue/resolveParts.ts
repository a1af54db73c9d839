import { type Issue, TympanError } from "../core/issues.js";
import { didYouMean } from "../core/suggest.js";
import { partParameters } from "./parts/part.js";
import { PARTS, findPart } from "./parts/partsCatalogue.js";

/**
 * A design whose elements may name a catalogue part (`"part": "knowles/ED-30262"`, ids as
 * `tympan parts` lists them), with every such element replaced by the part's element: its type and
 * parameters, then the element's own keys over them (single parameters overridden, id and nodes
 * kept). Elements without "part" and everything else pass through unchanged; the input is not
 * modified. Anything that is not a design object is returned as it is, for validation to report.
 * @throws TympanError listing every unknown part (with the closest id) and every element whose
 *   "type" differs from its part's, naming the element.
 */
export function resolveParts(design: unknown, source?: string): unknown {
  if (typeof design !== "object" || design === null) return design;
  const elements = (design as { elements?: unknown }).elements;
  if (!Array.isArray(elements)) return design;
  if (!elements.some((element) => isObject(element) && "part" in element)) return design;
  const issues: Issue[] = [];
  const resolved = elements.map((element, index) => {
    if (!isObject(element) || !("part" in element)) return element;
    const { part: name, ...own } = element;
    const id = typeof own.id === "string" ? own.id : `#${index + 1}`;
    const path = ["elements", index, "part"];
    if (typeof name !== "string") {
      issues.push({
        code: "unknown-part",
        severity: "error",
        path,
        elementIds: [id],
        message: `element "${id}": "part" must be a part id such as "${PARTS[0]!.id}" (tympan parts lists them)`,
      });
      return element;
    }
    const part = findPart(name);
    if (part === undefined) {
      issues.push({
        code: "unknown-part",
        severity: "error",
        path,
        elementIds: [id],
        message: `element "${id}": no part "${name}" in the catalogue.${didYouMean(
          name,
          PARTS.map((entry) => entry.id),
        )}`,
        hint: "tympan parts lists the catalogue's part ids",
      });
      return element;
    }
    if (own.type !== undefined && own.type !== part.elementType) {
      issues.push({
        code: "invalid-type",
        severity: "error",
        path: ["elements", index, "type"],
        elementIds: [id],
        message: `element "${id}": its type "${String(own.type)}" differs from part "${name}", which is a ${part.elementType}; drop "type" or make it "${part.elementType}"`,
      });
      return element;
    }
    return { type: part.elementType, ...partParameters(part), ...own };
  });
  if (issues.length > 0) throw new TympanError(issues as [Issue, ...Issue[]], source);
  return { ...design, elements: resolved };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
