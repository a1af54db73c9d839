// A curve's name in the legend, renamed in place: the ✎ button (or F2 on it) turns the name into a
// text field; Enter or leaving the field keeps the new label, Escape keeps the old one. The focus
// returns to the button, so keyboard users stay where they were.
import { useEffect, useRef, useState } from "preact/hooks";
import { renameCurve } from "../state/curveLabels.js";
import { legendLabel } from "../view/graphChartData.js";

export function CurveLabel({ id, name, rating }: { id: string; name: string; rating?: number }) {
  const [editing, setEditing] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (editing) field.current?.select();
    else if (returnFocus) {
      button.current?.focus();
      setReturnFocus(false);
    }
  }, [editing, returnFocus]);
  // Set once Enter or Escape ended the edit: the field's removal then blurs it, which must not
  // save what Escape dropped.
  const ended = useRef(false);
  const start = () => {
    ended.current = false;
    setEditing(true);
  };
  const finish = (label: string | undefined) => {
    if (ended.current) return;
    ended.current = true;
    if (label !== undefined) renameCurve(id, label);
    setEditing(false);
    setReturnFocus(true);
  };
  if (editing) {
    const ratingText = legendLabel("", rating);
    return (
      <span class="curve-name">
        <input
          ref={field}
          type="text"
          class="rename-field"
          aria-label={`label of ${name}`}
          defaultValue={name}
          size={Math.max(12, name.length + 2)}
          onKeyDown={(event) => {
            if (event.key === "Enter") finish(event.currentTarget.value);
            else if (event.key === "Escape") finish(undefined);
          }}
          onBlur={(event) => finish(event.currentTarget.value)}
        />
        {ratingText}
      </span>
    );
  }
  return (
    <>
      <span class="curve-name">{legendLabel(name, rating)}</span>
      <button
        ref={button}
        type="button"
        class="rename"
        aria-label={`rename ${name}`}
        title="Rename (Enter keeps it, Escape cancels; empty gives the curve its name back)"
        onClick={start}
        onKeyDown={(event) => {
          if (event.key === "F2") start();
        }}
      >
        ✎
      </button>
    </>
  );
}
