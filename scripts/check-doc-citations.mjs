// Checks that every citation of the reference documents resolves: each "docs/physics.md §n" and
// "docs/measurements.md §n" in the repository's sources names a section the document has. The older
// form of the same citations, "PHYSICS.md §n" and "MEASUREMENTS §n" (documents that used to live
// outside the repository), is checked against the same sections, so both forms pass until every
// citation is rewritten; --strict then refuses the older form and any mention of those documents
// that names no section.
//
//   node scripts/check-doc-citations.mjs [--root <dir>] [--strict] [--json]
//
// Exit code 0: every citation resolves; 1: one or more do not (each printed with file and line);
// 2: a wrong argument.
import console from "node:console";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import process from "node:process";
import { URL, fileURLToPath } from "node:url";

/** The documents a citation may name, by the names it may use for them. */
const DOCUMENTS = {
  physics: { path: "docs/physics.md", names: ["docs/physics.md", "PHYSICS.md", "PHYSICS"] },
  measurements: {
    path: "docs/measurements.md",
    names: ["docs/measurements.md", "MEASUREMENTS.md", "MEASUREMENTS"],
  },
};

/** Where citations are looked for, relative to the root; missing ones are skipped. */
const SCANNED = ["src", "test", "bench", "examples", "scripts", "docs", "README.md"];
const SKIPPED_DIRECTORIES = new Set(["node_modules", "dist", ".git", "coverage", "tympan-report"]);
const TEXT_EXTENSIONS = /\.(ts|tsx|mts|cts|js|mjs|cjs|json|md|yaml|yml|css|html|txt)$/;
/** This checker and its test quote wrong citations on purpose. */
const OWN_FILES = new Set(["scripts/check-doc-citations.mjs", "test/docs/citations.test.ts"]);

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const NAME_TO_DOCUMENT = new Map(
  Object.entries(DOCUMENTS).flatMap(([key, doc]) => doc.names.map((name) => [name, key])),
);
/** Longest names first, so "PHYSICS.md" is not read as "PHYSICS" followed by ".md". */
const NAME_PATTERN = [...NAME_TO_DOCUMENT.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join("|");
const SECTION = String.raw`\d+(?:\.\d+)*`;
/** A document name, then optionally its sections: "§3", "§5–6", "§§3–4", "§3, §4", "§3 and §4". */
const CITATION = new RegExp(
  String.raw`(?<![\w/])(?<name>${NAME_PATTERN})(?![\w/])` +
    String.raw`(?:\s*§§?\s*(?<sections>${SECTION}(?:\s*[–—-]\s*§?\s*${SECTION}|\s*(?:,|and|&|or)\s*§\s*${SECTION})*))?`,
  "g",
);

/** The section numbers of a markdown document: headings such as "## 3. Tubes" or "### 3.2 …". */
export function sectionNumbers(markdown) {
  const numbers = [];
  for (const match of markdown.matchAll(/^#{1,6}\s+§?(\d+(?:\.\d+)*)[.)]?\s+\S/gm)) {
    numbers.push(match[1]);
  }
  return numbers;
}

/** The sections a citation's section text names, ranges expanded: "5–6" → ["5", "6"]. */
function citedSections(text) {
  const sections = [];
  for (const part of text.split(/\s*(?:,|and|&|or)\s*/)) {
    const [from, to] = part.split(/\s*[–—-]\s*/).map((s) => s.replace(/^§+\s*/, ""));
    if (to === undefined) sections.push(from);
    else if (/^\d+$/.test(from) && /^\d+$/.test(to) && Number(from) <= Number(to)) {
      for (let n = Number(from); n <= Number(to); n++) sections.push(String(n));
    } else sections.push(from, to);
  }
  return sections;
}

/**
 * Inside a reference document, a bare "§n" means a section of the same document, unless the line
 * names the other document just before it ("[measurements.md](measurements.md) §4").
 */
function danglingInnerReferences(name, text, ownKey, sections) {
  const problems = [];
  for (const match of text.matchAll(/(?<![\w.])§(\d+(?:\.\d+)*)/g)) {
    const lineStart = text.lastIndexOf("\n", match.index) + 1;
    const before = text.slice(Math.max(lineStart, match.index - 40), match.index);
    const named = Object.keys(DOCUMENTS)
      .map((key) => [key, before.lastIndexOf(`${key}.md`)])
      .filter(([, at]) => at !== -1)
      .sort((a, b) => b[1] - a[1])[0];
    const key = named === undefined ? ownKey : named[0];
    const known = sections[key] ?? [];
    if (!known.includes(match[1])) {
      problems.push(
        `${name}:${lineOf(text, match.index)}: refers to §${match[1]} of ${DOCUMENTS[key].path}, ` +
          `which has no such section`,
      );
    }
  }
  return problems;
}

function filesUnder(root, path) {
  const absolute = join(root, path);
  if (!existsSync(absolute)) return [];
  if (statSync(absolute).isFile()) return [path];
  return readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory())
      return SKIPPED_DIRECTORIES.has(entry.name) ? [] : filesUnder(root, join(path, entry.name));
    return entry.isFile() && TEXT_EXTENSIONS.test(entry.name) ? [join(path, entry.name)] : [];
  });
}

