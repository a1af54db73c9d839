// Masonry for the parameter table: a grid of small rows in which each element spans as many rows as
// it is tall, so short elements fill the gaps beside long ones (CSS columns did this, but inside a
// multi-column layout one typed value re-laid out every field: ≈ 12 ms of each redraw). A box's
// span changes only when its height does, which a typed value never changes.
import { useLayoutEffect, useRef } from "preact/hooks";

/** The grid's row unit and the gap left under each box, in CSS pixels (see .element-columns). */
export const MASONRY_ROW_PX = 4;
export const MASONRY_GAP_PX = 10;

let observer: ResizeObserver | undefined;

const resized = new Set<HTMLElement>();

/**
 * Spans are set at the next frame, not in the observer's callback: a layout change inside it would
 * make the browser report "ResizeObserver loop completed with undelivered notifications".
 */
function noteResized(entries: readonly ResizeObserverEntry[]): void {
  if (resized.size === 0) requestAnimationFrame(spanBoxes);
  for (const entry of entries) resized.add(entry.target as HTMLElement);
}

function spanBoxes(): void {
  const boxes = [...resized].filter((box) => box.isConnected);
  resized.clear();
  // All heights first, then all spans: reading after each write would lay the grid out each time.
  const spans = boxes.map((box) => {
    const heightPx = box.getBoundingClientRect().height;
    return `span ${Math.max(1, Math.ceil((heightPx + MASONRY_GAP_PX) / MASONRY_ROW_PX))}`;
  });
  boxes.forEach((box, i) => {
    if (box.style.gridRowEnd !== spans[i]) box.style.gridRowEnd = spans[i]!;
  });
}

/** A ref for a box of the masonry grid: its row span follows its height. */
export function useMasonryBox<T extends HTMLElement>() {
  const box = useRef<T>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (element === null) return;
    observer ??= new ResizeObserver(noteResized);
    observer.observe(element);
    return () => observer?.unobserve(element);
  }, []);
  return box;
}
