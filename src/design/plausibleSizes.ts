import type { Issue } from "../core/issues.js";
import type { ElementDefinition } from "../elements/registry.js";
import { modelOf } from "../elements/registry.js";

/**
 * Sizes an in-ear monitor can have, per kind of SI parameter, and the units a person may have typed
 * by mistake into a field that wants metres, m² or m³. A value above `max` is almost surely such a
 * slip (12 for a 12 mm tube gives a 12 m tube), so it draws a warning with each reading of the number
 * in `typedAs` that lands in [min, max]; the design still runs (a test rig may be that large).
 *
 * Why these bounds (an IEM sits in the concha and the ear canal, itself about 25 mm long and 7.5 mm
 * wide):
 * - radius ≤ 10 mm and diameter ≤ 20 mm: the widest IEM parts are drivers, ≤ Ø15 mm (a 14.2 mm
 *   planar); a 5 cm radius is a loudspeaker's.
 * - thickness or gap ≤ 5 mm: plates, films, coatings and electrode gaps are a fraction of a
 *   millimetre; thickness is often quoted in µm, so both mm and µm are offered (min 0.1 µm).
 * - any other length ≤ 0.1 m: shell, nozzle and ear canal together are about 50 mm; a 1 m tube is
 *   a measurement rig, not an earphone.
 * - area ≤ 5 cm² (5e-4 m²): a Ø25 mm disc, larger than any IEM diaphragm or damping plate.
 * - volume ≤ 10 cm³ (1e-5 m³): an IEM shell holds 1–3 cm³, the 711 ear simulator 1.3 cm³, the
 *   2 cc coupler 2 cm³; a 1 L cavity is a loudspeaker box. Volumes are quoted in mm³ and in cm³.
 * Each `min` only filters the suggestions: no reading below it is offered.
 */
interface SizeKind {
  readonly what: string;
  readonly unit: "m" | "m²" | "m³";
  readonly min: number;
  readonly max: number;
  readonly typedAs: readonly { readonly unit: string; readonly toSi: number }[];
}

const MILLIMETRE = { unit: "mm", toSi: 1e-3 };
const MICROMETRE = { unit: "µm", toSi: 1e-6 };

const RADIUS: SizeKind = {
  what: "radius",
  unit: "m",
  min: 1e-6,
  max: 10e-3,
  typedAs: [MILLIMETRE],
};
const DIAMETER: SizeKind = {
  what: "diameter",
  unit: "m",
  min: 2e-6,
  max: 20e-3,
  typedAs: [MILLIMETRE],
};
const THICKNESS: SizeKind = {
  what: "thickness or gap",
  unit: "m",
  min: 0.1e-6,
  max: 5e-3,
  typedAs: [MILLIMETRE, MICROMETRE],
};
const LENGTH: SizeKind = { what: "length", unit: "m", min: 1e-6, max: 0.1, typedAs: [MILLIMETRE] };
const AREA: SizeKind = {
  what: "area",
  unit: "m²",
  min: 1e-12,
  max: 5e-4,
  typedAs: [{ unit: "mm²", toSi: 1e-6 }],
};
const VOLUME: SizeKind = {
  what: "volume",
  unit: "m³",
  min: 1e-12,
  max: 1e-5,
  typedAs: [
    { unit: "mm³", toSi: 1e-9 },
    { unit: "cm³", toSi: 1e-6 },
  ],
};

/** The kind of size a parameter is, from its documented unit and its name; undefined if not a size. */
export function sizeKindOf(parameter: string, unit: string): SizeKind | undefined {
  if (unit === "m²") return AREA;
  if (unit === "m³") return VOLUME;
  if (unit !== "m") return undefined;
  if (/radius/i.test(parameter)) return RADIUS;
  if (/diameter/i.test(parameter)) return DIAMETER;
  if (/thickness|gap/i.test(parameter)) return THICKNESS;
  return LENGTH;
}

/** Each element type's size parameters with their kinds, worked out once per type. */
const SIZE_PARAMETERS = new Map<string, readonly (readonly [string, SizeKind])[]>();

function sizeParameters(type: ElementDefinition["type"]): readonly (readonly [string, SizeKind])[] {
  let sizes = SIZE_PARAMETERS.get(type);
  if (sizes === undefined) {
    sizes = Object.entries(modelOf(type).parameters).flatMap(([name, doc]) => {
      const kind = sizeKindOf(name, doc.unit);
      return kind === undefined ? [] : [[name, kind] as const];
    });
    SIZE_PARAMETERS.set(type, sizes);
  }
  return sizes;
}

/**
 * How far past an in-ear monitor's sizes a value may go and still be simulated (with a warning):
 * 1e12 times, beyond every unit slip the warning reads (mm³ typed as m³ is 1e9 too large). Further
 * out no rig is meant and the elements' own arithmetic overflows (a planar driver of radius 7e197 m
 * has an area of Infinity m²), so the value is an error.
 */
const ABSURD_FACTOR = 1e12;

/**
 * Warnings for lengths, radii, diameters, thicknesses, areas and volumes too large for an in-ear
 * monitor, with the likely intended value: `tube "T1": length 12 m is more than an IEM holds
 * (≤ 0.1 m); did you mean 12 mm (0.012)?`; errors for values more than ABSURD_FACTOR times too large.
 */
export function checkPlausibleSizes(elements: readonly ElementDefinition[]): Issue[] {
  const issues: Issue[] = [];
  elements.forEach((element, index) => issues.push(...plausibleSizeIssues(element, index)));
  return issues;
}

/** The implausible sizes of one element, the element at `index` of its design (see above). */
export function plausibleSizeIssues(element: ElementDefinition, index: number): Issue[] {
  const issues: Issue[] = [];
  for (const [name, kind] of sizeParameters(element.type)) {
    const value = (element as unknown as Record<string, unknown>)[name];
    if (typeof value !== "number" || !(value > kind.max)) continue;
    const readings = kind.typedAs
      .map(({ unit, toSi }) => ({ unit, si: value * toSi }))
      .filter(({ si }) => si >= kind.min && si <= kind.max)
      .map(({ unit, si }) => `${siText(value)} ${unit} (${siText(si)})`);
    const guess =
      readings.length > 0
        ? `; did you mean ${readings.join(" or ")}?`
        : `; check the value and its unit`;
    const absurd = value > kind.max * ABSURD_FACTOR;
    issues.push({
      code: "implausible-size",
      severity: absurd ? "error" : "warning",
      path: ["elements", index, name],
      elementIds: [element.id],
      message: `${element.type} "${element.id}": ${name} ${siText(value)} ${kind.unit} is more than an in-ear monitor holds (${kind.what} ≤ ${siText(kind.max)} ${kind.unit})${guess}`,
      hint: absurd
        ? `design parameters are in SI units (${kind.unit}); a value this large cannot be simulated`
        : `design parameters are in SI units (${kind.unit}); the design is simulated as written`,
    });
  }
  return issues;
}

/** A number as a person reads it: 0.012, 3.8e-5, 12 (no float noise such as 0.012000000000000002). */
function siText(value: number): string {
  const rounded = Number(value.toPrecision(10));
  const magnitude = Math.abs(rounded);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6))
    return rounded.toExponential().replace("e+", "e");
  return String(rounded);
}
