/** The test networks every transducer sample is embedded in and driven by. */
import {
  type DrivePoint,
  cavity,
  currentDrive,
  design,
  place,
  volumeDrive,
} from "../testNetworks.js";

/** A four-terminal transducer [plus, minus, front, back] driven at 1 V into a 711, rear sealed. */
export const transducerInto711 = (dut: Record<string, unknown>) =>
  design(
    [
      { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      place(dut, ["in", "0", "front", "back"]),
      cavity("rear", "back"),
      { id: "ear", type: "ear711", nodes: ["front", "drum"] },
    ],
    ["drum", "front", "back"],
  );

/** Where a transducer is driven for the passivity check: electrically, and acoustically at its front. */
export const transducerDrivePoints = (dut: Record<string, unknown>): DrivePoint[] => [
  {
    label: "electrical, into a 711 with a sealed rear volume",
    node: "in",
    design: design(
      [
        currentDrive("in"),
        place(dut, ["in", "0", "front", "back"]),
        cavity("rear", "back"),
        { id: "ear", type: "ear711", nodes: ["front", "drum"] },
      ],
      ["in"],
    ),
  },
  {
    label: "acoustic at the front, coil on an 8 Ω amplifier",
    node: "front",
    design: design(
      [
        volumeDrive("front", 1),
        place(dut, ["in", "0", "front", "back"]),
        { id: "amp", type: "resistor", nodes: ["in", "0"], resistance: 8 },
        cavity("rear", "back"),
      ],
      ["front"],
    ),
  },
];

/** A three-terminal receiver [plus, minus, spout] driven at `voltage` into a 711. */
export const receiverInto711 = (voltage: number) => (dut: Record<string, unknown>) =>
  design(
    [
      { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage },
      place(dut, ["in", "0", "out"]),
      { id: "ear", type: "ear711", nodes: ["out", "drum"] },
    ],
    ["drum", "out"],
  );

/** Where a receiver is driven for the passivity check: electrically, and at its `port` (a word). */
export const receiverDrivePoints =
  (port: string) =>
  (dut: Record<string, unknown>): DrivePoint[] => [
    {
      label: "electrical, into a 711",
      node: "in",
      design: design(
        [
          currentDrive("in"),
          place(dut, ["in", "0", "out"]),
          { id: "ear", type: "ear711", nodes: ["out", "drum"] },
        ],
        ["in"],
      ),
    },
    {
      label: `acoustic at the ${port}, coil on an 8 Ω amplifier`,
      node: "out",
      design: design(
        [
          volumeDrive("out", 1),
          place(dut, ["in", "0", "out"]),
          { id: "amp", type: "resistor", nodes: ["in", "0"], resistance: 8 },
        ],
        ["out"],
      ),
    },
  ];
