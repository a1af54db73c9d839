import type { z } from "zod";
import type { MacroModel } from "../../network/elementModel.js";
import { elementSchema, nonNegative, positive, positiveInteger } from "../../network/parameters.js";
import type { ElementDefinition } from "../registry.js";
import { LARGE_SIGNAL_PARAMETERS, LARGE_SIGNAL_PARAMETER_DOCS } from "./largeSignal.js";

/**
 * Zeros j₀ₙ of the Bessel function J₀: the axisymmetric modes of a clamped circular membrane,
 * f₀ₙ = j₀ₙ/(2πa)·√(T/ρ_s) (Abramowitz & Stegun, table 9.5).
 */
export const MEMBRANE_MODE_ZEROS = [
  2.404825557695773, 5.520078110286311, 8.653727912911013,
] as const;

/** How many axisymmetric modes the model includes when `modes` is left out (all it knows). */
export const DEFAULT_PLANAR_MODES = MEMBRANE_MODE_ZEROS.length;

const planarDriverSchema = elementSchema("planarDriver", ["plus", "minus", "front", "back"], {
  re: positive("Ω"),
  le: nonNegative("H"),
  bl: positive("T·m"),
  radius: positive("m"),
  arealDensity: positive("kg/m²"),
  tension: positive("N/m"),
  rms: nonNegative("N·s/m"),
  modes: positiveInteger()
    .max(MEMBRANE_MODE_ZEROS.length, {
      error: `must be at most ${MEMBRANE_MODE_ZEROS.length}: the model knows the first ${MEMBRANE_MODE_ZEROS.length} axisymmetric membrane modes`,
    })
    .optional(),
  plateHoleDiameter: positive("m"),
  plateThickness: positive("m"),
  platePorosity: positive("").lt(1, {
    error: "must be below 1: porosity is the open fraction of the plate's area (0.3 for 30 %)",
  }),
  ...LARGE_SIGNAL_PARAMETERS,
});
export type PlanarDriver = z.infer<typeof planarDriverSchema>;

/** One axisymmetric membrane mode as a piston-equivalent branch referred to the full area πa². */
export interface MembraneMode {
  /** Mode frequency f₀ₙ in Hz (in vacuo, no air load). */
  readonly frequencyHz: number;
  /** Piston-equivalent mass (kg): (j₀ₙ²/4)·ρ_s·πa². */
  readonly mass: number;
  /** Piston-equivalent compliance (m/N): 4/(π·T·j₀ₙ⁴). */
  readonly compliance: number;
  /** Piston-equivalent damping (N·s/m): rms scaled with the mass (uniform viscous damping). */
  readonly resistance: number;
}

/**
 * The modal branches of a tensioned circular membrane of radius a, areal density ρ_s and tension T
 * (N/m), driven by a uniform force density (a conductor spread evenly over the film) and loaded by a
 * uniform pressure difference. With mode shapes W_n = J₀(j₀ₙ·r/a), modal mass M_n = ρ_s·πa²·J₁(j₀ₙ)²
 * and shape factor α_n = 2J₁(j₀ₙ)/j₀ₙ (the fraction of a uniform load a mode takes, and of the
 * area its motion sweeps), each mode seen from the mean velocity v̄ = U/(πa²) is a series branch
 *
 *   mass M_n/α_n² = (j₀ₙ²/4)·ρ_s·πa²,   compliance α_n²/(ω_n²M_n) = 4/(π·T·j₀ₙ⁴),
 *
 * all sharing the force F = Bl·i and the full area πa², their velocities adding. The fundamental's
 * mass is 1.446× the membrane's and its compliance 32/j₀₁⁴ = 95.7 % of the static one; the modes'
 * compliances sum to the exact static volume compliance πa⁴/(8T) as the series Σ 32/j₀ₙ⁴ = 1.
 * Damping `rms` is the fundamental's; higher modes get rms·M_n/M₁ (damping proportional to mass, as a
 * uniform viscous loss gives), so every mode has the same decay rate.
 */
export function membraneModes(driver: PlanarDriver): MembraneMode[] {
  const membraneMass = driver.arealDensity * Math.PI * driver.radius ** 2;
  const waveSpeed = Math.sqrt(driver.tension / driver.arealDensity);
  const count = driver.modes ?? DEFAULT_PLANAR_MODES;
  const fundamentalMass = (MEMBRANE_MODE_ZEROS[0] ** 2 / 4) * membraneMass;
  return MEMBRANE_MODE_ZEROS.slice(0, count).map((zero) => {
    const mass = ((zero * zero) / 4) * membraneMass;
    return {
      frequencyHz: (zero / (2 * Math.PI * driver.radius)) * waveSpeed,
      mass,
      compliance: 4 / (Math.PI * driver.tension * zero ** 4),
      resistance: driver.rms * (mass / fundamentalMass),
    };
  });
}

