/**
 * The squig.link / CrinGraph phone book, phone_book.json: brands → phones → files, the measurement of
 * each in `<file> L.txt` and `<file> R.txt` beside the book (docs/measurements.md §1). The structure, as
 * CrinGraph reads it:
 *
 *   [{ "name": "Brand", "phones": [
 *       "Model",                                            // name and file are the same
 *       { "name": "Model", "file": "Model File" },
 *       { "name": "Model", "file": ["File A", "File B"], "suffix": ["(A)", "(B)"] } ] }]
 *
 * Other keys (price, reviewScore, amazon, …) are ignored. Pure text and data: reading the files is
 * io/measurementDatabase.ts.
 */
import { TympanError } from "../core/issues.js";

/** A file or phone that could not be read, and why. */
export interface SkippedMeasurement {
  readonly source: string;
  readonly reason: string;
}

/**
 * True when `text` is a phone book rather than a design: JSON whose top level is an array (a phone
 * book lists brands; a design is an object).
 */
export function isPhoneBookText(text: string): boolean {
  return text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .startsWith("[");
}

/** One phone-book file (a measurement in L/R halves) with the name to show for it. */
export interface PhoneBookFile {
  readonly name: string;
  /** The file stem: data lives in `<file> L.txt` and `<file> R.txt`. */
  readonly file: string;
}

/**
 * The files a parsed phone book lists, in book order, and the entries it could not understand.
 *
 * @throws TympanError when the book is not an array of brands.
 */
export function phoneBookFiles(
  book: unknown,
  source = "phone_book.json",
): { files: PhoneBookFile[]; skipped: SkippedMeasurement[] } {
  if (!Array.isArray(book)) {
    throw new TympanError(
      [
        {
          severity: "error",
          code: "invalid-phone-book",
          path: [],
          message:
            'a phone book is a JSON array of brands, e.g. [{ "name": "Brand", "phones": [{ "name": "Model", "file": "Model" }] }]',
        },
      ],
      source,
    );
  }
  const files: PhoneBookFile[] = [];
  const skipped: SkippedMeasurement[] = [];
  book.forEach((brand: unknown, b) => {
    if (!isRecord(brand) || typeof brand.name !== "string" || !Array.isArray(brand.phones)) {
      skipped.push({
        source: `${source} [${b}]`,
        reason: 'a brand needs a "name" and a "phones" array',
      });
      return;
    }
    const brandName = brand.name;
    brand.phones.forEach((phone: unknown, p) => {
      const where = `${source} ${brandName} phones[${p}]`;
      if (typeof phone === "string") {
        files.push({ name: `${brandName} ${phone}`, file: phone });
        return;
      }
      if (!isRecord(phone) || typeof phone.name !== "string") {
        skipped.push({ source: where, reason: 'a phone is a name or an object with a "name"' });
        return;
      }
      const stems = phone.file === undefined ? [phone.name] : toStrings(phone.file);
      const suffixes = phone.suffix === undefined ? [] : toStrings(phone.suffix);
      if (stems === undefined || stems.length === 0 || suffixes === undefined) {
        skipped.push({
          source: `${where} (${phone.name})`,
          reason: '"file" and "suffix" must be a string or an array of strings',
        });
        return;
      }
      const phoneName = `${brandName} ${phone.name}`;
      stems.forEach((stem, i) => {
        const suffix = suffixes[i];
        const name =
          suffix !== undefined
            ? `${phoneName} ${suffix}`
            : stems.length > 1
              ? `${phoneName} (${stem})`
              : phoneName;
        files.push({ name, file: stem });
      });
    });
  });
  return { files, skipped };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string or an array of strings as an array; undefined for anything else. */
function toStrings(value: unknown): string[] | undefined {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return value as string[];
  }
  return undefined;
}
