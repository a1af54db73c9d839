import { describe, expect, it } from "vitest";
import { type DroppedEntry, filesOfEntries, folderMeasurementFiles } from "./folderFiles.js";

function fileEntry(name: string, text = "20 0\n"): DroppedEntry {
  return {
    isFile: true,
    isDirectory: false,
    name,
    file: (success) => success(new File([text], name)),
  };
}

/** A folder whose reader hands out its entries `batch` at a time, as Chromium does (100). */
function folderEntry(name: string, children: DroppedEntry[], batch = 2): DroppedEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let next = 0;
      return {
        readEntries: (success) => {
          success(children.slice(next, next + batch));
          next += batch;
        },
      };
    },
  };
}

describe("filesOfEntries (a dropped folder)", () => {
  it("walks subfolders, reads every batch of a folder and keeps measurement files and the phone book", async () => {
    const dropped = folderEntry("squig", [
      fileEntry("phone_book.json", "[]"),
      fileEntry("Alpha L.txt"),
      fileEntry("Alpha R.txt"),
      fileEntry("notes.md"),
      fileEntry("photo.jpg"),
      folderEntry("more", [fileEntry("Beta L.csv"), fileEntry("driver.zma")]),
    ]);
    const files = await filesOfEntries([dropped, fileEntry("loose.frd")]);
    expect(files.map((file) => file.name)).toEqual([
      "phone_book.json",
      "Alpha L.txt",
      "Alpha R.txt",
      "Beta L.csv",
      "driver.zma",
      "loose.frd",
    ]);
    expect(await files[1]!.text()).toBe("20 0\n");
  });

  it("an empty folder gives no files", async () => {
    expect(await filesOfEntries([folderEntry("empty", [])])).toEqual([]);
  });

  it("folderMeasurementFiles leaves out what the reader does not take", () => {
    const names = ["a.TXT", "b.json", "phone_book.json", "c.png"].map((n) => new File([""], n));
    expect(folderMeasurementFiles(names).map((f) => f.name)).toEqual(["a.TXT", "phone_book.json"]);
  });
});
