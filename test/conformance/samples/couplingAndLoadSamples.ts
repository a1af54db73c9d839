import {
  MICROSPEAKER,
  type Sample,
  acousticLoad,
  currentDrive,
  design,
  place,
  voltageDrive,
  volumeDrive,
} from "../testNetworks.js";

/** Samples of the couplings between domains (gyrator, transformer) and of the ear loads (711 simulator, 2 cc coupler). */
export const COUPLING_AND_LOAD_SAMPLES: {
  readonly [K in "gyrator" | "transformer" | "ear711" | "coupler2cc"]: Sample<K>;
} = {
  gyrator: {
    parameters: { transduction: MICROSPEAKER.bl },
    rules: { transduction: "positive" },
    network: (dut) =>
      design(
        [
          ...voltageDrive("e"),
          place(dut, ["e", "0", "m", "0"]),
          { id: "mms", type: "mass", nodes: ["m", "k"], mass: MICROSPEAKER.mms },
          { id: "cms", type: "compliance", nodes: ["k", "j"], compliance: MICROSPEAKER.cms },
          {
            id: "loss",
            type: "mechanicalResistance",
            nodes: ["j", "0"],
            resistance: MICROSPEAKER.rms,
          },
        ],
        ["e", "m"],
      ),
    drivePoints: (dut) => [
      {
        label: "into a mechanical loss",
        node: "e",
        design: design(
          [
            currentDrive("e"),
            place(dut, ["e", "0", "m", "0"]),
            {
              id: "loss",
              type: "mechanicalResistance",
              nodes: ["m", "0"],
              resistance: MICROSPEAKER.rms,
            },
          ],
          ["e"],
        ),
      },
      {
        label: "into a resonant mechanical loop",
        node: "e",
        design: design(
          [
            currentDrive("e"),
            place(dut, ["e", "0", "m", "0"]),
            { id: "mms", type: "mass", nodes: ["m", "k"], mass: MICROSPEAKER.mms },
            { id: "cms", type: "compliance", nodes: ["k", "j"], compliance: MICROSPEAKER.cms },
            {
              id: "loss",
              type: "mechanicalResistance",
              nodes: ["j", "0"],
              resistance: MICROSPEAKER.rms,
            },
          ],
          ["e"],
        ),
      },
    ],
  },
  transformer: {
    parameters: { ratio: 1 / MICROSPEAKER.sd },
    variants: [{ ratio: 20 }],
    rules: { ratio: "positive" },
    // Mechanical to acoustic, like a piston: the drive comes through a gyrator.
    network: (dut) =>
      design(
        [
          ...voltageDrive("e"),
          {
            id: "motor",
            type: "gyrator",
            nodes: ["e", "0", "m", "0"],
            transduction: MICROSPEAKER.bl,
          },
          { id: "mms", type: "mass", nodes: ["m", "k"], mass: MICROSPEAKER.mms },
          place(dut, ["k", "0", "p", "0"]),
          ...acousticLoad("p"),
        ],
        ["e", "k", "p"],
      ),
    drivePoints: (dut) => [
      {
        label: "electrical to a leaky cavity",
        node: "e",
        design: design(
          [currentDrive("e"), place(dut, ["e", "0", "p", "0"]), ...acousticLoad("p")],
          ["e"],
        ),
      },
      {
        label: "into a damper",
        node: "e",
        design: design(
          [
            currentDrive("e"),
            place(dut, ["e", "0", "p", "0"]),
            { id: "load", type: "damper", nodes: ["p", "0"], ratingCgsOhm: 1500 },
          ],
          ["e"],
        ),
      },
    ],
  },
  ear711: {
    parameters: {},
    variants: [{ damped: true }, { damped: false }],
    rules: {},
    invalid: { damped: ["yes", "true", 1, 0, null] },
    network: (dut) =>
      design([volumeDrive("entrance"), place(dut, ["entrance", "drum"])], ["entrance", "drum"]),
    drivePoints: (dut) => [
      {
        label: "at the entrance",
        node: "entrance",
        design: design(
          [volumeDrive("entrance", 1), place(dut, ["entrance", "drum"])],
          ["entrance"],
        ),
      },
    ],
  },
  coupler2cc: {
    parameters: {},
    rules: {},
    network: (dut) => design([volumeDrive("entrance"), place(dut, ["entrance"])], ["entrance"]),
    drivePoints: (dut) => [
      {
        label: "at the entrance",
        node: "entrance",
        design: design([volumeDrive("entrance", 1), place(dut, ["entrance"])], ["entrance"]),
      },
    ],
  },
};
