// The user's measurement files, kept in this browser's IndexedDB between visits (never uploaded, never
// in a link). Stored as the text the user gave, so a newer reader can read them again.
const DATABASE = "tympan";
const STORE = "measurements";

export interface StoredMeasurement {
  readonly id: string;
  readonly fileName: string;
  readonly text: string;
  /** The curve's name when it is not the file's (a phone book's phone). */
  readonly name?: string;
  /** "target" for a target file the user uploaded; a measurement otherwise. */
  readonly role?: "target";
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB unavailable"));
  });
}

async function transact<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const database = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = run(database.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
    });
  } finally {
    database.close();
  }
}

export async function storeMeasurement(measurement: StoredMeasurement): Promise<void> {
  await transact("readwrite", (store) => store.put(measurement));
}

export async function removeStoredMeasurement(id: string): Promise<void> {
  await transact("readwrite", (store) => store.delete(id));
}

/** Every stored measurement; none when storage is unavailable (private windows, file:// pages). */
export async function storedMeasurements(): Promise<StoredMeasurement[]> {
  try {
    return await transact("readonly", (store) => store.getAll() as IDBRequest<StoredMeasurement[]>);
  } catch {
    return [];
  }
}
