import js from "@eslint/js";
import tseslint from "typescript-eslint";
import boundaries from "eslint-plugin-boundaries";

/**
 * The library's folders, lowest first. A folder may import itself and the folders before it, never
 * one after it, so there can be no cycle between folders. Each folder's index.ts (or its first file)
 * says what it holds. The public entry src/index.ts comes next; the shells (cli, web) reach the
 * library only through it. Node file access lives in the command line's shell (src/cli/io/);
 * src/node/index.ts (the "tympan/node" entry) re-exports it with the library for scripts.
 */
export const LAYERS = [
  "core", // units, complex values, issues, frequency grids, curves, air
  "linalg", // sparse complex LU
  "network", // the element interface, parameters, stamps, topology checks
  "elements", // lumped, couplings, ducts and plates, tubes, ear loads, drivers; the registry
  "design", // the design format: schema, JSON/YAML text, validation, expansion, edits
  "simulate", // compile a design, sweep it, results, per-driver shares
  "nonlinear", // large-signal drivers: harmonic balance and the Volterra path
  "identify", // receivers identified from measured impedances in known loads
  "measurements", // measurement formats in and out
  "analysis", // smoothing, normalisation, rating, comparison of curves
  "plot", // one chart description rendered to SVG
  "eq", // biquads, PEQ fitting, device presets, exporters
  "targets", // target curves
  "source", // source matching, spec sheets, hiss, fit and seal scenarios
  "catalogue", // parts with provenance, reference designs, the guides' claims
  "optimize", // optimisers
];

const layerElements = LAYERS.map((layer) => ({
  type: layer,
  pattern: `src/${layer}`,
}));

const layerPolicies = LAYERS.map((layer, index) => ({
  from: { element: { type: layer } },
  allow: { to: { element: { types: { anyOf: LAYERS.slice(0, index + 1) } } } },
}));

export default tseslint.config(
  {
    ignores: ["dist/", "node_modules/", "tympan-report/", "coverage/", "test-results/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { typescript: { project: "./tsconfig.json" }, node: true },
      "boundaries/include": ["src/**/*"],
      "boundaries/elements": [
        ...layerElements,
        { type: "cli", pattern: "src/cli" },
        { type: "web", pattern: "src/web" },
        { type: "node-entry", pattern: "src/node" },
        // What is left at the top of src/ is the public entry (index.ts).
        { type: "entry", pattern: "src" },
      ],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          message:
            "{{from.type}} may not import {{to.type}}: imports point down the layers in eslint.config.js (a shell reaches the library only through src/index.ts)",
          policies: [
            ...layerPolicies,
            {
              from: { element: { type: "entry" } },
              allow: { to: { element: { types: { anyOf: [...LAYERS, "entry"] } } } },
            },
            {
              from: { element: { type: "node-entry" } },
              allow: { to: { element: { types: { anyOf: ["entry", "cli"] } } } },
            },
            {
              from: { element: { type: "cli" } },
              allow: { to: { element: { types: { anyOf: ["cli", "entry"] } } } },
            },
            {
              from: { element: { type: "web" } },
              allow: { to: { element: { types: { anyOf: ["web", "entry"] } } } },
            },
          ],
        },
      ],
      "boundaries/no-unknown-files": "error",
    },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/cli/**", "src/web/**", "src/node/**", "src/**/*.test.ts"],
    rules: {
      // The library is isomorphic: Node built-ins only in the shells (src/cli/io/ reads files).
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "The library core must run in the browser too." },
          ],
        },
      ],
    },
  },
);
