/**
 * Left and right channels in one file: a header such as "Frequency,Left,Right" (REW's and many
 * measurement rigs' stereo export) holds two measurements of one device. The reader reads one of
 * them, the one asked for, and says which.
 */
import { isResponseName } from "./columnNames.js";

/** Which channel of a stereo measurement to read; "average" is the amplitude mean of both. */
export type Channel = "left" | "right" | "average";

/** Every channel choice, for option lists and validation. */
export const CHANNELS: readonly Channel[] = ["left", "right", "average"];

/** True for a column name of the left channel: "Left", "L", "left (dB)", "SPL left", "Ch1". */
export function isLeftChannelName(name: string): boolean {
  const stem = name.trim().toLowerCase();
  return /^(?:l|ch ?1|channel ?1)$/.test(stem) || /\bleft\b/.test(stem) || /^l\b/.test(stem);
}

/** True for a column name of the right channel: "Right", "R", "right (dB)", "SPL right", "Ch2". */
export function isRightChannelName(name: string): boolean {
  const stem = name.trim().toLowerCase();
  return /^(?:r|ch ?2|channel ?2)$/.test(stem) || /\bright\b/.test(stem) || /^r\b/.test(stem);
}

/** The columns (0-based) holding the left and the right channel, when the header names them. */
export function channelColumns(names: readonly string[]): { left?: number; right?: number } {
  // "SPL left" before a bare "left" of other numbers: a level column is the measurement.
  const find = (test: (name: string) => boolean) => {
    const level = names.findIndex((name) => test(name) && isResponseName(name));
    return level >= 0 ? level : names.findIndex(test);
  };
  const left = find(isLeftChannelName);
  const right = find(isRightChannelName);
  return { ...(left >= 0 ? { left } : {}), ...(right >= 0 ? { right } : {}) };
}
