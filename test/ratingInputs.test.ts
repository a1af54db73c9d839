/**
 * What a new user tripped on in the rating commands (issue 12 §7): a stereo CSV read silently by its
 * left column, an AutoEq result given as --target read by its raw column, a phone_book.json refused
 * by compare, a --plot refused only after the work was done; and names from files kept inert in CSV
 * and SVG (issue 14).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tympan } from "./support/cli.js";
import { AKG_N400, itWithSharedData, sharedDataFile } from "./support/sharedData.js";

const PHONE_BOOK = fileURLToPath(new URL("fixtures/rank/squig/phone_book.json", import.meta.url));

function folder(): string {
  return mkdtempSync(join(tmpdir(), "tympan-inputs-"));
}

/** A stereo file: the left channel is the AKG N400, the right the same 3 dB louder above 2 kHz. */
function stereoFile(dir: string): string {
  const lines = readFileSync(AKG_N400, "utf8").trim().split("\n").slice(1);
  const rows = lines.map((line) => {
    const [f, db] = line.split(",").map(Number) as [number, number];
    return `${f},${db},${(db + (f > 2000 ? 3 : 0)).toFixed(2)}`;
  });
  const path = join(dir, "stereo.csv");
  writeFileSync(path, `Frequency,Left,Right\n${rows.join("\n")}\n`);
  return path;
}

describe("a stereo CSV (Frequency,Left,Right)", () => {
  itWithSharedData(
    "score reads the left channel and says so; --channel picks another",
    async () => {
      const path = stereoFile(folder());
      const left = await tympan("score", path, "--json");
      expect(left.code).toBe(0);
      expect(left.err).toMatch(
        /tympan: note: .*stereo\.csv: read the left channel \(column "Left"\); the file also has the right channel \(column "Right"\)/,
      );
      expect(JSON.parse(left.out).ppr).toBeCloseTo(89.14, 2);
      const right = await tympan("score", path, "--channel", "right", "--json");
      expect(right.err).not.toMatch(/left channel/);
      const average = await tympan("score", path, "--channel", "average", "--json");
      const [l, r, a] = [left, right, average].map((run) => JSON.parse(run.out).ppr as number);
      expect(r).toBeLessThan(l!);
      expect(a).toBeGreaterThan(Math.min(l!, r!));
      expect(a).toBeLessThan(Math.max(l!, r!));
    },
  );

  itWithSharedData(
    "compare and rank take --channel too; a bad channel is a usage error",
    async () => {
      const path = stereoFile(folder());
      const compare = await tympan("compare", path, "--channel", "right");
      expect(compare.code).toBe(0);
      const rank = await tympan("rank", path, "--channel", "average", "--json");
      expect(rank.code).toBe(0);
      expect(JSON.parse(rank.out).ranking).toHaveLength(1);
      const bad = await tympan("score", path, "--channel", "middle");
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/--channel middle: choose one of left, right, average/);
      const mono = await tympan("score", AKG_N400, "--channel", "right");
      expect(mono.code).toBe(2);
      expect(mono.err).toMatch(/there is no right channel/);
    },
  );
});

describe("an AutoEq result as --target", () => {
  itWithSharedData("is read by its target column, with a note, not by its raw column", async () => {
    const result = sharedDataFile("autoeq-results/AKG N400.csv");
    const { code, out, err } = await tympan("score", AKG_N400, "--target", result, "--json");
    expect(code).toBe(0);
    expect(err).toMatch(/AKG N400\.csv: read its "target" column as the target/);
    // Against its own raw column the headphone would score a perfect ~114; against the target it is rated.
    const rating = JSON.parse(out);
    expect(rating.ppr).toBeLessThan(100);
    expect(rating.valid).toBe(false);
  });
});

describe("tympan compare takes what rank takes", () => {
  it("a phone_book.json: every phone in it, as rank lists them", async () => {
    const { code, out, err } = await tympan("compare", PHONE_BOOK);
    expect(code).toBe(0);
    expect(out).toMatch(/Alpha Reference\s+PPR \d/);
    expect(out).toMatch(/Beta Tilted \(tilted\)\s+PPR \d/);
    expect(out).toMatch(/Beta Mono\s+PPR \d/);
    expect(err).toMatch(/note: skipped .*Ghost L\.txt/);
  });

  it("refuses an existing --plot before reading or printing anything", async () => {
    const dir = folder();
    const plot = join(dir, "c.svg");
    writeFileSync(plot, "mine");
    const { code, out, err } = await tympan("compare", "single-dd", "--plot", plot);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/c\.svg already exists; pass --force/);
    expect(readFileSync(plot, "utf8")).toBe("mine");
    mkdirSync(join(dir, "folder.svg"));
    const onFolder = await tympan("compare", "single-dd", "--plot", join(dir, "folder.svg"));
    expect(onFolder.code).toBe(2);
    expect(onFolder.out).toBe("");
    expect(onFolder.err).toMatch(/folder\.svg is a folder/);
  });

  it("convert refuses an existing --out before reading the measurement", async () => {
    const dir = folder();
    const out = join(dir, "o.csv");
    writeFileSync(out, "mine");
    // The input does not exist: the refusal comes first, so the message is about --out.
    const run = await tympan("convert", join(dir, "missing.txt"), "--to", "csv", "--out", out);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/o\.csv already exists/);
  });
});

describe("names from files stay inert in CSV and SVG", () => {
  const hostile = ['=HYPERLINK("http://x")', "<script>alert('x')</script>", 'a "quoted", name'];

  it("rank --csv and compare --csv write each hostile name as one text field", async () => {
    const dir = folder();
    const book = hostile.map((name, i) => ({ name: "Brand", phones: [{ name, file: `p${i}` }] }));
    writeFileSync(join(dir, "phone_book.json"), JSON.stringify(book));
    const rows = ["20 80", "100 82", "1000 85", "5000 83", "10000 78", "20000 70"].join("\n");
    for (let i = 0; i < hostile.length; i++) writeFileSync(join(dir, `p${i} L.txt`), rows);
    const rank = await tympan("rank", join(dir, "phone_book.json"), "--csv");
    expect(rank.code).toBe(0);
    expect(rank.out).toContain('"Brand =HYPERLINK(""http://x"")"');
    expect(rank.out).toContain("Brand <script>alert('x')</script>");
    expect(rank.out).toContain('"Brand a ""quoted"", name"');
    const compare = await tympan("compare", join(dir, "phone_book.json"), "--csv");
    const header = compare.out.split("\n")[0]!;
    // Three curves and the target after the frequency: quoting keeps the commas inside the names.
    expect(header.match(/(?:^|,)(?:"(?:[^"]|"")*"|[^,]*)/g)).toHaveLength(5);
    const svgPath = join(dir, "c.svg");
    expect((await tympan("compare", join(dir, "phone_book.json"), "--plot", svgPath)).code).toBe(0);
    const svg = readFileSync(svgPath, "utf8");
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
  });

  it("a curve whose name starts with = is written as text, not a formula", async () => {
    const dir = folder();
    const path = join(dir, "=cmd.csv");
    writeFileSync(path, "frequency,raw\n20,80\n1000,85\n20000,70\n");
    const { code, out } = await tympan("compare", path, "--csv");
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toMatch(
      /^frequency_hz,'=cmd \(PPR -?\d+\.\d\),Harman in-ear 2019 v2$/,
    );
  });
});
