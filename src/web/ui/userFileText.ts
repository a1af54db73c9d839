import { oversizeFileMessage } from "../../index.js";

/**
 * A file's text, or why it is refused: a file larger than the library's limit for user files is not
 * read (the reader's limits hold in the page as on the command line). `what` says what to give
 * instead, e.g. "a measurement file (.csv, .txt, .frd or .zma)".
 */
export async function userFileText(
  file: Pick<File, "name" | "size" | "text">,
  what: string,
): Promise<
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string }
> {
  const oversize = oversizeFileMessage(file.size, what);
  if (oversize !== undefined) return { ok: false, message: `${file.name}: ${oversize}` };
  return { ok: true, text: await file.text() };
}
