// Re-simulates whenever the design, target, fit or source changes, in the worker, newest first.
import { effect } from "@preact/signals";
import type { Design, Issue } from "../../index.js";
import {
  type DesignIssue,
  currentDesign,
  designFailure,
  designView,
  fitScenario,
  outputImpedanceOhm,
} from "./appState.js";
import { markEdit } from "./redrawTiming.js";
import { targetRequest } from "./uploadedTargets.js";
import { client } from "./worker.js";
import type { SimulateRequest } from "../worker/protocol.js";

/** Points of the designer's curves (the issue's "default resolution" is 200 points). */
export const DESIGNER_POINTS = 200;

/** What the designer asks the worker to simulate: the design with the page's target, fit and source. */
export function simulateRequest(design: Design): SimulateRequest {
  return {
    design,
    points: DESIGNER_POINTS,
    target: targetRequest.value,
    fit: fitScenario.value,
    ...(outputImpedanceOhm.value !== undefined
      ? { outputImpedanceOhm: outputImpedanceOhm.value }
      : {}),
  };
}

export function startDesignSimulation(): () => void {
  return effect(() => {
    const design = currentDesign.value;
    if (design === null) return;
    const request = simulateRequest(design);
    markEdit();
    void client.latestOn("design", "simulate", request).then((result) => {
      if (result === undefined) return;
      performance.mark("tympan:simulated", { detail: { workerMs: result.workerMs } });
      if (result.reply.ok) {
        designFailure.value = null;
        designView.value = result.reply.value;
      } else {
        designFailure.value = {
          message: result.reply.message,
          issues: result.reply.issues.map((issue) => locateIssue(issue, design)),
        };
      }
    });
  });
}

/** Which element and parameter an issue is about, from its path ["elements", i, parameter]. */
export function locateIssue(issue: Issue, design: Design): DesignIssue {
  const [root, index, parameter] = issue.path;
  if (root === "elements" && typeof index === "number") {
    const element = design.elements[index];
    return {
      message: issue.message,
      ...(element ? { elementId: element.id } : {}),
      ...(typeof parameter === "string" ? { parameter } : {}),
    };
  }
  const elementId = issue.elementIds?.[0];
  return { message: issue.message, ...(elementId !== undefined ? { elementId } : {}) };
}
