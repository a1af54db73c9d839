/**
 * The built `tympan` as a process (run `npm run build` first): what only a real process shows —
 * closed pipes, devices instead of files — and a table of bad invocations with their exit code and
 * the message that says what is wrong and where.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = new URL("../dist/cli/main.js", import.meta.url).pathname;

/** Runs a shell pipeline with `$T` standing for the built CLI; gives the first command's exit code. */
function pipeline(command: string): { code: number; err: string } {
  const run = spawnSync("bash", ["-c", `set -o pipefail; ${command} >/dev/null`], {
    encoding: "utf8",
    env: { ...process.env, T: `${process.execPath} ${CLI}` },
    timeout: 60_000,
  });
  return { code: run.status ?? -1, err: run.stderr };
}

function tympan(...argv: string[]): { code: number; out: string; err: string } {
  const run = spawnSync(process.execPath, [CLI, ...argv], { encoding: "utf8", timeout: 60_000 });
  return { code: run.status ?? -1, out: run.stdout, err: run.stderr };
}

describe("a reader that closes the pipe early", () => {
  it.each([
    ["--csv | head -1", "$T simulate single-dd --csv | head -1"],
    ["--json | head -c 20", "$T simulate single-dd --json | head -c 20"],
    ["the table | head -3", "$T simulate tribrid-1dd-4ba-2est --points 5000 | head -3"],
  ])("%s ends quietly with exit 0", (_, command) => {
    const { code, err } = pipeline(command);
    expect(err).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });
});

describe("bad invocations: exit 2 and a message saying what is wrong and where", () => {
  const dir = mkdtempSync(join(tmpdir(), "tympan-process-"));
  const loop = join(dir, "loop.json");
  symlinkSync(join(dir, "loop2.json"), loop);
  symlinkSync(loop, join(dir, "loop2.json"));

  it.each([
    [["spec", "nope.zma"], /nope\.zma: no such file/],
    [["spec", "nope.zma", "--sensitivity", "110 dB/mW"], /nope\.zma: no such file/],
    [["simulate", loop], /loop\.json: is a symbolic link that leads back to itself/],
    [["simulate", "/dev/zero"], /\/dev\/zero: is not a regular file/],
    [["spec", "/dev/urandom", "--sensitivity", "110 dB/mW"], /\/dev\/urandom: is not a regular/],
    [["simulate", "examples/case-a.json", "--at", "1e9"], /^tympan: --at: 1e9 Hz is outside/m],
    [
      ["simulate", "single-dd", "--points", "1000000"],
      /^tympan: --points: 1000000 points is more/m,
    ],
    [["simulate", "single-dd", "--to", "1e8"], /^tympan: --to: /m],
  ])("tympan %j", (argv, message) => {
    const { code, err } = tympan(...argv);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at |internal error/);
    expect(code).toBe(2);
  });

  it("the design file is not blamed for a bad --at", () => {
    expect(tympan("simulate", "examples/case-a.json", "--at", "1e9").err).not.toContain(
      "case-a.json",
    );
  });
});

describe("warnings and notes", () => {
  it("go to standard error as `tympan: <issue>`, beside a table as beside CSV", () => {
    for (const format of [[], ["--csv"]]) {
      const { code, out, err } = tympan(
        "simulate",
        "examples/case-d.json",
        "--at",
        "20,1000",
        ...format,
      );
      expect(code).toBe(0);
      expect(err).toMatch(
        /^tympan: note: IEC 60318-4 specifies the 711 ear simulator for 100 Hz–10 kHz/m,
      );
      expect(out).not.toContain("IEC 60318-4");
    }
  });
});
