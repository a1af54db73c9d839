/** The three physical domains of an IEM network, all in the impedance analogy. */
export type Domain = "electrical" | "mechanical" | "acoustic";

/**
 * The units of each domain, the one place that names them: what a node's potential and a branch's
 * flow are measured in, and the level a probe's dB are written in (re 20 µPa, 1 V, 1 N).
 */
export const DOMAIN_UNITS: Readonly<
  Record<Domain, { potential: string; flow: string; level: string }>
> = {
  electrical: { potential: "V", flow: "A", level: "dBV" },
  mechanical: { potential: "N", flow: "m/s", level: "dB re 1 N" },
  acoustic: { potential: "Pa", flow: "m³/s", level: "dB SPL" },
};
