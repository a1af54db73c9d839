// The Node entry of the Tympan library ("tympan/node"): everything src/index.ts offers, plus the
// command line's Node adapters (reading files and folders, rendering PNG), for scripts that want them.
export * from "../index.js";
export * from "../cli/io/index.js";
