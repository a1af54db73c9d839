import type { Issue } from "../core/issues.js";
import { didYouMean } from "../core/suggest.js";
import { channelColumns } from "./channels.js";
import { isFrequencyName, isImpedanceName, isPhaseName, isResponseName } from "./columnNames.js";

/** Which cells of a row hold the frequency, the value and the phase (0-based). */
export interface ColumnChoice {
  readonly frequency: number;
  readonly value: number;
  readonly phase: number | undefined;
  /** The value column's header name, when the file names its columns. */
  readonly valueName: string | undefined;
  /** The channel read, when the header names a left and a right column and one of them is read. */
  readonly channel?: "left" | "right";
  /** The other channel's column name, left unread. */
  readonly otherChannelName?: string;
}

/** What to read when the caller did not name a column. */
export interface ColumnPreference {
  /** The channel of a file with left and right columns; default left, with a note saying so. */
  readonly channel?: "left" | "right";
  /** A column read in preference to "raw" when the file has it, e.g. "target" for a target file. */
  readonly preferColumn?: string;
}

/** The value column AutoEq files (measurements and results) are read by default. */
const AUTOEQ_VALUE_COLUMN = "raw";

/**
 * Picks the columns to read. With names (a header row or REW's header comment): the frequency column
 * by name, else the first; the requested column, else the preferred column, else the requested
 * channel ("Left"/"Right"), else "raw" (AutoEq), else the left channel of a stereo file, else the first
 * level or impedance column, else the first column that is neither frequency nor phase; the phase by name.
 * Without names: frequency, value and phase in that order, and more than three cells is an error
 * (which of them would be the value is a guess).
 * @param cellCount the number of cells in the first data row: a named phase column the rows do not
 * have is not read.
 */
export function chooseColumns(
  names: readonly string[] | undefined,
  requested: string | undefined,
  cellCount: number,
  firstRow: number,
  preference: ColumnPreference = {},
): ColumnChoice | Issue {
  if (names === undefined) {
    if (requested !== undefined) {
      return {
        severity: "error",
        code: "unknown-column",
        path: ["column"],
        message: `the file has no header row naming its columns, so there is no column "${requested}"; add a header row (e.g. "frequency,${requested}") or leave out the column option`,
      };
    }
    if (cellCount > 3) {
      return {
        severity: "error",
        code: "ambiguous-columns",
        path: ["line", firstRow],
        message: `line ${firstRow}: a row has ${cellCount} values, but without a header row only frequency, value and phase can be told apart; add a header row naming the columns (e.g. "frequency,raw,...") and choose one with the column option${cellCount === 4 ? ' (if the numbers have decimal commas, as in "20,5,84,3", separate the columns with ";" or a tab instead)' : ""}`,
      };
    }
    return { frequency: 0, value: 1, phase: cellCount >= 3 ? 2 : undefined, valueName: undefined };
  }
  const indexOf = (test: (name: string) => boolean) => names.findIndex(test);
  const named = indexOf(isFrequencyName);
  const frequency = named >= 0 ? named : 0;
  const firstName = names[0] ?? "";
  if (
    named < 0 &&
    (isResponseName(firstName) || isImpedanceName(firstName) || isPhaseName(firstName))
  ) {
    // The first column is taken as the frequency only when the header does not call it something else.
    return {
      severity: "error",
      code: "no-frequency-column",
      path: [],
      message: `the header row (${names.map((name) => `"${name}"`).join(", ")}) names no frequency column and calls the first column "${firstName}", so it is not clear which column holds the frequencies; name the frequency column (e.g. "frequency,${names.join(",")}" if the header lacks one), or delete the header row to read the columns as frequency, value, phase`,
    };
  }
  const phaseIndex = indexOf(isPhaseName);
  const phase =
    phaseIndex >= 0 && phaseIndex !== frequency && phaseIndex < cellCount ? phaseIndex : undefined;
  let value: number;
  if (requested !== undefined) {
    value = indexOf((name) => name.toLowerCase() === requested.trim().toLowerCase());
    if (value < 0) {
      return {
        severity: "error",
        code: "unknown-column",
        path: ["column"],
        message: `there is no column "${requested}"; the columns are ${names.map((name) => `"${name}"`).join(", ")}.${didYouMean(requested, names)}`,
      };
    }
  } else {
    // Columns the header leaves unnamed are candidates too: "Frequency" over two columns of numbers.
    const candidates = Array.from({ length: Math.max(names.length, cellCount) }, (_, index) => ({
      name: names[index] ?? "",
      index,
    })).filter(({ index }) => index !== frequency && index !== phaseIndex);
    const channels = channelColumns(names);
    if (preference.channel !== undefined && channels[preference.channel] === undefined) {
      return {
        severity: "error",
        code: "unknown-channel",
        path: ["channel"],
        message: `there is no ${preference.channel} channel: the columns are ${names.map((name) => `"${name}"`).join(", ")}; leave out the channel option (--channel in the CLI), or name the columns "Left" and "Right"`,
      };
    }
    const byName = (wanted: string | undefined) =>
      wanted === undefined
        ? undefined
        : candidates.find(({ name }) => name.trim().toLowerCase() === wanted.toLowerCase());
    const byIndex = (index: number | undefined) =>
      index === undefined ? undefined : candidates.find((candidate) => candidate.index === index);
    const pick =
      byName(preference.preferColumn) ??
      byIndex(preference.channel === undefined ? undefined : channels[preference.channel]) ??
      byName(AUTOEQ_VALUE_COLUMN) ??
      byIndex(channels.right === undefined ? undefined : channels.left) ??
      candidates.find(({ name }) => isResponseName(name) || isImpedanceName(name)) ??
      candidates[0];
    if (pick === undefined) {
      return {
        severity: "error",
        code: "missing-column",
        path: [],
        message: `the rows have one column and the header names no value column besides the frequency (${names.map((name) => `"${name}"`).join(", ")}); add one, e.g. "frequency,raw"`,
      };
    }
    value = pick.index;
  }
  const { left, right } = channelColumns(names);
  const channel =
    left !== undefined && right !== undefined
      ? value === left
        ? ("left" as const)
        : value === right
          ? ("right" as const)
          : undefined
      : undefined;
  const other = channel === "left" ? right : channel === "right" ? left : undefined;
  // Asking for the phase column as the value reads it once, as the value.
  return {
    frequency,
    value,
    phase: phase === value ? undefined : phase,
    valueName: names[value],
    ...(channel === undefined ? {} : { channel, otherChannelName: names[other!] ?? "" }),
  };
}

/**
 * The named value columns a choice leaves unread (levels or impedances besides the one read), so the
 * reader can say which it picked when it was not told: an AutoEq result has ten of them.
 */
export function unreadValueColumns(names: readonly string[], choice: ColumnChoice): string[] {
  return names.filter(
    (name, index) =>
      index !== choice.value &&
      index !== choice.frequency &&
      index !== choice.phase &&
      name !== choice.otherChannelName &&
      (isResponseName(name) || isImpedanceName(name)),
  );
}

/** The kind a value column's name implies, if it says. */
export function kindFromName(name: string | undefined): "response" | "impedance" | undefined {
  if (name === undefined) return undefined;
  if (isImpedanceName(name)) return "impedance";
  return isResponseName(name) ? "response" : undefined;
}
