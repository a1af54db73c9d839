// Every numeric parameter of every element, editable in the unit a builder thinks in. The input's
// accessible name is "<element id> <parameter>" (the page's contract); an invalid value shows the
// library's issue under its field.
import { memo } from "preact/compat";
import { Fragment } from "preact";
import { useRef, useState } from "preact/hooks";
import type { Design } from "../../index.js";
import type { Catalogue } from "../worker/protocol.js";
import {
  type DesignIssue,
  catalogue,
  currentDesign,
  designFailure,
  addDesignElement,
  editParameter,
  endTypingRun,
  reconnectElement,
  removeDesignElement,
} from "../state/appState.js";
import { type DisplayUnit, fromDisplay, toDisplay } from "../view/displayUnits.js";
import {
  type ParameterRow,
  elementRows,
  isSlidable,
  nameParts,
  nearbyValues,
  purchasableValues,
  sliderRange,
  sliderValue,
} from "../view/parameterRows.js";
import { useMasonryBox } from "./masonry.js";

export function ParameterTable() {
  const design = currentDesign.value;
  const docs = catalogue.value?.parameters ?? {};
  // A field keeps the unit it was first shown in, so typing 0.5 into "µF" does not flip it to "nF".
  const units = useRef(new Map<string, DisplayUnit>());
  const anchors = useRef(new Map<string, number>());
  const issues = designFailure.value?.issues ?? [];
  if (design === null) return null;
  return (
    <section class="parameters" aria-labelledby="parameters-heading">
      <h2 id="parameters-heading">Elements and parameters</h2>
      <div class="element-columns">
        {design.elements.map((element) => (
          <ElementGroup
            key={element.id}
            element={element}
            docs={docs}
            units={units.current}
            anchors={anchors.current}
            issues={issues.filter((issue) => issue.elementId === element.id)}
          />
        ))}
      </div>
      <AddElement />
    </section>
  );
}

interface ElementGroupProps {
  readonly element: Design["elements"][number];
  readonly docs: Catalogue["parameters"];
  readonly units: Map<string, DisplayUnit>;
  /** Each slider's centre: the value when its field was first shown. */
  readonly anchors: Map<string, number>;
  readonly issues: readonly DesignIssue[];
}

/**
 * One element's fields. An edit replaces only the edited element (the others keep their identity),
 * so only its group re-renders: the tribrid has about 150 fields, and redrawing them all would cost
 * the frame the charts need.
 */
const ElementGroup = memo(
  ({ element, docs, units, anchors, issues }: ElementGroupProps) => {
    const group = elementRows(element, docs, units);
    for (const row of group.rows) units.set(row.accessibleName, row.unit);
    // A parameter the library says is missing gets an empty field, so it can be typed in.
    const missing = missingParameterRows(element, docs, issues, group.rows);
    const rows = [...group.rows, ...missing];
    const parameterIssue = (parameter: string) =>
      issues.find((issue) => issue.parameter === parameter)?.message;
    const elementIssues = issues.filter(
      (issue) =>
        issue.parameter === undefined || !rows.some((r) => r.parameter === issue.parameter),
    );
    const nodesId = `nodes-${element.id}`.replace(/[^\w-]/g, "_");
    const box = useMasonryBox<HTMLFieldSetElement>();
    return (
      <fieldset class="element" ref={box}>
        <legend>
          <strong>{group.elementId}</strong> <span class="type">{group.type}</span>{" "}
          <button
            type="button"
            class="remove"
            aria-label={`remove ${element.id}`}
            onClick={() => removeDesignElement(element.id)}
          >
            ×
          </button>
        </legend>
        <div class="field">
          <label for={nodesId}>nodes</label>
          <input
            id={nodesId}
            type="text"
            aria-label={`${element.id} nodes`}
            aria-invalid={elementIssues.length > 0 ? "true" : undefined}
            value={element.nodes.join(" ")}
            onChange={(event) => {
              const nodes = event.currentTarget.value
                .trim()
                .split(/[\s,]+/)
                .filter(Boolean);
              reconnectElement(element.id, nodes);
            }}
          />
        </div>
        {elementIssues.map((issue) => (
          <p key={issue.message} class="issue">
            {issue.message}
          </p>
        ))}
        {rows.map((row) => (
          <ParameterField
            key={row.accessibleName}
            row={row}
            type={element.type}
            anchors={anchors}
            issue={parameterIssue(row.parameter)}
          />
        ))}
      </fieldset>
    );
  },
  (before, after) =>
    before.element === after.element &&
    before.docs === after.docs &&
    JSON.stringify(before.issues) === JSON.stringify(after.issues),
);

