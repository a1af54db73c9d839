import type { DefinitionOf, ElementType } from "../../src/index.js";
import { MICROSPEAKER } from "../../src/catalogue/parts/microspeaker.js";

/** Types of the conformance table, and the small networks its samples are embedded in. */

/** Which values a numeric parameter accepts. */
export type Rule = "positive" | "nonNegative" | "finite" | "positiveInteger";

/** An element definition as written in a design file, without id and nodes (the harness adds them). */
export type SampleParameters<K extends ElementType> = Omit<
  DefinitionOf<K>,
  "id" | "type" | "nodes"
>;

/** A plain design object: what a JSON or YAML file parses to. */
export interface TestDesign {
  readonly tympan: 1;
  readonly elements: Record<string, unknown>[];
  readonly probes: { id: string; node: string }[];
}

/** A network to measure the impedance looking into an element (or its first port). */
export interface DrivePoint {
  readonly label: string;
  readonly design: TestDesign;
  /** Node driven by the flow source, whose potential is the impedance (the drive is 1 unit of flow). */
  readonly node: string;
}

export interface Sample<K extends ElementType> {
  readonly parameters: SampleParameters<K>;
  /** Other realistic settings (optional parameters, loss models) that must pass the suite too. */
  readonly variants?: readonly SampleParameters<K>[];
  /** The rule of every numeric parameter the type takes. */
  readonly rules: Readonly<Record<string, Rule>>;
  /** For each non-numeric parameter (an enum, a flag): values it must reject. */
  readonly invalid?: Readonly<Record<string, readonly unknown[]>>;
  /** Wraps the element under test (id `DUT_ID`, nodes chosen here) in a small valid design. */
  readonly network: (dut: Record<string, unknown>) => TestDesign;
  /** Passive elements only: designs that drive the element with 1 unit of flow. */
  readonly drivePoints?: (dut: Record<string, unknown>) => readonly DrivePoint[];
}

export const DUT_ID = "dut";

/** The MathWorks microspeaker of docs/physics.md §5. */
export { MICROSPEAKER };

export const SMALL_VOLUME_M3 = 1e-7;

export const design = (elements: Record<string, unknown>[], probes: string[]): TestDesign => ({
  tympan: 1,
  elements,
  probes: probes.map((node) => ({ id: `p_${node}`, node })),
});
export const place = (dut: Record<string, unknown>, nodes: string[]) => ({ ...dut, nodes });

export const voltageDrive = (node: string) => [
  { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
  { id: "rs", type: "resistor", nodes: ["in", node], resistance: 10 },
];
export const currentDrive = (node: string) => ({
  id: "is",
  type: "currentSource",
  nodes: [node, "0"],
  current: 1,
});
export const volumeDrive = (node: string, volumeVelocity = 1e-7) => ({
  id: "qs",
  type: "volumeVelocitySource",
  nodes: [node, "0"],
  volumeVelocity,
});
export const cavity = (id: string, node: string, volume = SMALL_VOLUME_M3) => ({
  id,
  type: "acousticVolume",
  nodes: [node, "0"],
  volume,
});

/** Electrical two-terminal element: source, series resistor, element, load resistor. */
export const electricalNetwork = (dut: Record<string, unknown>) =>
  design(
    [
      ...voltageDrive("n"),
      place(dut, ["n", "m"]),
      { id: "rl", type: "resistor", nodes: ["m", "0"], resistance: 32 },
    ],
    ["n", "m"],
  );
export const electricalDrive = (dut: Record<string, unknown>): DrivePoint[] => [
  {
    label: "to ground",
    node: "n",
    design: design([currentDrive("n"), place(dut, ["n", "0"])], ["n"]),
  },
];

/** Mechanical element: moved through a gyrator (Bl) from an electrical source, against a loss. */
export const mechanicalNetwork = (dut: Record<string, unknown>) =>
  design(
    [
      ...voltageDrive("e"),
      { id: "motor", type: "gyrator", nodes: ["e", "0", "m", "0"], transduction: MICROSPEAKER.bl },
      place(dut, ["m", "k"]),
      { id: "loss", type: "mechanicalResistance", nodes: ["k", "0"], resistance: MICROSPEAKER.rms },
    ],
    ["e", "m", "k"],
  );
/** The electrical impedance T²/Z behind a gyrator has Re ≥ 0 exactly when the mechanical Z does. */
export const mechanicalDrive = (dut: Record<string, unknown>): DrivePoint[] => [
  {
    label: "through a gyrator",
    node: "e",
    design: design(
      [
        currentDrive("e"),
        { id: "motor", type: "gyrator", nodes: ["e", "0", "m", "0"], transduction: 1 },
        place(dut, ["m", "0"]),
      ],
      ["e"],
    ),
  },
];

/** Acoustic two-terminal element or tube between two small cavities, fed a volume velocity. */
export const acousticNetwork = (dut: Record<string, unknown>) =>
  design(
    [volumeDrive("p"), cavity("cp", "p"), place(dut, ["p", "q"]), cavity("cq", "q")],
    ["p", "q"],
  );
export const acousticDrive = (dut: Record<string, unknown>): DrivePoint[] => [
  {
    label: "to ground",
    node: "p",
    design: design([volumeDrive("p", 1), place(dut, ["p", "0"])], ["p"]),
  },
];
/** A two-port: closed by a cavity, loaded by a resistance, and open (b at ambient pressure). */
export const twoPortDrive = (dut: Record<string, unknown>): DrivePoint[] => [
  {
    label: "closed by a cavity",
    node: "p",
    design: design([volumeDrive("p", 1), place(dut, ["p", "q"]), cavity("cq", "q")], ["p"]),
  },
  {
    label: "into a damper",
    node: "p",
    design: design(
      [
        volumeDrive("p", 1),
        place(dut, ["p", "q"]),
        { id: "load", type: "damper", nodes: ["q", "0"], ratingCgsOhm: 1500 },
      ],
      ["p"],
    ),
  },
  {
    label: "open",
    node: "p",
    design: design([volumeDrive("p", 1), place(dut, ["p", "0"])], ["p"]),
  },
];

/** A transformer's load: a leaky cavity. */
export const acousticLoad = (node: string) => [
  cavity("cl", node),
  { id: "leak", type: "duct", nodes: [node, "0"], radius: 0.5e-3, length: 5e-3 },
];
