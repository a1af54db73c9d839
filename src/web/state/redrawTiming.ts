// The edit→drawn cycle as a User Timing measure, "tympan:redraw", so anyone can read the figure
// (performance.getEntriesByName("tympan:redraw")) and bench/web.js takes its median.
let editStartedAt: number | undefined;

/** An edit that will redraw the designer happened now (the first one counts until drawn). */
export function markEdit(): void {
  editStartedAt ??= performance.now();
}

/** The charts took the new data: measure once the browser has painted the frame. */
export function markDrawn(): void {
  // Startup to first chart: a mark at the first drawn frame (its startTime is since navigation).
  if (performance.getEntriesByName("tympan:first-chart").length === 0) {
    requestAnimationFrame(() => performance.mark("tympan:first-chart"));
  }
  const start = editStartedAt;
  if (start === undefined) return;
  editStartedAt = undefined;
  requestAnimationFrame(() => {
    performance.measure("tympan:redraw", { start, end: performance.now() });
  });
}