/** Empty rows for the parameters the library's issues name that the element does not have yet. */
function missingParameterRows(
  element: Design["elements"][number],
  docs: Catalogue["parameters"],
  issues: readonly DesignIssue[],
  rows: readonly ParameterRow[],
): ParameterRow[] {
  const typeDocs = docs[element.type] ?? {};
  const names = issues
    .map((issue) => issue.parameter)
    .filter((name): name is string => name !== undefined && name in typeDocs)
    .filter((name) => !rows.some((row) => row.parameter === name));
  return [...new Set(names)].map((parameter) => ({
    elementId: element.id,
    parameter,
    value: Number.NaN,
    siUnit: typeDocs[parameter]!.unit,
    unit: { label: typeDocs[parameter]!.unit, factor: 1 },
    description: typeDocs[parameter]!.description,
    accessibleName: `${element.id} ${parameter}`,
  }));
}

/** Adds an element of a chosen type at the end of the design. */
function AddElement() {
  const types = Object.keys(catalogue.value?.terminals ?? {});
  const [type, setType] = useState("resistor");
  return (
    <div class="add-element">
      <label>
        New element{" "}
        <select value={type} onChange={(event) => setType(event.currentTarget.value)}>
          {types.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>{" "}
      <button
        type="button"
        onClick={() => {
          const id = addDesignElement(type);
          // Focus its nodes, which need connecting first.
          if (id)
            requestAnimationFrame(() =>
              document.getElementById(`nodes-${id}`.replace(/[^\w-]/g, "_"))?.focus(),
            );
        }}
      >
        Add element
      </button>
    </div>
  );
}

interface FieldProps {
  readonly row: ParameterRow;
  readonly type: string;
  readonly issue: string | undefined;
  readonly anchors: Map<string, number>;
}

function ParameterField({ row, type, issue, anchors }: FieldProps) {
  const id = `p-${row.elementId}-${row.parameter}`.replace(/[^\w-]/g, "_");
  const lists = catalogue.value ?? { preferredValues: [], stockDamperRatings: [] };
  const choices = nearbyValues(purchasableValues(type, row.parameter, lists), row.value);
  if (!anchors.has(row.accessibleName) && row.value > 0) anchors.set(row.accessibleName, row.value);
  const anchor = anchors.get(row.accessibleName);
  const slider =
    isSlidable(type, row.parameter) && anchor !== undefined ? sliderRange(anchor) : undefined;
  const edit = (value: number) =>
    editParameter({ elementId: row.elementId, parameter: row.parameter, value });
  const shown = Number.isFinite(row.value) ? toDisplay(row.value, row.unit) : "";
  // While the user types, keep their text (e.g. "0." or "") instead of the last valid value.
  const [draft, setDraft] = useState<string | null>(null);
  const [typingError, setTypingError] = useState<string | null>(null);
  const message = typingError ?? issue;
  return (
    <div class={`field${message ? " invalid" : ""}`}>
      {/* Long names wrap between their words (<wbr>), never cut off; the tooltip gives the description. */}
      <label for={id} title={`${row.parameter}: ${row.description}`}>
        {nameParts(row.parameter).map((part, i) => (
          <Fragment key={i}>
            {i > 0 ? <wbr /> : null}
            {part}
          </Fragment>
        ))}
      </label>
      <input
        id={id}
        type="number"
        step="any"
        inputMode="decimal"
        aria-label={row.accessibleName}
        aria-invalid={message ? "true" : undefined}
        aria-describedby={message ? `${id}-issue` : `${id}-unit`}
        value={draft ?? shown}
        {...(choices.length > 0 ? { list: `${id}-values` } : {})}
        onInput={(event) => {
          const text = event.currentTarget.value;
          setDraft(text);
          const value = fromDisplay(text, row.unit);
          if (value === undefined) {
            setTypingError(
              `${row.elementId} ${row.parameter}: give a number in ${row.unit.label || "SI units"}`,
            );
            return;
          }
          setTypingError(null);
          edit(value);
        }}
        onChange={endTypingRun}
        onBlur={() => {
          setDraft(null);
          setTypingError(null);
        }}
      />
      <span id={`${id}-unit`} class="unit">
        {row.unit.label}
      </span>
      {choices.length > 0 ? (
        <datalist id={`${id}-values`}>
          {choices.map((value) => (
            <option key={value} value={toDisplay(value, row.unit)} />
          ))}
        </datalist>
      ) : null}
      {slider ? (
        <input
          type="range"
          class="slider"
          aria-label={`${row.accessibleName}, log scale`}
          aria-valuetext={`${shown} ${row.unit.label}`}
          min={slider.min}
          max={slider.max}
          step={slider.step}
          value={Math.log10(row.value)}
          onInput={(event) => edit(sliderValue(Number(event.currentTarget.value)))}
          onChange={endTypingRun}
        />
      ) : null}
      {message ? (
        <p id={`${id}-issue`} class="issue">
          {message}
        </p>
      ) : null}
    </div>
  );
}