function lineOf(text, index) {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * Every citation of the reference documents under `root`, checked against the documents' sections.
 * Returns { sections, citations, errors, warnings }: an error for each section a document does not
 * have (or a document that is missing); a warning for each mention in the older form that names no
 * section or that the planned rewrite ("PHYSICS.md §n" → "docs/physics.md §n", "MEASUREMENTS §n" →
 * "docs/measurements.md §n") would not reach. With `strict`, the older form is an error too.
 */
export function checkCitations(root, { strict = false } = {}) {
  const errors = [];
  const warnings = [];
  const sections = {};
  for (const [key, doc] of Object.entries(DOCUMENTS)) {
    const path = join(root, doc.path);
    sections[key] = existsSync(path) ? sectionNumbers(readFileSync(path, "utf8")) : undefined;
  }
  const citations = [];
  for (const file of SCANNED.flatMap((path) => filesUnder(root, path))) {
    const name = file.split(sep).join("/");
    if (OWN_FILES.has(name)) continue;
    const text = readFileSync(join(root, file), "utf8");
    const ownKey = Object.keys(DOCUMENTS).find((key) => DOCUMENTS[key].path === name);
    if (ownKey !== undefined) errors.push(...danglingInnerReferences(name, text, ownKey, sections));
    for (const match of text.matchAll(CITATION)) {
      const where = `${name}:${lineOf(text, match.index)}`;
      const cited = match.groups.name;
      const key = NAME_TO_DOCUMENT.get(cited);
      const doc = DOCUMENTS[key];
      const isPublic = cited === doc.path;
      if (match.groups.sections === undefined) {
        if (!isPublic) {
          const problem = `${where}: mentions ${cited} without a section; cite "${doc.path} §n" instead`;
          (strict ? errors : warnings).push(problem);
        }
        continue;
      }
      const numbers = citedSections(match.groups.sections);
      citations.push({ file: name, line: lineOf(text, match.index), document: doc.path, numbers });
      const known = sections[key];
      if (known === undefined) {
        errors.push(`${where}: cites ${match[0]}, but ${doc.path} does not exist`);
        continue;
      }
      for (const number of numbers.filter((n) => !known.includes(n))) {
        errors.push(
          `${where}: cites ${match[0]}, but ${doc.path} has no §${number} ` +
            `(its sections: ${known.map((n) => `§${n}`).join(", ") || "none"}); ` +
            `add the section or correct the citation`,
        );
      }
      if (!isPublic) {
        const rewritten = cited === "PHYSICS.md" || cited === "MEASUREMENTS";
        if (strict) errors.push(`${where}: cites ${match[0]}; write "${doc.path} §…" instead`);
        else if (!rewritten)
          warnings.push(
            `${where}: cites ${match[0]}, a form the planned rewrite to "${doc.path} §n" does not reach`,
          );
      }
    }
  }
  return { sections, citations, errors, warnings };
}

function usage(message) {
  console.error(`check-doc-citations: ${message}`);
  console.error("usage: node scripts/check-doc-citations.mjs [--root <dir>] [--strict] [--json]");
  process.exitCode = 2;
}

function main(args) {
  let root = resolve(fileURLToPath(new URL("..", import.meta.url)));
  let strict = false;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--strict") strict = true;
    else if (arg === "--json") json = true;
    else if (arg === "--root") {
      const value = args[++i];
      if (value === undefined) return usage("--root needs a directory");
      root = resolve(value);
      if (!existsSync(root) || !statSync(root).isDirectory())
        return usage(`--root ${value}: not a directory`);
    } else return usage(`unknown argument ${arg}`);
  }
  const result = checkCitations(root, { strict });
  if (json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    for (const warning of result.warnings) console.warn(`warning: ${warning}`);
    for (const error of result.errors) console.error(error);
    const where = relative(process.cwd(), root) || ".";
    console.log(
      `${result.citations.length} citations in ${where}: ` +
        (result.errors.length === 0 ? "all resolve" : `${result.errors.length} do not resolve`),
    );
  }
  // exitCode, not exit(): a large --json report into a pipe must be written out in full first.
  process.exitCode = result.errors.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
