// Writes every built-in reference design to examples/<name>.json (run after `npm run build`).
// test/examples.test.ts checks that the files and the built-in designs stay the same.
import console from "node:console";
import { writeFileSync } from "node:fs";
import { URL } from "node:url";
import { REFERENCE_DESIGNS } from "../dist/index.js";

for (const { name, design } of REFERENCE_DESIGNS) {
  writeFileSync(
    new URL(`../examples/${name}.json`, import.meta.url),
    `${JSON.stringify(design, null, 2)}\n`,
  );
  console.log(`examples/${name}.json`);
}
