import { TympanError, errorIssue, oversizeFileMessage } from "../../index.js";

/**
 * Whether a file the user gave is small enough to read (the library's limit for user files, as on
 * the command line): asked before the page reads it, so a huge file is never read whole.
 *
 * @throws TympanError naming the file, its size and the limit.
 */
export function checkFileSize(request: {
  readonly fileName: string;
  readonly bytes: number;
  readonly what: string;
}): true {
  const oversize = oversizeFileMessage(request.bytes, request.what);
  if (oversize !== undefined) {
    throw new TympanError([errorIssue("unreadable-file", [], oversize)], request.fileName);
  }
  return true;
}
