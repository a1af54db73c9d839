import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TympanError } from "../../index.js";
import { MAX_USER_FILE_BYTES, readUserTextFile } from "./userTextFile.js";

const scratch = () => mkdtempSync(join(tmpdir(), "tympan-read-"));

/** The message of the TympanError a read throws. */
async function failure(path: string): Promise<string> {
  try {
    await readUserTextFile(path, "a design file");
  } catch (error) {
    expect(error).toBeInstanceOf(TympanError);
    expect((error as TympanError).source).toBe(path);
    return (error as TympanError).issues[0].message;
  }
  throw new Error(`${path} was read`);
}

describe("readUserTextFile", () => {
  it("reads UTF-8 without its byte-order mark and UTF-16 LE with its mark", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "a.txt"), "\uFEFFhello");
    writeFileSync(join(dir, "b.txt"), Buffer.from([0xff, 0xfe, ...Buffer.from("hi", "utf16le")]));
    expect(await readUserTextFile(join(dir, "a.txt"), "x")).toBe("hello");
    expect(await readUserTextFile(join(dir, "b.txt"), "x")).toBe("hi");
  });

  it("says a missing file does not exist, and what to give", async () => {
    expect(await failure(join(scratch(), "nope.json"))).toBe(
      "no such file; give the path of a design file",
    );
  });

  it("tells a symbolic-link loop from a missing file", async () => {
    const dir = scratch();
    symlinkSync(join(dir, "b"), join(dir, "a"));
    symlinkSync(join(dir, "a"), join(dir, "b"));
    expect(await failure(join(dir, "a"))).toMatch(/link loop/);
  });

  it("refuses a folder and a device without reading it", async () => {
    expect(await failure(scratch())).toMatch(/is a folder/);
    expect(await failure("/dev/zero")).toMatch(/not a regular file/);
    expect(await failure("/dev/urandom")).toMatch(/not a regular file/);
  });

  it("refuses a FIFO without waiting for a writer", async () => {
    const fifo = join(scratch(), "fifo");
    execFileSync("mkfifo", [fifo]);
    expect(await failure(fifo)).toMatch(/not a regular file/);
  });

  it(`refuses a file over ${MAX_USER_FILE_BYTES / 1024 / 1024} MiB, saying the limit`, async () => {
    const big = join(scratch(), "big.json");
    writeFileSync(big, "");
    truncateSync(big, MAX_USER_FILE_BYTES + 1); // sparse: no disk used
    expect(await failure(big)).toMatch(/more than the 32 MiB Tympan reads/);
  });
});
