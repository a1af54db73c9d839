import type { Design } from "../../design/design.js";

/** A built-in reference design: one of the configurations the field argues about, tuned to ship. */
export interface ReferenceDesign {
  /** The name to use on the command line, e.g. "single-dd". */
  readonly name: string;
  /** One line for `tympan designs`. */
  readonly summary: string;
  readonly design: Design;
}
