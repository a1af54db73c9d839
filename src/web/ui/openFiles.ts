// Files the user gives the page (picked, dropped, or a whole folder): designs go to the designer,
// measurements to the graph tool, kept in IndexedDB. A file the reader rejects becomes an alert that
// names the file and line; the other files still load.
import { measurements, openDesign, showAlert } from "../state/appState.js";
import { storeMeasurement } from "../storage/measurementStore.js";
import { client } from "../state/worker.js";
import { paletteColor } from "../view/palette.js";

export async function openDesignFile(file: File): Promise<void> {
  const text = await file.text();
  const { reply } = await client.call("parseDesign", { fileName: file.name, text });
  if (!reply.ok) return showAlert(reply.message);
  openDesign(reply.value, null, file.name);
}

/** Measurement files by name; a phone_book.json among them is reported (see addMeasurements). */
export async function addMeasurementFiles(files: Iterable<File>): Promise<void> {
  for (const file of files) {
    if (/phone_book\.json$/i.test(file.name)) {
      showAlert(
        `${file.name}: a squig.link phone book; add its measurement files (the "<file> L.txt" and "R.txt" beside it) directly — they are read by name`,
      );
      continue;
    }
    const text = await file.text();
    await addMeasurementText(file.name, text, { store: true });
  }
}

/** Reads one measurement; `store` keeps it for the next visit. Returns whether it was read. */
export async function addMeasurementText(
  fileName: string,
  text: string,
  options: { store: boolean; id?: string },
): Promise<boolean> {
  const { reply } = await client.call("parseMeasurement", { fileName, text });
  if (!reply.ok) {
    showAlert(reply.message);
    return false;
  }
  const id = options.id ?? uniqueId(reply.value.name);
  measurements.value = [
    ...measurements.value,
    {
      id,
      fileName,
      curve: reply.value,
      hidden: false,
      color: paletteColor(measurements.value.length),
    },
  ];
  if (options.store) await storeMeasurement({ id, fileName, text }).catch(() => undefined);
  return true;
}

function uniqueId(name: string): string {
  const taken = new Set(measurements.value.map((m) => m.id));
  let id = name;
  for (let n = 2; taken.has(id); n++) id = `${name} (${n})`;
  return id;
}
