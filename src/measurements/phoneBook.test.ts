import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import { isPhoneBookText, phoneBookFiles } from "./phoneBook.js";

describe("phoneBookFiles", () => {
  it("reads string phones, single files and file arrays with suffixes; skips malformed entries", () => {
    const { files, skipped } = phoneBookFiles([
      { name: "A", phones: ["One", { name: "Two", file: "A Two" }] },
      { name: "B", phones: [{ name: "Three", file: ["B3a", "B3b"], suffix: ["v1"] }, 42] },
      { phones: [] },
    ]);
    expect(files).toEqual([
      { name: "A One", file: "One" },
      { name: "A Two", file: "A Two" },
      { name: "B Three v1", file: "B3a" },
      { name: "B Three (B3b)", file: "B3b" },
    ]);
    expect(skipped).toHaveLength(2);
  });

  it("rejects a book that is not an array of brands", () => {
    expect(() => phoneBookFiles({ brands: [] })).toThrow(TympanError);
  });
});

describe("isPhoneBookText", () => {
  it("tells a phone book (an array of brands) from a design (an object)", () => {
    expect(isPhoneBookText('\uFEFF  [{"name": "A", "phones": []}]')).toBe(true);
    expect(isPhoneBookText('{"elements": []}')).toBe(false);
    expect(isPhoneBookText("")).toBe(false);
  });
});
