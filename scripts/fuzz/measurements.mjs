import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { URL, fileURLToPath } from "node:url";

/**
 * Measurement files for the fuzzer: the fixtures and the shared golden files, damaged the ways real
 * exports are (other delimiters and decimal commas, byte-order marks, CR/CRLF line ends, duplicated,
 * unsorted and missing rows, NaN text, huge and tiny numbers, binary junk, truncation), and text made
 * up from scratch. The reader must return a curve of finite, increasing numbers or a list of issues;
 * what it returns must survive rating, smoothing, normalising and writing without a NaN.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The team's shared data sits beside the clone (../shared/data); a clone elsewhere fuzzes without it. */
const SHARED = join(ROOT, "../shared/data");
const SOURCES = [
  join(ROOT, "test/fixtures/measurements"),
  join(ROOT, "test/fixtures/eq"),
  join(ROOT, "test/fixtures/receivers"),
  join(SHARED, "measurements"),
  join(SHARED, "autoeq-results"),
  join(SHARED, "targets"),
  join(SHARED, "receivers"),
];

function baseFiles() {
  const files = [];
  for (const dir of SOURCES) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(csv|txt|tsv|frd|zma)$/i.test(name)) continue;
      files.push({ name, text: readFileSync(join(dir, name), "utf8") });
    }
  }
  return files;
}

let cachedBase;
const base = () => (cachedBase ??= baseFiles());

const ODD_NUMBERS = [
  "1e300",
  "-1e300",
  "1e-300",
  "1e999",
  "-1e999",
  "NaN",
  "nan",
  "Infinity",
  "-inf",
  "0",
  "-0",
  "",
  "0x10",
  "1,5",
  "1.2.3",
  "٣",
  "1e",
  "--5",
  "+7",
  ".",
  "5e-324",
  "1.7976931348623157e308",
];
const JUNK_LINES = [
  "* comment",
  "# Hz dB",
  "' REW",
  "frequency,raw",
  "Freq(Hz) SPL(dB) Phase(degrees)",
  "",
  "   ",
  "\t",
  "<html>",
  '{"a":1}',
  "END",
];

/** One damaging edit of a text. */
const MUTATIONS = [
  (t, r) => t.replaceAll(",", r.pick([";", "\t", " ", "|", ", "])),
  (t, r) => t.replaceAll(r.pick(["\t", " ", ";"]), ","),
  (t, r) => t.replaceAll(".", r.pick([",", "·"])),
  (t) => `\uFEFF${t}`,
  (t) => `\uFFFE${t}`,
  (t, r) => t.replaceAll("\n", r.pick(["\r\n", "\r", "\n\n"])),
  (t, r) =>
    edit(t, r, (lines) => {
      const at = r.int(0, lines.length - 1);
      lines.splice(at, 0, ...Array(r.int(1, 3)).fill(lines[at]));
    }),
  (t, r) => edit(t, r, (lines) => lines.splice(0, lines.length, ...r.shuffle(lines))),
  (t, r) => edit(t, r, (lines) => lines.splice(r.int(0, lines.length - 1), r.int(1, 20))),
  (t, r) => edit(t, r, (lines) => lines.splice(r.int(0, lines.length), 0, r.pick(JUNK_LINES))),
  (t, r) => edit(t, r, (lines) => lines.reverse()),
  (t, r) => {
    const numbers = [...t.matchAll(/-?\d+(\.\d+)?(e-?\d+)?/gi)];
    if (numbers.length === 0) return t;
    const m = r.pick(numbers);
    return t.slice(0, m.index) + r.pick(ODD_NUMBERS) + t.slice(m.index + m[0].length);
  },
  (t, r) => {
    const at = r.int(0, t.length);
    const junk = Array.from({ length: r.int(1, 40) }, () =>
      String.fromCharCode(r.int(0, 255)),
    ).join("");
    return t.slice(0, at) + junk + t.slice(at);
  },
  (t, r) => t.slice(0, r.int(0, t.length)),
  (t, r) =>
    edit(t, r, (lines) => {
      const k = r.int(0, lines.length - 1);
      lines[k] = `${lines[k]}${r.pick([",", "\t", " "])}${r.pick(ODD_NUMBERS)}`;
    }),
  (t, r) =>
    edit(t, r, (lines) => {
      const k = r.int(0, lines.length - 1);
      const cells = lines[k].split(/[,\t ;]+/);
      lines[k] = r.shuffle(cells).join(",");
    }),
  (t, r) =>
    edit(t, r, (lines) => {
      // A long run of one row, up to ~2 MB (the size of the largest real exports): the reader's
      // speed on big damaged files. (At 14 MB a file of duplicated rows took 35 s on a loaded
      // machine: the reader words an issue for every row before it keeps the first few.)
      const k = r.int(0, lines.length - 1);
      const copies = Math.min(r.int(100, 5000), Math.floor(2e6 / (lines[k].length + 1)));
      lines.splice(k, 0, ...Array(copies).fill(lines[k]));
    }),
  (t, r) => t.replaceAll(/\d/g, (d) => (r.chance(0.02) ? r.pick(["9", "e", "-", "", "99999"]) : d)),
];

