// The designer's distortion view: recomputed when the design, fit, source or level changes, but only
// while the view is open, on its own worker, and only once edits pause: DISTORTION_DELAY_MS after
// the linear charts took the edit's simulation (designView), and a change cancels a running
// computation (its worker is terminated). So it never sits in the edit→drawn path of the linear
// charts (`tympan:redraw`), nor competes for the CPU while they redraw.
import { effect, signal } from "@preact/signals";
import type { DistortionView } from "../worker/protocol.js";
import { CancellableWorker, type TerminableWorker } from "../worker/cancellableWorker.js";
import {
  currentDesign,
  designView,
  distortionSettings,
  fitScenario,
  outputImpedanceOhm,
} from "./appState.js";

/** Points of the 20 Hz–10 kHz sweep (1 kHz is added): each is a harmonic-balance solve. */
export const DISTORTION_POINTS = 25;

/** Quiet time after the last change before the distortion is computed (longer than a redraw). */
export const DISTORTION_DELAY_MS = 300;

export const distortionView = signal<DistortionView | null>(null);
export const distortionFailure = signal<string | null>(null);
export const distortionComputing = signal(false);

const calls = new CancellableWorker(
  () =>
    new Worker(new URL("../worker/simulationWorker.ts", import.meta.url), {
      type: "module",
      name: "tympan-distortion",
    }) as unknown as TerminableWorker,
);

export function startDesignDistortion(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The request last answered: a new designView of the same design (a target change) asks nothing.
  let answeredKey: string | undefined;
  const stop = effect(() => {
    const { open, levelDb } = distortionSettings.value;
    const design = currentDesign.value;
    const fit = fitScenario.value;
    const ohm = outputImpedanceOhm.value;
    // Read for its timing only: the countdown starts once the linear charts have the edit.
    void designView.value;
    clearTimeout(timer);
    calls.cancel();
    if (!open || design === null) {
      distortionComputing.value = false;
      return;
    }
    // Nothing here touches what the page shows: the edit's own redraw goes first, undisturbed.
    timer = setTimeout(() => {
      const key = JSON.stringify([design, levelDb, fit, ohm]);
      if (key === answeredKey) {
        // Back to what is shown (an undo over a cancelled computation): nothing to compute.
        distortionComputing.value = false;
        return;
      }
      distortionComputing.value = true;
      const request = {
        design,
        levelDb,
        points: DISTORTION_POINTS,
        fit,
        ...(ohm !== undefined ? { outputImpedanceOhm: ohm } : {}),
      };
      void calls.call("distortion", request).then((result) => {
        if (result === undefined) return;
        distortionComputing.value = false;
        performance.mark("tympan:distortion", { detail: { workerMs: result.workerMs } });
        answeredKey = key;
        if (result.reply.ok) {
          distortionFailure.value = null;
          distortionView.value = result.reply.value;
        } else {
          distortionFailure.value = result.reply.message;
        }
      });
    }, DISTORTION_DELAY_MS);
  });
  return () => {
    clearTimeout(timer);
    calls.cancel();
    stop();
  };
}
