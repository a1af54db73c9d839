// The Node entry of the Tympan library ("tympan/node"): everything src/index.ts offers, plus reading
// files and folders and rendering PNG, which need Node.
export * from "./index.js";
export * from "./io/index.js";
