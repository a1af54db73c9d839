/** CLI output files and CSV, run in-process like test/cli.test.ts. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/program.js";

async function tympan(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}
const scratch = () => mkdtempSync(join(tmpdir(), "tympan-review-"));

describe("tympan report", () => {
  it("two designs with one stem (x.json, x.yaml) do not overwrite each other's plots", async () => {
    // Observed: exit 0, one x.svg/x.png (case D's), and the summary shows it under both headings.
    const dir = scratch();
    const designs = join(dir, "designs");
    mkdirSync(designs);
    copyFileSync("examples/case-a.json", join(designs, "x.json"));
    copyFileSync("examples/case-d.json", join(designs, "x.yaml")); // JSON is valid YAML
    const out = join(dir, "report");
    const { code } = await tympan("report", designs, "--out", out);
    if (code === 0) {
      const images = [
        ...readFileSync(join(out, "summary.md"), "utf8").matchAll(/\]\((.+?\.svg)\)/g),
      ];
      expect(new Set(images.map((m) => m[1])).size).toBe(2);
    } else {
      expect(code).toBe(2);
    }
  });

  it("--out naming an existing file is a usage error (exit 2), not an internal error", async () => {
    // Observed: exit 1, "tympan: internal error: ENOTDIR: not a directory, scandir '…'".
    const dir = scratch();
    const file = join(dir, "report");
    writeFileSync(file, "not a folder\n");
    const { code, err } = await tympan("report", "examples/case-a.json", "--out", file);
    expect(err).not.toMatch(/internal error/);
    expect(code).toBe(2);
  });
});

describe("tympan simulate --plot", () => {
  it("--plot onto a folder, even with --force, is exit 2 with a message", async () => {
    // Observed: exit 1, "internal error: EISDIR: illegal operation on a directory".
    const dir = scratch();
    const target = join(dir, "plot.svg");
    mkdirSync(target);
    const { code, err } = await tympan(
      "simulate",
      "examples/case-a.json",
      "--at",
      "100",
      "--plot",
      target,
      "--force",
    );
    expect(err).not.toMatch(/internal error/);
    expect(code).toBe(2);
  });

  it("--plot below a path that is a file is exit 2 with a message", async () => {
    // Observed: exit 1, "internal error: EEXIST: file already exists, mkdir '…'".
    const dir = scratch();
    writeFileSync(join(dir, "file"), "x");
    const { code, err } = await tympan(
      "simulate",
      "examples/case-a.json",
      "--at",
      "100",
      "--plot",
      join(dir, "file", "p.svg"),
    );
    expect(err).not.toMatch(/internal error/);
    expect(code).toBe(2);
  });
});

/** RFC 4180 fields of one CSV line. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === "," && !quoted) {
      fields.push(field);
      field = "";
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

describe("--csv", () => {
  it("a probe id with a comma or quote keeps the header aligned with the rows", async () => {
    // Observed: the id is written unquoted, so the header splits into 11 fields over 7 values per row.
    const dir = scratch();
    const file = join(dir, "d.json");
    writeFileSync(
      file,
      JSON.stringify({
        tympan: 1,
        elements: [
          { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
          { id: "r", type: "resistor", nodes: ["in", "0"], resistance: 8 },
        ],
        probes: [{ id: 'left, "ear"', node: "in" }],
      }),
    );
    const { code, out } = await tympan("simulate", file, "--at", "100", "--csv");
    expect(code).toBe(0);
    const [header, row] = out.trim().split("\n");
    expect(csvFields(header!)).toHaveLength(csvFields(row!).length);
    expect(csvFields(header!)[1]).toBe('left, "ear"_db');
  });
});
