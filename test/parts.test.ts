/** `tympan parts`, and designs whose elements name a catalogue part, through the CLI. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tympan } from "./support/cli.js";

const scratch = () => mkdtempSync(join(tmpdir(), "tympan-parts-"));

function designFile(receiver: Record<string, unknown>): string {
  const path = join(scratch(), "design.json");
  writeFileSync(
    path,
    JSON.stringify({
      tympan: 1,
      elements: [
        { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 0.1 },
        { id: "rcv", nodes: ["in", "0", "spout"], ...receiver },
        { id: "ear", type: "ear711", nodes: ["spout", "drum"] },
      ],
      probes: [{ id: "drum", node: "drum" }],
    }),
  );
  return path;
}

describe("tympan parts", () => {
  it("lists illustrative and real parts with class, role, origin and key figures", async () => {
    const run = await tympan("parts");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^ba-mid +balanced armature +mid +illustrative +Rc 60 Ω/m);
    expect(run.out).toMatch(
      /^knowles\/ED-30262 +balanced armature +full-range +fitted +Rc [\d.]+ Ω/m,
    );
    expect(run.out).toMatch(/^dd-10mm-pet +dynamic driver .* fs \d+ Hz, Qts [\d.]+/m);
    expect(run.out.match(/^knowles\//gm)).toHaveLength(9);
  });

  it("shows one part's numbers with their sources, and names an unknown id (exit 2)", async () => {
    const run = await tympan("parts", "knowles/WBFK-30095");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/with a front–rear diaphragm vent/);
    expect(run.out).toMatch(/^diaphragmVentRadius +[\d.e-]+ +fitted to .*page 21/m);
    const json = await tympan("parts", "knowles/WBFK-30095", "--json");
    expect(JSON.parse(json.out).elementType).toBe("balancedArmature");
    const unknown = await tympan("parts", "WBFK");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no such part; did you mean knowles\/WBFK-30095\?/);
  });

  it("simulates a design whose element names a part and overrides one parameter", async () => {
    const plain = await tympan(
      "simulate",
      designFile({ part: "knowles/ED-30262" }),
      "--at",
      "1000",
    );
    const louder = await tympan(
      "simulate",
      designFile({ part: "knowles/ED-30262", transduction: 2 }),
      "--at",
      "1000",
    );
    expect(plain.code).toBe(0);
    expect(louder.code).toBe(0);
    // The table's row at 1000 Hz: Hz, drum dB SPL, …
    const level = (out: string) => Number(/^1000 +(\d+\.\d+)/m.exec(out)?.[1]);
    expect(level(plain.out)).toBeGreaterThan(95);
    expect(level(louder.out)).not.toBe(level(plain.out));
  });

  it("rejects an unknown part with the closest id, naming the file and element (exit 2)", async () => {
    const path = designFile({ part: "knowles/ED-3026" });
    const run = await tympan("simulate", path, "--at", "1000");
    expect(run.code).toBe(2);
    expect(run.err).toContain(path);
    expect(run.err).toMatch(
      /element "rcv": no part "knowles\/ED-3026".*Did you mean "knowles\/ED-30262"\?/,
    );
  });
});
