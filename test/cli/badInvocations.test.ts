/**
 * A table of bad invocations of every command of the built `tympan` (run `npm run build` first),
 * each run as a real process: a missing file, a folder, a flag out of range, a non-number, an unknown
 * flag, an output path that cannot be written, an existing output without --force. Every row must
 * exit 2, name what is wrong (file, flag or element) and say what to give instead, print no stack
 * trace and no NaN, Infinity, null or undefined, and finish within ROW_LIMIT_MS. A new command
 * without rows fails the last test.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BAD_INVOCATIONS, type BadInvocation } from "./badInvocationRows.js";

const CLI = new URL("../../dist/cli/main.js", import.meta.url).pathname;
const ROOT = new URL("../../", import.meta.url).pathname;

/** Each row fails fast on its input; a minute allows for a machine loaded by other test files. */
const ROW_LIMIT_MS = 60_000;

/** The scratch folder every row runs in, with the files the rows name. */
function scratchFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "tympan-bad-"));
  const copy = (from: string, to: string) => copyFileSync(join(ROOT, from), join(dir, to));
  copy("examples/case-a.json", "d.json");
  copy("examples/single-ba.json", "ba.json");
  copy("test/fixtures/eq/Moondrop Chu.csv", "chu.csv");
  copy("test/fixtures/measurements/driver.zma", "z.zma");
  copy("test/fixtures/receivers/CI-22955-000_fr.txt", "fr.txt");
  copy("test/fixtures/receivers/CI-22955-000_z.txt", "rz.txt");
  mkdirSync(join(dir, "emptydir"));
  mkdirSync(join(dir, "occupied"));
  writeFileSync(join(dir, "occupied", "mine.txt"), "a file tympan did not write\n");
  for (const name of ["exists.svg", "exists.json", "exists.csv", "exists.txt"]) {
    writeFileSync(join(dir, name), "the user's file\n");
  }
  return dir;
}

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  readonly ms: number;
}

function run(argv: readonly string[], cwd: string): Promise<Run> {
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...argv],
      { cwd, timeout: ROW_LIMIT_MS, encoding: "utf8", env: { ...process.env, TYMPAN_DEBUG: "" } },
      (error, out, err) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        resolve({ code, out, err, ms: performance.now() - start });
      },
    );
  });
}

/** What the output says once the user's own words (which may be "NaN") are taken out. */
function withoutArguments(text: string, argv: readonly string[]): string {
  let rest = text;
  for (const word of [...argv].sort((a, b) => b.length - a.length)) {
    if (word.length > 0) rest = rest.split(word).join("«arg»");
  }
  return rest;
}

const label = (row: BadInvocation) => row.argv.map((a) => (a === "" ? '""' : a)).join(" ");

describe.concurrent("bad invocations exit 2 and say what is wrong, where, and what to give", () => {
  const dir = scratchFolder();
  it.each(BAD_INVOCATIONS.map((row) => [label(row), row] as const))("tympan %s", async (_, row) => {
    const result = await run(row.argv, dir);
    const shown = `exit ${result.code}\n--- stderr\n${result.err}--- stdout\n${result.out}`;
    expect(result.ms, shown).toBeLessThan(ROW_LIMIT_MS);
    expect(result.code, shown).toBe(2);
    expect(result.err, shown).toMatch(row.says);
    // Every line is Tympan's own: "tympan: …" or commander's pointer to the help.
    for (const line of result.err.trimEnd().split("\n")) {
      expect(line, shown).toMatch(/^tympan: |^\(run tympan .*--help for /);
    }
    expect(result.err, shown).not.toMatch(/\n\s+at |internal error|TYMPAN_DEBUG/);
    const said = withoutArguments(`${result.out}\n${result.err}`, row.argv);
    expect(said, shown).not.toMatch(/\b(NaN|Infinity|null|undefined)\b/);
  });
});

describe("the table", () => {
  it("has rows for every command `tympan --help` lists, an unknown flag among them", async () => {
    const help = await run(["--help"], ROOT);
    const commands = [...help.out.matchAll(/^ {2}([a-z-]+) /gm)]
      .map((m) => m[1]!)
      .filter((name) => name !== "help");
    expect(commands.length).toBeGreaterThan(15);
    for (const command of commands) {
      const rows = BAD_INVOCATIONS.filter((row) => row.argv[0] === command);
      expect(rows.length, command).toBeGreaterThanOrEqual(2);
      expect(
        rows.some((row) => row.argv.includes("--bogus")),
        `${command}: an unknown flag`,
      ).toBe(true);
    }
  });
});
