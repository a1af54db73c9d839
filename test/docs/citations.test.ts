/**
 * Every "docs/physics.md §n" and "docs/measurements.md §n" the sources cite is a section those
 * documents have (scripts/check-doc-citations.mjs). The repository is checked with --strict: the
 * older "PHYSICS.md §n" and "MEASUREMENTS §n" forms, which named notes outside it, are refused.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCRIPT = join(ROOT, "scripts/check-doc-citations.mjs");

interface Report {
  sections: { physics?: string[]; measurements?: string[] };
  citations: { file: string; line: number; document: string; numbers: string[] }[];
  errors: string[];
  warnings: string[];
}

function check(root: string, ...flags: string[]) {
  const run = spawnSync(process.execPath, [SCRIPT, "--root", root, ...flags], { encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function report(root: string, ...flags: string[]): { status: number | null; report: Report } {
  const run = check(root, "--json", ...flags);
  return { status: run.status, report: JSON.parse(run.stdout) as Report };
}

const fixtures: string[] = [];

/** A scratch repository holding `files` (path → text). */
function repository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "tympan-citations-"));
  fixtures.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterEach(() => {
  for (const root of fixtures.splice(0)) rmSync(root, { recursive: true, force: true });
});

const PHYSICS = "# Physics\n\n## 1. Air\n\ntext\n\n## 2. Lumped elements\n\ntext, see §1\n";
const MEASUREMENTS = "# Measurements\n\n## 1. Formats\n\ntext\n";

describe("the repository's citations of docs/", () => {
  const { status, report: result } = report(ROOT, "--strict");

  it("all resolve to a section of docs/physics.md or docs/measurements.md, none in the older form", () => {
    expect(result.errors).toEqual([]);
    expect(status).toBe(0);
  });

  it("keep the section numbers of the documents they were written against: §1–§9 and §1–§6", () => {
    expect(result.sections.physics).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(result.sections.measurements).toEqual(["1", "2", "3", "4", "5", "6"]);
  });

  it("are found: over 60 of them, across most sections of both documents", () => {
    // Guards the scanner itself: a pattern that matched nothing would make the test above vacuous.
    const cited = (document: string) =>
      new Set(result.citations.filter((c) => c.document === document).flatMap((c) => c.numbers));
    expect(result.citations.length).toBeGreaterThan(60);
    expect(cited("docs/physics.md").size).toBeGreaterThanOrEqual(6);
    expect(cited("docs/measurements.md").size).toBeGreaterThanOrEqual(4);
  });
});

describe("check-doc-citations", () => {
  it("accepts the current and the rewritten form of a citation alike", () => {
    const root = repository({
      "docs/physics.md": PHYSICS,
      "docs/measurements.md": MEASUREMENTS,
      "src/a.ts":
        "// PHYSICS.md §2, docs/physics.md §1\n// MEASUREMENTS §1 and docs/measurements.md §1\n",
    });
    const { status, report: result } = report(root);
    expect(result.errors).toEqual([]);
    expect(result.citations.map((c) => `${c.document} ${c.numbers.join(",")}`)).toEqual([
      "docs/physics.md 2",
      "docs/physics.md 1",
      "docs/measurements.md 1",
      "docs/measurements.md 1",
    ]);
    expect(status).toBe(0);
  });

  it("fails on a section docs/ does not have, in either form, naming the file and line", () => {
    const root = repository({
      "docs/physics.md": PHYSICS,
      "docs/measurements.md": MEASUREMENTS,
      "src/deep/b.ts":
        "const x = 1;\n/** docs/physics.md §3 */\nconst source = 'MEASUREMENTS §4';\n",
    });
    const run = check(root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("src/deep/b.ts:2: cites docs/physics.md §3");
    expect(run.stderr).toContain("has no §3 (its sections: §1, §2)");
    expect(run.stderr).toContain("src/deep/b.ts:3: cites MEASUREMENTS §4");
  });

  it("expands ranges and lists: §1–3 needs §3, '§1, §2' needs both", () => {
    const root = repository({
      "docs/physics.md": PHYSICS,
      "docs/measurements.md": MEASUREMENTS,
      "src/c.ts": "// PHYSICS.md §1–3\n// docs/physics.md §1, §2\n",
    });
    const { status, report: result } = report(root);
    expect(result.citations.map((c) => c.numbers)).toEqual([
      ["1", "2", "3"],
      ["1", "2"],
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(
      "src/c.ts:1: cites PHYSICS.md §1–3, but docs/physics.md has no §3",
    );
    expect(status).toBe(1);
  });

  it("fails when a document is missing or a document refers to a section of its own it lacks", () => {
    const root = repository({
      "docs/physics.md": PHYSICS.replace("see §1", "see §7"),
      "src/d.ts": "// MEASUREMENTS §1\n",
    });
    const { status, report: result } = report(root);
    expect([...result.errors].sort()).toEqual([
      "docs/physics.md:9: refers to §7 of docs/physics.md, which has no such section",
      "src/d.ts:1: cites MEASUREMENTS §1, but docs/measurements.md does not exist",
    ]);
    expect(status).toBe(1);
  });

  it("warns about mentions the planned rewrite misses; --strict refuses them and the older form", () => {
    const files = {
      "docs/physics.md": PHYSICS,
      "docs/measurements.md": MEASUREMENTS,
      "src/e.ts": "// PHYSICS §1\n// as PHYSICS.md says\n// PHYSICS.md §2\n",
    };
    const lenient = report(repository(files));
    expect(lenient.status).toBe(0);
    expect(lenient.report.warnings).toEqual([
      'src/e.ts:1: cites PHYSICS §1, a form the planned rewrite to "docs/physics.md §n" does not reach',
      'src/e.ts:2: mentions PHYSICS.md without a section; cite "docs/physics.md §n" instead',
    ]);
    const strict = report(repository(files), "--strict");
    expect(strict.status).toBe(1);
    expect(strict.report.errors).toHaveLength(3);
    // The planned sed rewrite brings the forms it reaches through --strict.
    const sed = (text: string) =>
      text
        .replace(/PHYSICS\.md §/g, "docs/physics.md §")
        .replace(/MEASUREMENTS §/g, "docs/measurements.md §");
    const older = "// PHYSICS.md §2 and MEASUREMENTS §1\n";
    expect(report(repository({ ...files, "src/e.ts": older }), "--strict").status).toBe(1);
    const rewritten = report(repository({ ...files, "src/e.ts": sed(older) }), "--strict");
    expect(rewritten.report.errors).toEqual([]);
    expect(rewritten.report.citations).toHaveLength(2);
    expect(rewritten.status).toBe(0);
  });

  it("refuses an unknown argument or a root that is not a directory with exit code 2", () => {
    expect(check(ROOT, "--frobnicate").status).toBe(2);
    const run = check(join(ROOT, "package.json"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("not a directory");
  });
});
