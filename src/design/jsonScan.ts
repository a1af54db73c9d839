/**
 * A single pass over JSON text that finds what JSON.parse does not tell: a key repeated within one
 * object (JSON.parse silently keeps the last), and a trailing comma before `]` or `}` (which some
 * engines report without a position). Positions are 1-based line and column.
 */
export interface TextPosition {
  readonly line: number;
  readonly col: number;
}

export interface JsonScan {
  readonly duplicateKey?: { readonly key: string; readonly at: TextPosition };
  /** The closing bracket that follows a trailing comma. */
  readonly trailingComma?: TextPosition;
}

export function scanJson(text: string): JsonScan {
  // One frame per open object/array: an object's keys seen so far, and whether a key comes next.
  const frames: { keys: Set<string> | undefined; expectKey: boolean }[] = [];
  let line = 1;
  let lineStart = 0;
  let lastComma: TextPosition | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "\n") {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (char === " " || char === "\t" || char === "\r") continue;
    const here = { line, col: i - lineStart + 1 };
    if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      const frame = frames[frames.length - 1];
      if (frame?.keys && frame.expectKey) {
        const key = text.slice(i + 1, end);
        if (frame.keys.has(key)) return { duplicateKey: { key, at: here } };
        frame.keys.add(key);
        frame.expectKey = false;
      }
      i = end;
      lastComma = undefined;
      continue;
    }
    if (char === "{" || char === "[") {
      frames.push({ keys: char === "{" ? new Set() : undefined, expectKey: char === "{" });
    } else if (char === "}" || char === "]") {
      if (lastComma) return { trailingComma: here };
      frames.pop();
    } else if (char === ",") {
      const frame = frames[frames.length - 1];
      if (frame?.keys) frame.expectKey = true;
      lastComma = here;
      continue;
    }
    lastComma = undefined;
  }
  return {};
}
