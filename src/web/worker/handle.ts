// One entry for every call the page makes: dispatch by kind, turn the library's errors into issues.
// Pure and synchronous, so the unit tests call it directly, without a worker.
import { type Issue, TympanError, formatIssues, renderSvg } from "../../index.js";
import { catalogue } from "./catalogue.js";
import { designCsv, simulateDesign } from "./designCalls.js";
import { designDistortion } from "./distortionCalls.js";
import { fitEq, previewEq } from "./eqCalls.js";
import { checkFileSize } from "./fileSize.js";
import {
  averageLeftRight,
  graphCurves,
  readDesign,
  readMeasurement,
  readPhoneBook,
} from "./measurementCalls.js";
import type { CallKind, Calls, Reply } from "./protocol.js";
import { matchDesignSource } from "./sourceCalls.js";
import { readTarget } from "./targets.js";
import { referenceDesignCurve } from "./referenceCurves.js";

type Handlers = { [K in CallKind]: (request: Calls[K]["request"]) => Calls[K]["reply"] };

const HANDLERS: Handlers = {
  catalogue: () => catalogue(),
  simulate: simulateDesign,
  simulationCsv: designCsv,
  fileSize: checkFileSize,
  parseDesign: readDesign,
  referenceCurve: referenceDesignCurve,
  parseMeasurement: readMeasurement,
  parseTarget: readTarget,
  phoneBook: readPhoneBook,
  graph: ({ curves, options }) => graphCurves(curves, options),
  fitEq,
  previewEq,
  source: matchDesignSource,
  averageChannels: averageLeftRight,
  distortion: designDistortion,
  chartSvg: ({ title, yLabel, series, xRangeHz }) =>
    renderSvg({
      title,
      ...(xRangeHz ? { xRangeHz } : {}),
      panels: [{ yLabel, yUnit: "", series }],
    }),
};

export function handle<K extends CallKind>(
  kind: K,
  request: Calls[K]["request"],
): Reply<Calls[K]["reply"]> {
  const handler = HANDLERS[kind] as
    ((request: Calls[K]["request"]) => Calls[K]["reply"]) | undefined;
  if (handler === undefined) {
    return failure([
      { code: "unknown-call", severity: "error", path: [], message: `no call "${String(kind)}"` },
    ]);
  }
  try {
    return { ok: true, value: handler(request) };
  } catch (error) {
    if (error instanceof TympanError) {
      return failure(error.issues, error.source);
    }
    // Anything else is a plain message (a bad option) or a bug: still an issue, never a blank page.
    const message = error instanceof Error ? error.message : String(error);
    return failure([{ code: "usage", severity: "error", path: [], message }]);
  }
}

function failure(issues: readonly [Issue, ...Issue[]], source?: string): Reply<never> {
  return {
    ok: false,
    issues: [...issues],
    ...(source !== undefined ? { source } : {}),
    message: formatIssues(issues, source),
  };
}