function edit(text, r, change) {
  const lines = text.split("\n");
  if (lines.length === 0) return text;
  change(lines);
  return lines.join("\n");
}

/** Text made from scratch: rows of numbers in one of the dialects, or none. */
function madeUp(r) {
  const delimiter = r.pick([",", "\t", " ", ";", ", "]);
  const rows = r.int(0, 60);
  const columns = r.int(1, 4);
  const lines = r.chance(0.5) ? [r.pick(JUNK_LINES)] : [];
  let f = r.logUniform(0.001, 1e6);
  for (let i = 0; i < rows; i++) {
    f *= r.chance(0.9) ? r.logUniform(1.001, 1.3) : r.logUniform(0.5, 2);
    const cells = [String(f)];
    for (let c = 1; c < columns; c++)
      cells.push(
        String(
          r.chance(0.95) ? (r.next() - 0.5) * r.pick([2, 200, 2e4, 2e300]) : r.pick(ODD_NUMBERS),
        ),
      );
    lines.push(cells.join(delimiter));
  }
  return lines.join(r.pick(["\n", "\r\n"]));
}

export const measurementKind = {
  name: "measurements",
  generate(r) {
    if (r.chance(0.15))
      return {
        name: r.pick(["x.csv", "x.txt", "x.zma", "x.frd"]),
        text: madeUp(r),
        edits: ["made up"],
      };
    const file = r.pick(base());
    let text = file.text;
    const edits = [];
    // Mostly one edit, so that many damaged files are still read and go on to be rated.
    for (let k = r.pick([1, 1, 1, 2, 3]); k > 0; k--) {
      const index = r.int(0, MUTATIONS.length - 1);
      text = MUTATIONS[index](text, r);
      edits.push(index);
    }
    return { name: file.name, text, edits };
  },
  describe: (input) =>
    `${input.name}, edits ${JSON.stringify(input.edits)}, ${input.text.length} characters`,
  check(input, api) {
    const {
      tryParseMeasurement,
      scoreCurve,
      smoothFractionalOctave,
      normalize,
      formatCsv,
      BUILT_IN_TARGETS,
    } = api;
    const read = tryParseMeasurement(input.text, { source: input.name });
    if (!read.ok) return refusal(read.issues);
    const curve = read.value;
    const { frequencyHz, values, phaseDeg } = curve;
    if (frequencyHz.length < 2 || values.length !== frequencyHz.length)
      return `curve of ${frequencyHz.length} frequencies and ${values.length} values`;
    for (let i = 0; i < frequencyHz.length; i++) {
      if (!(frequencyHz[i] > (i === 0 ? 0 : frequencyHz[i - 1])))
        return `frequencyHz[${i}] = ${frequencyHz[i]} is not above the one before`;
      if (!Number.isFinite(values[i])) return `values[${i}] = ${values[i]}`;
      if (phaseDeg !== undefined && !Number.isFinite(phaseDeg[i]))
        return `phaseDeg[${i}] = ${phaseDeg[i]}`;
    }
    const target = BUILT_IN_TARGETS["harman-in-ear-2019v2"];
    const uses = [
      () => scoreCurve(curve, target),
      () => smoothFractionalOctave(curve, 1 / 12),
      () => normalize(curve, { at: 1000 }),
      () => normalize(curve, "midband"),
      () => api.parseMeasurement(formatCsv(curve)),
    ];
    for (const use of uses) {
      const failure = tympanErrorOr(api, use);
      if (failure !== undefined) return failure;
    }
    return undefined;
  },
};

/** Runs `use`: a TympanError is a fine answer; another error or a non-finite number is a failure. */
export function tympanErrorOr(api, use) {
  let value;
  try {
    value = use();
  } catch (error) {
    if (error instanceof api.TympanError) return checkIssues(error.issues);
    throw error;
  }
  return api.nonFinitePath(value);
}

/** A refusal with well-formed issues, tallied by its first code; malformed issues are a failure. */
export function refusal(issues) {
  return checkIssues(issues) ?? { refused: issues[0].code };
}

/** Issues must each have a code, a path and a message a person can act on. */
export function checkIssues(issues) {
  if (!Array.isArray(issues) || issues.length === 0) return "an empty list of issues";
  for (const issue of issues) {
    if (typeof issue.code !== "string" || !Array.isArray(issue.path))
      return `a malformed issue ${JSON.stringify(issue)}`;
    if (typeof issue.message !== "string" || issue.message.trim() === "")
      return `an issue without a message (${issue.code})`;
  }
  return undefined;
}
