// Files the user gives the page (picked, dropped, or a whole folder): designs go to the designer,
// measurements to the graph tool, kept in IndexedDB. A file the reader rejects becomes an alert that
// names the file and line; the other files still load.
import {
  type Measurement,
  measurements,
  openDesign,
  showAlert,
  target,
} from "../state/appState.js";
import { addUploadedTarget } from "../state/uploadedTargets.js";
import { storeMeasurement } from "../storage/measurementStore.js";
import { client } from "../state/worker.js";
import { paletteColor } from "../view/palette.js";
import { userFileText } from "./userFileText.js";

/** A file's text, or undefined with an alert naming the file when it is too large to read. */
async function textWithinLimit(file: File, what: string): Promise<string | undefined> {
  const read = await userFileText(file, what, async (request) => {
    const { reply } = await client.call("fileSize", request);
    return reply;
  });
  if (read.ok) return read.text;
  showAlert(read.message);
  return undefined;
}

const MEASUREMENT_FILE = "a measurement file (.csv, .txt, .frd or .zma)";

export async function openDesignFile(file: File): Promise<void> {
  const text = await textWithinLimit(file, "a design file (.json or .yaml)");
  if (text === undefined) return;
  const { reply } = await client.call("parseDesign", { fileName: file.name, text });
  if (!reply.ok) return showAlert(reply.message);
  openDesign(reply.value, null, file.name);
}

/**
 * Measurement files, read in parallel and added at once (one redraw, not one per file). A squig.link
 * phone_book.json among them names its phones: their "<file> L.txt" and "R.txt" are added under the
 * phone's name, and phones whose files were not given are reported.
 */
export async function addMeasurementFiles(files: Iterable<File>): Promise<void> {
  const all = Array.from(files);
  const book = all.find((file) => /phone_book\.json$/i.test(file.name));
  const names = book ? await phoneNames(book, all) : new Map<string, string>();
  const texts: { fileName: string; text: string; name?: string }[] = [];
  for (const file of all) {
    if (file === book || /\.json$/i.test(file.name)) continue;
    const name = names.get(file.name);
    const text = await textWithinLimit(file, MEASUREMENT_FILE);
    if (text !== undefined) texts.push({ fileName: file.name, text, ...(name ? { name } : {}) });
  }
  await addMeasurementTexts(texts, { store: true });
}

/** File name → curve name for the files a phone book lists ("Alpha Reference L.txt" → "Alpha Reference L"). */
async function phoneNames(book: File, files: readonly File[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const text = await textWithinLimit(book, "a squig.link phone_book.json");
  if (text === undefined) return names;
  const { reply } = await client.call("phoneBook", { fileName: book.name, text });
  if (!reply.ok) {
    showAlert(reply.message);
    return names;
  }
  const given = new Set(files.map((file) => file.name));
  const missing: string[] = [];
  for (const { name, file } of reply.value.files) {
    let found = false;
    for (const side of ["L", "R"]) {
      if (given.has(`${file} ${side}.txt`)) {
        names.set(`${file} ${side}.txt`, `${name} ${side}`);
        found = true;
      }
    }
    if (!found) missing.push(name);
  }
  const notes = [
    ...reply.value.skipped,
    ...(missing.length > 0
      ? [
          `${book.name} lists ${missing.join(", ")}, whose "<file> L.txt"/"R.txt" were not among the files given; add them with the book (or add the whole folder)`,
        ]
      : []),
  ];
  if (notes.length > 0) showAlert(notes.join("\n"));
  return names;
}

/** Reads measurements in the worker and adds those it could read; each one it could not is an alert. */
export async function addMeasurementTexts(
  files: readonly { fileName: string; text: string; id?: string; name?: string }[],
  options: { store: boolean },
): Promise<void> {
  const replies = await Promise.all(
    files.map((file) =>
      client.call("parseMeasurement", { fileName: file.fileName, text: file.text }),
    ),
  );
  const added: Measurement[] = [];
  replies.forEach(({ reply }, i) => {
    const file = files[i]!;
    if (!reply.ok) return showAlert(reply.message);
    const id = file.id ?? uniqueId(reply.value.name, added);
    const color = paletteColor(measurements.value.length + added.length);
    added.push({ id, fileName: file.fileName, curve: reply.value, hidden: false, color });
    if (options.store)
      void storeMeasurement({
        id,
        fileName: file.fileName,
        text: file.text,
        ...(file.name ? { name: file.name } : {}),
      }).catch(() => undefined);
  });
  if (added.length > 0) measurements.value = [...measurements.value, ...added];
}

function uniqueId(name: string, alsoTaken: readonly Measurement[]): string {
  const taken = new Set([...measurements.value, ...alsoTaken].map((m) => m.id));
  let id = name;
  for (let n = 2; taken.has(id); n++) id = `${name} (${n})`;
  return id;
}

/** Target files the user picked or dropped: each becomes a target to choose; the last one is chosen. */
export async function addTargetFiles(files: Iterable<File>): Promise<void> {
  const texts: { fileName: string; text: string }[] = [];
  for (const file of files) {
    const text = await textWithinLimit(file, "a target file (.csv or .txt)");
    if (text !== undefined) texts.push({ fileName: file.name, text });
  }
  await addTargetTexts(texts, { store: true, choose: true });
}

/** Reads targets in the worker (the library's reader); each file it could not read is an alert. */
export async function addTargetTexts(
  files: readonly { fileName: string; text: string }[],
  options: { store: boolean; choose: boolean },
): Promise<void> {
  const replies = await Promise.all(
    files.map((file) => client.call("parseTarget", { fileName: file.fileName, text: file.text })),
  );
  let chosen: string | undefined;
  replies.forEach(({ reply }, i) => {
    const file = files[i]!;
    if (!reply.ok) return showAlert(reply.message);
    chosen = addUploadedTarget(file.fileName, reply.value);
    if (options.store)
      void storeMeasurement({
        id: `target:${chosen}`,
        fileName: file.fileName,
        text: file.text,
        role: "target",
      }).catch(() => undefined);
  });
  if (options.choose && chosen !== undefined) target.value = { ...target.value, base: chosen };
}
