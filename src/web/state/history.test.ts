import { describe, expect, it } from "vitest";
import { HISTORY_LIMIT, amend, record, redo, startHistory, undo } from "./history.js";

describe("history", () => {
  it("undo and redo walk back and forth", () => {
    let h = record(record(startHistory(1), 2), 3);
    h = undo(h);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe(3);
    expect(redo(h)).toBe(h);
  });

  it("a new value after undo drops the redo steps", () => {
    const h = record(undo(record(startHistory("a"), "b")), "c");
    expect(h.future).toEqual([]);
    expect(h.past).toEqual(["a"]);
  });

  it("amend replaces the present without a step", () => {
    const h = amend(record(startHistory(1), 2), 3);
    expect(h.past).toEqual([1]);
    expect(h.present).toBe(3);
  });

  it(`keeps at most ${HISTORY_LIMIT} steps`, () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) h = record(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });
});
