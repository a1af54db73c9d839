import type { Reply } from "../worker/protocol.js";

/** Asks whether a file of `bytes` may be read (the worker's fileSize call). */
export type FileSizeCheck = (request: {
  fileName: string;
  bytes: number;
  what: string;
}) => Promise<Reply<true>>;

/**
 * A file's text, or why it is refused: a file larger than the library's limit for user files is not
 * read (the reader's limits hold in the page as on the command line; the library's check runs in
 * the worker, so the page ships none of its code). `what` says what to give instead, e.g. "a
 * measurement file (.csv, .txt, .frd or .zma)".
 */
export async function userFileText(
  file: Pick<File, "name" | "size" | "text">,
  what: string,
  check: FileSizeCheck,
): Promise<
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string }
> {
  const reply = await check({ fileName: file.name, bytes: file.size, what });
  if (!reply.ok) return { ok: false, message: reply.message };
  return { ok: true, text: await file.text() };
}
