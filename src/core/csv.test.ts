import { describe, expect, it } from "vitest";
import { csvField } from "./csv.js";

describe("csvField(text)", () => {
  it("leaves plain names and numbers as they are", () => {
    expect(csvField("AKG N400")).toBe("AKG N400");
    expect(csvField("-3.5")).toBe("-3.5");
    expect(csvField("+2e-3")).toBe("+2e-3");
  });

  it("quotes delimiters, quotes and line breaks (RFC 4180)", () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });

  it("keeps a spreadsheet from running a name as a formula", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-1+cmd")).toBe("'-1+cmd");
    expect(csvField("+A1")).toBe("'+A1");
  });

  it("gives a field that reads back as the text shown (one cell, no formula)", () => {
    for (const name of ["<script>alert(1)</script>", '"quoted"', "=1+1", "a,b", "x\r\ny"]) {
      const field = csvField(name);
      const starts = field.startsWith('"') ? field.slice(1) : field;
      expect(/^[=+\-@\t\r]/.test(starts), name).toBe(false);
      // Unquoted fields hold no delimiter; quoted ones double every quote inside.
      if (!field.startsWith('"')) expect(/[",\r\n]/.test(field)).toBe(false);
      else expect(field.slice(1, -1).replaceAll('""', "")).not.toContain('"');
    }
  });
});
