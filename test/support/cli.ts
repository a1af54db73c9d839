import { runCli } from "../../src/cli/program.js";

/** Runs the command line in-process and captures what it prints and its exit code. */
export async function tympan(
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}
