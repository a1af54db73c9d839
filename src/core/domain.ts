/** The three physical domains of an IEM network, all in the impedance analogy. */
export type Domain = "electrical" | "mechanical" | "acoustic";

/** What a node's potential and a branch's flow mean in each domain. */
export const DOMAIN_UNITS: Readonly<Record<Domain, { potential: string; flow: string }>> = {
  electrical: { potential: "V", flow: "A" },
  mechanical: { potential: "N", flow: "m/s" },
  acoustic: { potential: "Pa", flow: "m³/s" },
};
