/**
 * The command line as Node runs it, from the sources as they are now: worker threads load
 * JavaScript files, which vitest's in-process transform does not give them, and dist/ may be older
 * than the sources. esbuild transpiles src/ (without the web app and the tests) file by file, as
 * tsc's build lays it out, into a temporary folder with the package's package.json and node_modules
 * beside it; the caller removes it.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SRC = join(ROOT, "src");

function sourceFiles(folder: string, found: { code: string[]; data: string[] }) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(SRC, "web")) sourceFiles(path, found);
    } else if (entry.name.endsWith(".json")) found.data.push(path);
    else if (/\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) found.code.push(path);
  }
  return found;
}

export interface TranspiledCli {
  /** The folder holding dist/, package.json and node_modules. */
  readonly folder: string;
  /** The built file of `src/<path>` (with .js for .ts). */
  readonly file: (path: string) => string;
  /** Runs `tympan …` as a process. */
  readonly run: (...argv: string[]) => { code: number; out: string; err: string };
}

export async function transpiledCli(): Promise<TranspiledCli> {
  const folder = mkdtempSync(join(tmpdir(), "tympan-built-"));
  const { code, data } = sourceFiles(SRC, { code: [], data: [] });
  await build({
    entryPoints: code,
    outdir: join(folder, "dist"),
    outbase: SRC,
    format: "esm",
    platform: "node",
    target: "node20",
    // knowlesFits.json is imported `with { type: "json" }`, which Node 20 requires.
    supported: { "import-attributes": true },
    logLevel: "error",
  });
  for (const path of data) {
    const target = join(folder, "dist", relative(SRC, path));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(path, target);
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  writeFileSync(
    join(folder, "package.json"),
    JSON.stringify({ type: "module", version: pkg.version }),
  );
  symlinkSync(join(ROOT, "node_modules"), join(folder, "node_modules"));
  const file = (path: string) => join(folder, "dist", path.replace(/\.ts$/, ".js"));
  const main = file("cli/main.ts");
  return {
    folder,
    file,
    run: (...argv) => {
      const run = spawnSync(process.execPath, [main, ...argv], {
        encoding: "utf8",
        timeout: 120_000,
        cwd: ROOT,
      });
      return { code: run.status ?? -1, out: run.stdout, err: run.stderr };
    },
  };
}
