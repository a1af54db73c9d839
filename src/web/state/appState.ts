// The page's state as a few signals; everything shown derives from them, and the URL is one more
// view of them (urlSync.ts). Actions are the only writers.
import { computed, signal } from "@preact/signals";
import type { Design } from "../../index.js";
import type {
  Catalogue,
  CurveData,
  DesignView,
  ImbalanceBandData,
  TargetSpec,
} from "../worker/protocol.js";
import {
  type ParameterEdit,
  addElement,
  parameterEdits,
  removeElement,
  setNodes,
  setParameter,
} from "./designEdits.js";
import { type History, amend, record, redo, startHistory, undo } from "./history.js";
import { DEFAULT_STATE, type DesignChoice, type ShareState, type Tab } from "./urlState.js";

export const catalogue = signal<Catalogue | null>(null);

/** The design being edited, with its undo/redo steps. */
export const designHistory = signal<History<Design> | null>(null);
/** The reference design it started from (null for an opened file): links carry only the edits. */
export const baseDesignName = signal<string | null>(null);
/** The file an opened design came from, for the download's name. */
export const designFileName = signal<string | null>(null);

export const tab = signal<Tab>(DEFAULT_STATE.tab);
export const target = signal<TargetSpec>(DEFAULT_STATE.target);
export const fitScenario = signal<string>(DEFAULT_STATE.fit);
export const outputImpedanceOhm = signal<number | undefined>(undefined);
export const graphSettings = signal<ShareState["graph"]>(DEFAULT_STATE.graph);
export const eqSettings = signal<ShareState["eq"]>(DEFAULT_STATE.eq);
export const sourceSettings = signal<ShareState["source"]>(DEFAULT_STATE.source);
/** The designer's distortion view (see designDistortion.ts): open or not, and its level. */
export const distortionSettings = signal<ShareState["distortion"]>(DEFAULT_STATE.distortion);

/** Messages for the page's alert region: bad files, damaged links. */
export const alerts = signal<{ id: number; message: string }[]>([]);

/** The latest simulation of the design, or the issues that stopped it. */
export const designView = signal<DesignView | null>(null);
export const designFailure = signal<{ message: string; issues: DesignIssue[] } | null>(null);
export interface DesignIssue {
  readonly message: string;
  readonly elementId?: string;
  readonly parameter?: string;
}

/** Measurements the user added (kept in IndexedDB, never in the link). */
export interface Measurement {
  readonly id: string;
  readonly fileName: string;
  readonly curve: CurveData;
  readonly hidden: boolean;
  readonly color: string;
  /** Something to say beside it in the legend (an L/R average's imbalance). */
  readonly note?: string;
  /** An L/R average's bands where the channels differ beyond the threshold, shaded on the graph. */
  readonly imbalanceBands?: readonly ImbalanceBandData[];
}
export const measurements = signal<Measurement[]>([]);

export const currentDesign = computed(() => designHistory.value?.present ?? null);

/** The design part of the share state: the reference name and edits, or the whole design. */
export const designChoice = computed<DesignChoice | null>(() => {
  const design = currentDesign.value;
  if (design === null) return null;
  const baseName = baseDesignName.value;
  const base = catalogue.value?.designs.find((entry) => entry.name === baseName)?.design;
  const edits = base ? parameterEdits(base, design) : undefined;
  return baseName !== null && edits !== undefined
    ? { kind: "reference", name: baseName, edits }
    : { kind: "custom", design };
});

export const shareState = computed<ShareState | null>(() => {
  const design = designChoice.value;
  if (design === null) return null;
  return {
    tab: tab.value,
    design,
    target: target.value,
    fit: fitScenario.value,
    ...(outputImpedanceOhm.value !== undefined
      ? { outputImpedanceOhm: outputImpedanceOhm.value }
      : {}),
    // The names of the measurements on screen; a link opened elsewhere keeps the names it brought.
    graph: {
      ...graphSettings.value,
      measurements:
        measurements.value.length > 0
          ? measurements.value.map((m) => m.curve.name)
          : graphSettings.value.measurements,
    },
    eq: eqSettings.value,
    source: sourceSettings.value,
    distortion: distortionSettings.value,
  };
});

let nextAlertId = 1;
export function showAlert(message: string): void {
  alerts.value = [...alerts.value, { id: nextAlertId++, message }];
}
export function dismissAlert(id: number): void {
  alerts.value = alerts.value.filter((alert) => alert.id !== id);
}

/** Start over from a design (a reference design or an opened file): a fresh history. */
export function openDesign(design: Design, baseName: string | null, fileName: string | null): void {
  designHistory.value = startHistory(design);
  baseDesignName.value = baseName;
  designFileName.value = fileName;
}

/** Keystrokes in one field within this long make one undo step (typing "2.2" is one edit). */
const TYPING_PAUSE_MS = 1000;
let lastEdit: { key: string; at: number } | undefined;

export function editParameter(edit: ParameterEdit): void {
  const history = designHistory.value;
  if (history === null) return;
  const key = `${edit.elementId} ${edit.parameter}`;
  const now = Date.now();
  const sameRun = lastEdit?.key === key && now - lastEdit.at < TYPING_PAUSE_MS;
  lastEdit = { key, at: now };
  const next = setParameter(history.present, edit);
  designHistory.value =
    sameRun && history.past.length > 0 ? amend(history, next) : record(history, next);
}

/** The field was left or its value committed (Enter): the next keystroke starts a new undo step. */
export function endTypingRun(): void {
  lastEdit = undefined;
}

export function undoEdit(): void {
  lastEdit = undefined;
  if (designHistory.value) designHistory.value = undo(designHistory.value);
}
export function redoEdit(): void {
  lastEdit = undefined;
  if (designHistory.value) designHistory.value = redo(designHistory.value);
}

/** A change of structure: one undo step each. */
function recordStructure(change: (design: Design) => Design): void {
  const history = designHistory.value;
  if (history === null) return;
  lastEdit = undefined;
  designHistory.value = record(history, change(history.present));
}

export function removeDesignElement(elementId: string): void {
  recordStructure((design) => removeElement(design, elementId));
}

export function reconnectElement(elementId: string, nodes: readonly string[]): void {
  recordStructure((design) => setNodes(design, elementId, nodes));
}

/** Adds an element of `type`; returns its id (the page moves the focus to it). */
export function addDesignElement(type: string): string | undefined {
  const terminals = catalogue.value?.terminals[type];
  if (terminals === undefined) return undefined;
  let added: string | undefined;
  recordStructure((design) => {
    const result = addElement(design, type, terminals);
    added = result.elementId;
    return result.design;
  });
  return added;
}
