// The page: a header with the tabs, the alert region, and the open tool.
import type { JSX } from "preact";
import { catalogue, tab } from "../state/appState.js";
import { TABS, type Tab } from "../state/urlState.js";
import { Alerts } from "./Alerts.js";
import { Designer } from "./Designer.js";
import { EqPanel } from "./EqPanel.js";
import { GraphTool } from "./GraphTool.js";
import { SourcePanel } from "./SourcePanel.js";

const TAB_LABELS: Record<Tab, string> = {
  designer: "Designer",
  graph: "Graph",
  eq: "EQ",
  source: "Source",
};
const PANELS: Record<Tab, () => JSX.Element> = {
  designer: Designer,
  graph: GraphTool,
  eq: EqPanel,
  source: SourcePanel,
};

export function App() {
  const current = tab.value;
  const Panel = PANELS[current];
  return (
    <>
      <header class="masthead">
        <h1>Tympan</h1>
        <p class="tagline">
          Design in-ear monitors, compare measurements, fit EQ — simulated in your browser.
        </p>
        <div role="tablist" aria-label="Tools" onKeyDown={moveBetweenTabs}>
          {TABS.map((name) => (
            <button
              key={name}
              id={`tab-${name}`}
              role="tab"
              type="button"
              aria-selected={current === name}
              aria-controls="panel"
              tabIndex={current === name ? 0 : -1}
              onClick={() => (tab.value = name)}
            >
              {TAB_LABELS[name]}
            </button>
          ))}
        </div>
      </header>
      <main>
        <Alerts />
        <section id="panel" role="tabpanel" aria-labelledby={`tab-${current}`}>
          {catalogue.value ? <Panel /> : <p role="status">Loading the library…</p>}
        </section>
      </main>
    </>
  );
}

/** Arrow keys move between tabs (the ARIA tabs pattern), Home and End to the ends. */
function moveBetweenTabs(event: KeyboardEvent): void {
  const index = TABS.indexOf(tab.value);
  const next =
    event.key === "ArrowRight"
      ? (index + 1) % TABS.length
      : event.key === "ArrowLeft"
        ? (index + TABS.length - 1) % TABS.length
        : event.key === "Home"
          ? 0
          : event.key === "End"
            ? TABS.length - 1
            : undefined;
  if (next === undefined) return;
  event.preventDefault();
  tab.value = TABS[next]!;
  document.getElementById(`tab-${TABS[next]}`)?.focus();
}
