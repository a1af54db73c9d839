// The files of a folder the user gives the graph tool, picked (<input webkitdirectory>) or dropped
// (DataTransferItem.webkitGetAsEntry, then the directory reader): its measurement files and a
// squig.link phone_book.json, from every subfolder.

/** The files a folder may hold that the graph tool reads: measurements and a squig.link phone book. */
const FOLDER_FILE = /\.(txt|csv|tsv|frd|zma)$|phone_book\.json$/i;

/** The measurement files and phone book among a folder's files (notes, images and the like left out). */
export function folderMeasurementFiles(files: Iterable<File>): File[] {
  return Array.from(files).filter((file) => FOLDER_FILE.test(file.name));
}

/** The part of the File and Directory Entries API a drop gives (FileSystemEntry in the DOM). */
export interface DroppedEntry {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
  file?(success: (file: File) => void, failure?: (error: unknown) => void): void;
  createReader?(): {
    readEntries(
      success: (entries: DroppedEntry[]) => void,
      failure?: (error: unknown) => void,
    ): void;
  };
}

/**
 * What a drop brings: when it holds a folder, the folder's measurement files (subfolders included);
 * otherwise the dropped files as they are. The entries must be taken while the drop event runs (the
 * browser empties its DataTransfer afterwards), so call this from the handler, not after an await.
 */
export function filesOfDrop(transfer: DataTransfer): Promise<File[]> {
  const entries = Array.from(transfer.items ?? [])
    .map((item) => item.webkitGetAsEntry?.() as DroppedEntry | null | undefined)
    .filter((entry): entry is DroppedEntry => entry != null);
  if (!entries.some((entry) => entry.isDirectory))
    return Promise.resolve(Array.from(transfer.files));
  return filesOfEntries(entries);
}

/** Every file under the entries, folders walked depth-first, keeping only folder measurement files. */
export async function filesOfEntries(entries: readonly DroppedEntry[]): Promise<File[]> {
  const files: File[] = [];
  for (const entry of entries) {
    if (entry.isFile && entry.file) files.push(await fileOf(entry));
    else if (entry.isDirectory && entry.createReader) {
      files.push(...(await filesOfEntries(await childrenOf(entry))));
    }
  }
  return folderMeasurementFiles(files);
}

function fileOf(entry: DroppedEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file!(resolve, reject));
}

/** A folder's entries: readEntries gives them in batches (100 at a time in Chromium) until empty. */
async function childrenOf(folder: DroppedEntry): Promise<DroppedEntry[]> {
  const reader = folder.createReader!();
  const children: DroppedEntry[] = [];
  for (;;) {
    const batch = await new Promise<DroppedEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return children;
    children.push(...batch);
  }
}
