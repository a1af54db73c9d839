import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { LAYERS } from "../../eslint.config.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The layering rule's complaints about a file with this text at this path (it need not exist). */
async function layerErrors(path: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: `${root}${path}` });
  return result!.messages
    .filter((message) => message.ruleId === "boundaries/dependencies")
    .map((message) => message.message);
}

describe("the layering rule of `npm run lint`", () => {
  it("lists every library folder once, lowest first", () => {
    expect(new Set(LAYERS).size).toBe(LAYERS.length);
    expect(LAYERS[0]).toBe("core");
  });

  it("rejects an import up the layers (core importing simulate)", async () => {
    const errors = await layerErrors(
      "src/core/probe.ts",
      'import type { SimulationResult } from "../simulate/result.js";\nexport type X = SimulationResult;\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/core may not import simulate/);
  });

  it("rejects the second half of a cycle between two folders (elements importing design)", async () => {
    const errors = await layerErrors(
      "src/elements/probe.ts",
      'import { validateDesign } from "../design/design.js";\nexport const v = validateDesign;\n',
    );
    expect(errors).toHaveLength(1);
  });

  it("accepts an import down the layers (simulate importing network)", async () => {
    const errors = await layerErrors(
      "src/simulate/probe.ts",
      'import type { Stamp } from "../network/elementModel.js";\nexport type X = Stamp;\n',
    );
    expect(errors).toEqual([]);
  });

  it("lets the command line reach the library only through the public entry", async () => {
    const internal = await layerErrors(
      "src/cli/probe.ts",
      'import { simulate } from "../simulate/simulate.js";\nexport const s = simulate;\n',
    );
    expect(internal).toHaveLength(1);
    const viaNodeEntry = await layerErrors(
      "src/cli/probe.ts",
      'import { simulate } from "../node/index.js";\nexport const s = simulate;\n',
    );
    expect(viaNodeEntry).toHaveLength(1);
    const entry = await layerErrors(
      "src/cli/probe.ts",
      'import { simulate } from "../index.js";\nimport { readMeasurementFile } from "./io/index.js";\nexport const s = [simulate, readMeasurementFile];\n',
    );
    expect(entry).toEqual([]);
  });

  it("keeps the shells out of the library: the isomorphic entry may not import the command line", async () => {
    const errors = await layerErrors(
      "src/analysis/probe.ts",
      'import { readMeasurementFile } from "../cli/io/index.js";\nexport const r = readMeasurementFile;\n',
    );
    expect(errors).toHaveLength(1);
  });
});
