// Targets the user uploaded: a target file becomes a choice of the target selector, rated against
// like a built-in target. Kept in this browser (IndexedDB) as measurements are; a link carries only
// the target's name ("target=file:My target") and the page says when it is not here.
import { computed, signal } from "@preact/signals";
import { type CurveData, type TargetSpec, UPLOADED_TARGET_PREFIX } from "../worker/protocol.js";
import { target } from "./appState.js";
import { DEFAULT_STATE } from "./urlState.js";

export interface UploadedTarget {
  /** "file:<curve name>", the value of the target selector. */
  readonly id: string;
  readonly fileName: string;
  readonly curve: CurveData;
}

export const uploadedTargets = signal<UploadedTarget[]>([]);

/** The id an uploaded curve is chosen by. */
export function uploadedTargetId(curve: CurveData): string {
  return `${UPLOADED_TARGET_PREFIX}${curve.name}`;
}

/** Adds (or replaces, by name) an uploaded target; returns its id. */
export function addUploadedTarget(fileName: string, curve: CurveData): string {
  const id = uploadedTargetId(curve);
  uploadedTargets.value = [
    ...uploadedTargets.value.filter((entry) => entry.id !== id),
    { id, fileName, curve },
  ];
  return id;
}

/**
 * Forgets an uploaded target; when it is the chosen one, the default target is chosen instead
 * (the tone controls stay as they are).
 */
export function removeUploadedTarget(id: string): void {
  uploadedTargets.value = uploadedTargets.value.filter((entry) => entry.id !== id);
  if (target.value.base === id) target.value = { ...target.value, base: DEFAULT_STATE.target.base };
}

/** The uploaded target a "file:" base names, when it is not loaded in this browser; else undefined. */
export const missingUploadedTarget = computed<string | undefined>(() => {
  const base = target.value.base;
  if (!base.startsWith(UPLOADED_TARGET_PREFIX)) return undefined;
  const loaded = uploadedTargets.value.some((entry) => entry.id === base);
  return loaded ? undefined : base.slice(UPLOADED_TARGET_PREFIX.length);
});

/**
 * The target as the worker needs it: an uploaded target with its curve; one that is not here (a
 * link from another computer) falls back to the default target, which the page says.
 */
export const targetRequest = computed<TargetSpec>(() =>
  resolveTarget(target.value, uploadedTargets.value),
);

export function resolveTarget(spec: TargetSpec, uploaded: readonly UploadedTarget[]): TargetSpec {
  if (!spec.base.startsWith(UPLOADED_TARGET_PREFIX)) return spec;
  const found = uploaded.find((entry) => entry.id === spec.base);
  return found ? { ...spec, curve: found.curve } : { ...spec, base: DEFAULT_STATE.target.base };
}
