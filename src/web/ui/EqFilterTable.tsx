// The fitted filters, editable: type (peaking, low shelf, high shelf), fc, Q and gain, each beside
// the device preset's limits for that filter. A change previews at once; a changed type can be
// refitted, which places that type within the same limits.
import type { BiquadType } from "../../index.js";
import type { EqView } from "../worker/protocol.js";
import { FILTER_TYPES, type FilterField, fieldsOutside, limitsText } from "../view/eqLimits.js";

type Filter = EqView["filters"][number];

const FIELD_NAMES = { fcHz: "frequency (Hz)", q: "Q", gainDb: "gain (dB)" } as const;
const TYPE_NAMES: Record<BiquadType, string> = {
  peaking: "peaking",
  "low-shelf": "low shelf",
  "high-shelf": "high shelf",
};

export interface EqFilterTableProps {
  readonly view: EqView;
  readonly onChange: (index: number, change: Partial<Filter>) => void;
  /** Fit again with the filters' current types. */
  readonly onRefit: (types: BiquadType[]) => void;
}

export function EqFilterTable({ view, onChange, onRefit }: EqFilterTableProps) {
  const types = view.filters.map((filter) => filter.type);
  const typesChanged = view.limits.some((limits, i) => limits.type !== types[i]);
  return (
    <>
      <table class="filters">
        <caption>
          Filters{view.edited ? " (edited by hand)" : ""} — edit a value to preview it; the limits
          are the device's
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">type</th>
            <th scope="col">fc (Hz)</th>
            <th scope="col">Q</th>
            <th scope="col">gain (dB)</th>
            <th scope="col">limits</th>
          </tr>
        </thead>
        <tbody>
          {view.filters.map((filter, i) => {
            const limits = view.limits[i];
            const outside: FilterField[] = limits ? fieldsOutside(filter, limits) : [];
            const limitsId = `eq-filter-${i}-limits`;
            return (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>
                  <select
                    aria-label={`filter ${i + 1} type`}
                    value={filter.type}
                    onChange={(event) =>
                      onChange(i, { type: event.currentTarget.value as BiquadType })
                    }
                  >
                    {FILTER_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {TYPE_NAMES[type]}
                      </option>
                    ))}
                  </select>
                </td>
                {(["fcHz", "q", "gainDb"] as const).map((field) => (
                  <td key={field}>
                    <input
                      type="number"
                      step="any"
                      aria-label={`filter ${i + 1} ${FIELD_NAMES[field]}`}
                      aria-describedby={limitsId}
                      aria-invalid={outside.includes(field) ? "true" : undefined}
                      {...(limits ? { min: limits[field].min, max: limits[field].max } : {})}
                      value={filter[field]}
                      onChange={(event) => {
                        const value = Number(event.currentTarget.value);
                        if (event.currentTarget.value !== "" && Number.isFinite(value)) {
                          onChange(i, { [field]: value });
                        }
                      }}
                    />
                  </td>
                ))}
                <td id={limitsId} class={`limits${outside.length > 0 ? " outside" : ""}`}>
                  {limits ? limitsText(limits) : "—"}
                  {outside.length > 0
                    ? `; ${outside.map((field) => FIELD_NAMES[field]).join(" and ")} outside them`
                    : ""}
                  {limits && limits.type !== filter.type
                    ? `; the device's filter is ${TYPE_NAMES[limits.type]}`
                    : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {typesChanged ? (
        <button type="button" onClick={() => onRefit(types)}>
          Refit with these types
        </button>
      ) : null}
    </>
  );
}
