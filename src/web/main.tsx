// Starts the page: ask the worker for the catalogue, restore the state from the link, keep the link
// in step, and bring back the measurements kept from earlier visits.
import "./localeGuard.js"; // first: before uPlot reads navigator.language
import { render } from "preact";
import { catalogue, redoEdit, showAlert, undoEdit } from "./state/appState.js";
import { startDesignDistortion } from "./state/designDistortion.js";
import { startDesignSimulation } from "./state/designSimulation.js";
import { startGraphCurves } from "./state/graphCurves.js";
import { restoreFromUrl, startUrlSync } from "./state/urlSync.js";
import { client } from "./state/worker.js";
import { storedMeasurements } from "./storage/measurementStore.js";
import { App } from "./ui/App.js";
import { addMeasurementTexts, addTargetTexts } from "./ui/openFiles.js";
import { startSourceMatching } from "./ui/SourcePanel.js";
import "./ui/styles.css";

render(<App />, document.getElementById("app")!);

async function start(): Promise<void> {
  const { reply, workerMs } = await client.call("catalogue", {});
  performance.mark("tympan:catalogue", { detail: { workerMs } });
  if (!reply.ok) return showAlert(`the library did not start: ${reply.message}`);
  catalogue.value = reply.value;
  restoreFromUrl(location.hash);
  startUrlSync();
  startDesignSimulation();
  startDesignDistortion();
  startGraphCurves();
  startSourceMatching();
  const stored = await storedMeasurements();
  await Promise.all([
    addTargetTexts(
      stored.filter((entry) => entry.role === "target"),
      { store: false, choose: false },
    ),
    addMeasurementTexts(
      stored.filter((entry) => entry.role !== "target"),
      { store: false },
    ),
  ]);
}

// Undo and redo from the keyboard anywhere on the page except in text a user is typing.
document.addEventListener("keydown", (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
  const key = event.key.toLowerCase();
  if (key === "z" && !event.shiftKey) undoEdit();
  else if (key === "y" || (key === "z" && event.shiftKey)) redoEdit();
  else return;
  event.preventDefault();
});

window.addEventListener("error", (event) => showAlert(`unexpected error: ${event.message}`));
window.addEventListener("unhandledrejection", (event) =>
  showAlert(`unexpected error: ${String(event.reason)}`),
);

void start();
