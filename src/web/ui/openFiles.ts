// Files the user gives the page (picked, dropped, or a whole folder): designs go to the designer,
// measurements to the graph tool, kept in IndexedDB. A file the reader rejects becomes an alert that
// names the file and line; the other files still load.
import { type Measurement, measurements, openDesign, showAlert } from "../state/appState.js";
import { storeMeasurement } from "../storage/measurementStore.js";
import { client } from "../state/worker.js";
import { paletteColor } from "../view/palette.js";

export async function openDesignFile(file: File): Promise<void> {
  const text = await file.text();
  const { reply } = await client.call("parseDesign", { fileName: file.name, text });
  if (!reply.ok) return showAlert(reply.message);
  openDesign(reply.value, null, file.name);
}

/**
 * Measurement files, read in parallel and added at once (one redraw, not one per file). A
 * phone_book.json among them is reported: its files are added as the files they are.
 */
export async function addMeasurementFiles(files: Iterable<File>): Promise<void> {
  const texts: { fileName: string; text: string }[] = [];
  for (const file of files) {
    if (/phone_book\.json$/i.test(file.name)) {
      showAlert(
        `${file.name}: a squig.link phone book; add its measurement files (the "<file> L.txt" and "R.txt" beside it) directly — they are read by name`,
      );
      continue;
    }
    texts.push({ fileName: file.name, text: await file.text() });
  }
  await addMeasurementTexts(texts, { store: true });
}

/** Reads measurements in the worker and adds those it could read; each one it could not is an alert. */
export async function addMeasurementTexts(
  files: readonly { fileName: string; text: string; id?: string }[],
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
      void storeMeasurement({ id, fileName: file.fileName, text: file.text }).catch(
        () => undefined,
      );
  });
  if (added.length > 0) measurements.value = [...measurements.value, ...added];
}

function uniqueId(name: string, alsoTaken: readonly Measurement[]): string {
  const taken = new Set([...measurements.value, ...alsoTaken].map((m) => m.id));
  let id = name;
  for (let n = 2; taken.has(id); n++) id = `${name} (${n})`;
  return id;
}