/**
 * Planar-magnetic driver (docs/physics.md §7): the electrodynamic equations of the moving-coil driver
 * with a conductor spread over a tensioned film between two perforated magnet plates,
 *
 *   V = (Re + jωLe)·i + Bl·v̄,   Bl·i = Σ_n Z_n·v̄_n + πa²·(p_f − p_b),   v̄ = Σ_n v̄_n,  U = πa²·v̄,
 *
 * Z_n the piston-equivalent branches of `membraneModes` and p_f, p_b the pressures just in front of
 * and behind the film. Le is tiny (the flat trace has little inductance) and Bl small, so the
 * impedance is nearly Re and flat. The film's air passes through a perforated plate on each side
 * (Maa's impedance, the `perforatedPlate` element, plate area πa²) to `front` and `back`.
 * Parts: `<id>/Re`, `<id>/Le`, `<id>/motor` (gyrator Bl, port 2 on `#<id>/force`), per mode
 * `<id>/M<n>`, `<id>/C<n>`, `<id>/R<n>`, `<id>/Sd` (area transformer), `<id>/frontPlate`,
 * `<id>/rearPlate`.
 * Large signal: Klippel's Bl(x), Kms(x), Le(x) (bl1…, kms1…, le1…, largeSignal.ts) in the film's
 * mean displacement x̄ = U/(πa²), the nonlinear force acting on all modes alike: Bl nearly constant
 * (the conductor stays in the plates' field), Kms(x) the film stretching (membraneLargeSignal.ts).
 */
export const planarDriver: MacroModel<PlanarDriver> = {
  kind: "macro",
  type: "planarDriver",
  summary:
    "planar-magnetic driver: flat conductor on a tensioned membrane (modes), perforated magnet plates",
  terminals: ["plus", "minus", "front", "back"],
  terminalDomains: ["electrical", "electrical", "acoustic", "acoustic"],
  parameters: {
    re: { unit: "Ω", description: "conductor (trace) DC resistance" },
    le: { unit: "H", description: "conductor inductance, tiny for a flat trace (0 for none)" },
    bl: { unit: "T·m", description: "force factor of the whole conductor" },
    radius: { unit: "m", description: "membrane radius a (7.1e-3 for a Ø14.2 mm membrane)" },
    arealDensity: { unit: "kg/m²", description: "membrane mass per area ρ_s, film and trace" },
    tension: { unit: "N/m", description: "membrane tension T (force per unit edge length)" },
    rms: { unit: "N·s/m", description: "mechanical loss of the fundamental mode (0 for none)" },
    modes: {
      unit: "",
      description: `number of axisymmetric membrane modes, 1–${MEMBRANE_MODE_ZEROS.length} (default ${DEFAULT_PLANAR_MODES})`,
    },
    plateHoleDiameter: { unit: "m", description: "hole diameter of each magnet plate" },
    plateThickness: { unit: "m", description: "thickness of each magnet plate" },
    platePorosity: { unit: "", description: "open-area fraction of each magnet plate, 0–1" },
    ...LARGE_SIGNAL_PARAMETER_DOCS,
  },
  schema: planarDriverSchema,
  motor: () => "motor",
  expand(driver) {
    const [plus, minus, front, back] = driver.nodes as [string, string, string, string];
    const id = driver.id;
    const inner = (name: string) => `#${id}/${name}`;
    const area = Math.PI * driver.radius ** 2;
    const parts: ElementDefinition[] = [];
    const coil = driver.le > 0 ? inner("coil") : inner("motor");
    parts.push({ id: `${id}/Re`, type: "resistor", nodes: [plus, coil], resistance: driver.re });
    if (driver.le > 0) {
      parts.push({
        id: `${id}/Le`,
        type: "inductor",
        nodes: [coil, inner("motor")],
        inductance: driver.le,
      });
    }
    parts.push({
      id: `${id}/motor`,
      type: "gyrator",
      nodes: [inner("motor"), minus, inner("force"), "0"],
      transduction: driver.bl,
    });
    membraneModes(driver).forEach((mode, index) => {
      const n = index + 1;
      const afterMass = inner(`mode${n}/m`);
      const afterCompliance = mode.resistance > 0 ? inner(`mode${n}/c`) : inner("piston");
      parts.push(
        { id: `${id}/M${n}`, type: "mass", nodes: [inner("force"), afterMass], mass: mode.mass },
        {
          id: `${id}/C${n}`,
          type: "compliance",
          nodes: [afterMass, afterCompliance],
          compliance: mode.compliance,
        },
      );
      if (mode.resistance > 0) {
        parts.push({
          id: `${id}/R${n}`,
          type: "mechanicalResistance",
          nodes: [afterCompliance, inner("piston")],
          resistance: mode.resistance,
        });
      }
    });
    const plate = {
      type: "perforatedPlate",
      holeDiameter: driver.plateHoleDiameter,
      thickness: driver.plateThickness,
      porosity: driver.platePorosity,
      area,
    } as const;
    parts.push(
      {
        id: `${id}/Sd`,
        type: "transformer",
        nodes: [inner("piston"), "0", inner("filmFront"), inner("filmBack")],
        ratio: 1 / area,
      },
      { id: `${id}/frontPlate`, nodes: [inner("filmFront"), front], ...plate },
      { id: `${id}/rearPlate`, nodes: [inner("filmBack"), back], ...plate },
    );
    return parts;
  },
};
