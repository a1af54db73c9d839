/**
 * What column names in measurement files mean. Exporters label columns freely ("Freq(Hz)",
 * "frequency", "Hz"; "SPL(dB)", "raw", "dB"; "Z(Ohms)", "impedance"; "Phase(degrees)"), so names are
 * matched by their stem, case-insensitively.
 */

export function isFrequencyName(name: string): boolean {
  const stem = name.trim().toLowerCase();
  return stem.startsWith("freq") || /^(?:f|hz)\b/.test(stem);
}

export function isPhaseName(name: string): boolean {
  const stem = name.trim().toLowerCase();
  return stem.startsWith("phase") || stem === "ph" || /^(?:deg|°)/.test(stem);
}

/** Names of an impedance magnitude: "Z(Ohms)", "|Z|", "impedance", "Ohm", "Ω". */
export function isImpedanceName(name: string): boolean {
  const stem = name.trim().toLowerCase();
  return /^(?:\|?z\|?(?:\b|\()|imped|ohm|ω)/.test(stem) || /\((?:ohms?|ω)\)/.test(stem);
}

/** Names of a level in dB: "SPL(dB)", "dB", "raw" and the other AutoEq result columns. */
export function isResponseName(name: string): boolean {
  const stem = name.trim().toLowerCase();
  return (
    /^(?:spl|db|raw|level|response|magnitude|mag\b|gain|target|smoothed|error|equaliz|parametric|fixed_band)/.test(
      stem,
    ) || /\(db/.test(stem)
  );
}

/** The kind a file extension implies: ZMA files are impedances, FRD files responses. */
export function kindFromSource(source: string | undefined): "response" | "impedance" | undefined {
  const extension = /\.([^./\\]+)$/.exec(source ?? "")?.[1]?.toLowerCase();
  if (extension === "zma") return "impedance";
  if (extension === "frd") return "response";
  return undefined;
}

/** A curve name from a file path: "measurements/AKG N400.csv" → "AKG N400". */
export function nameFromSource(source: string | undefined): string | undefined {
  if (source === undefined) return undefined;
  const base = source.split(/[/\\]/).pop() ?? source;
  const name = base.replace(/\.[^.]*$/, "");
  return name === "" ? undefined : name;
}
