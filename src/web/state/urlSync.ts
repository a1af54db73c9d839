// The URL as a view of the state: read once at startup, rewritten after every change.
import { effect } from "@preact/signals";
import type { Design } from "../../index.js";
import {
  catalogue,
  eqSettings,
  fitScenario,
  graphSettings,
  measurements,
  openDesign,
  outputImpedanceOhm,
  shareState,
  showAlert,
  sourceSettings,
  distortionSettings,
  tab,
  target,
} from "./appState.js";
import { applyEdits } from "./designEdits.js";
import { type ShareState, decodeState, encodeState } from "./urlState.js";

/** Applies the link's state; call once the catalogue (the reference designs) is known. */
export function restoreFromUrl(fragment: string): ShareState {
  const { state, problems } = decodeState(fragment);
  for (const problem of problems) showAlert(problem);
  tab.value = state.tab;
  target.value = state.target;
  fitScenario.value = state.fit;
  outputImpedanceOhm.value = state.outputImpedanceOhm;
  graphSettings.value = state.graph;
  eqSettings.value = state.eq;
  sourceSettings.value = state.source;
  distortionSettings.value = state.distortion;
  if (state.design.kind === "custom") {
    openDesign(state.design.design as Design, null, null);
    return state;
  }
  const designs = catalogue.value?.designs ?? [];
  const named = state.design.name;
  const reference = designs.find((entry) => entry.name === named) ?? designs[0];
  if (reference === undefined) return state;
  if (reference.name !== named) {
    showAlert(
      `the link names a design "${named}" that this version does not have; showing ${reference.name}`,
    );
  }
  const { design, unknown } = applyEdits(reference.design, state.design.edits);
  for (const edit of unknown) {
    showAlert(
      `the link edits ${edit.elementId}, which ${reference.name} does not have; that edit was left out`,
    );
  }
  openDesign(design, reference.name, null);
  return state;
}

/**
 * How long the address bar waits after an edit. history.replaceState costs the page's thread a few
 * milliseconds (a round trip to the browser), which the designer's redraw needs more: the link is
 * written once the edits pause, and at the latest when the page is hidden.
 */
export const URL_WRITE_DELAY_MS = 120;

/** Keeps the address bar equal to the state (replaceState: edits do not flood the back button). */
export function startUrlSync(): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  let fragment: string | undefined;
  const write = () => {
    pending = undefined;
    if (fragment !== undefined && location.hash !== fragment) {
      history.replaceState(null, "", fragment);
    }
  };
  const flush = () => {
    if (pending !== undefined) clearTimeout(pending);
    write();
  };
  addEventListener("pagehide", flush);
  const stop = effect(() => {
    const state = shareState.value;
    if (state === null) return;
    fragment = `#${encodeState(state)}`;
    if (pending !== undefined) clearTimeout(pending);
    pending = setTimeout(write, URL_WRITE_DELAY_MS);
  });
  return () => {
    stop();
    flush();
    removeEventListener("pagehide", flush);
  };
}

/** The measurement names the link expects that are not loaded here: links cannot carry files. */
export function missingMeasurements(expected: readonly string[]): string[] {
  const loaded = new Set(measurements.value.map((m) => m.curve.name));
  return expected.filter((name) => !loaded.has(name));
}
