#!/usr/bin/env node
import { runCli } from "./program.js";
import { EXIT_INTERNAL, reportError } from "./errors.js";

// A reader that stops early (`tympan simulate … --csv | head -1`) closes the pipe: what is left to
// print has nobody to read it, so end quietly and successfully, as cat and grep do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    process.exitCode = EXIT_INTERNAL;
  });
}
process.on("uncaughtException", (error) => {
  process.exit(reportError(error, (text) => process.stderr.write(text)));
});

process.exitCode = await runCli(process.argv.slice(2));
