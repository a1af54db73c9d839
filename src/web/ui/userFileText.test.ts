import { describe, expect, it } from "vitest";
import { handle } from "../worker/handle.js";
import { userFileText } from "./userFileText.js";

/** The worker's answer, called directly as the unit tests of the worker do. */
const check = async (request: { fileName: string; bytes: number; what: string }) =>
  handle("fileSize", request);

/** A file-like object of a stated size whose text must not be read when it is too large. */
function fakeFile(name: string, size: number) {
  let read = false;
  return {
    file: { name, size, text: async () => ((read = true), "20,84\n30,85\n") },
    wasRead: () => read,
  };
}

describe("userFileText", () => {
  it("reads a file within 32 MiB", async () => {
    const { file, wasRead } = fakeFile("a.csv", 12);
    expect(await userFileText(file, "a measurement file", check)).toEqual({
      ok: true,
      text: "20,84\n30,85\n",
    });
    expect(wasRead()).toBe(true);
  });

  it("refuses a larger one without reading it, naming the file, its size and the limit", async () => {
    const { file, wasRead } = fakeFile("huge <b>.csv", 40 * 1024 * 1024);
    expect(await userFileText(file, "a measurement file", check)).toEqual({
      ok: false,
      message:
        "huge <b>.csv: is 40.0 MiB, more than the 32 MiB Tympan reads; give a measurement file",
    });
    expect(wasRead()).toBe(false);
  });
});
