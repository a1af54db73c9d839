/**
 * The one published moving-coil parameter set of docs/physics.md §5: the MathWorks Simscape Microspeaker
 * block defaults (Re 31.14 Ω, Le 0.14 mH, Bl 0.719 T·m, Mms 23 mg, Cms 25.12 mm/N, Rms 3e-3 N·s/m,
 * Sd 1.271 cm²), as `dynamicDriver` parameters. The dynamic-driver family is scaled from it, and the
 * tests use it wherever they need a realistic driver.
 */
export const MICROSPEAKER = {
  re: 31.14,
  le: 0.14e-3,
  bl: 0.719,
  mms: 23e-6,
  cms: 25.12e-3,
  rms: 3e-3,
  sd: 1.271e-4,
} as const;

export const MICROSPEAKER_CITATION =
  "MathWorks Simscape Microspeaker block defaults, as listed in docs/physics.md §5";
