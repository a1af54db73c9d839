// The public, isomorphic API of the Tympan library: it runs in Node and in the browser. Each folder's
// index.ts lists what it makes public; file access and PNG rendering are in src/node.ts.
export * from "./core/index.js";
export * from "./elements/index.js";
export * from "./design/index.js";
export * from "./simulate/index.js";
export * from "./nonlinear/index.js";
export * from "./identify/index.js";
export * from "./measurements/index.js";
export * from "./analysis/index.js";
export * from "./plot/index.js";
export * from "./eq/index.js";
export * from "./targets/index.js";
export * from "./source/index.js";
export * from "./catalogue/index.js";
export * from "./optimize/index.js";
