import { describe, expect, it } from "vitest";
import { MAX_USER_FILE_BYTES, oversizeFileMessage } from "./userFileSize.js";

describe("oversizeFileMessage", () => {
  it("accepts a file up to 32 MiB and refuses one byte more, saying the size and the limit", () => {
    expect(MAX_USER_FILE_BYTES).toBe(33_554_432);
    expect(oversizeFileMessage(MAX_USER_FILE_BYTES, "a file")).toBeUndefined();
    expect(oversizeFileMessage(40 * 1024 * 1024, "a measurement file")).toBe(
      "is 40.0 MiB, more than the 32 MiB Tympan reads; give a measurement file",
    );
  });
});
