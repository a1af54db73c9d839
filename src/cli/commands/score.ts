import type { Command } from "commander";
import {
  type PreferenceModel,
  type RatingRig,
  preferenceRating,
  ratingValidity,
} from "../../analysis/preferenceRating.js";
import { inFile, usageError } from "../errors.js";
import type { CliOutput } from "../program.js";
import {
  type TargetFlags,
  addTargetOptions,
  noteTo,
  readCurve,
  targetFromFlags,
} from "../readCurve.js";

interface ScoreFlags extends TargetFlags {
  rig?: string;
  model: string;
  column?: string;
  json?: boolean;
}

const RIGS: readonly RatingRig[] = ["gras", "711", "simulated", "unknown"];
const MODELS: readonly PreferenceModel[] = ["in-ear", "over-ear"];

export function registerScore(program: Command, output: CliOutput): void {
  addTargetOptions(
    program
      .command("score")
      .description(
        "predicted preference rating of a measurement or a design against a target (Olive, Welti & Khonsaripour 2017)",
      )
      .argument(
        "<measurement|design>",
        "a measurement file (.csv, .txt, .frd …) or a design file (.json, .yaml)",
      ),
  )
    .option(
      "--rig <rig>",
      `where a measurement was made: ${RIGS.join(", ")} (default: simulated for designs, unknown otherwise)`,
    )
    .option("--model <model>", `preference model: ${MODELS.join(", ")}`, "in-ear")
    .option(
      "--column <name>",
      "the column to read from a multi-column measurement file (e.g. an AutoEq result)",
    )
    .option("--json", "print the rating as JSON")
    .action(async (input: string, flags: ScoreFlags) => {
      if (!MODELS.includes(flags.model as PreferenceModel)) {
        throw usageError(`--model ${flags.model}: choose ${MODELS.join(" or ")}`);
      }
      if (flags.rig !== undefined && !RIGS.includes(flags.rig as RatingRig)) {
        throw usageError(`--rig ${flags.rig}: choose one of ${RIGS.join(", ")}`);
      }
      const note = noteTo(output.err);
      const { curve: target, id: targetId } = await targetFromFlags(flags, note);
      const { curve, isDesign } = await readCurve(input, target.frequencyHz, flags.column, note);
      const model = flags.model as PreferenceModel;
      const rating = inFile(input, () => preferenceRating(curve, target, { model }));
      const rig = (flags.rig as RatingRig | undefined) ?? (isDesign ? "simulated" : "unknown");
      const validity = ratingValidity({ target: targetId, rig, model });
      const targetName = target.name ?? flags.target;
      if (flags.json) {
        output.out(
          `${JSON.stringify({ ...rating, valid: validity.valid, validity: validity.statement, measurement: curve.name ?? input, target: targetName, rig })}\n`,
        );
        return;
      }
      const lines = [
        `${curve.name ?? input} against ${targetName} (${model} model)`,
        `  preference rating  ${rating.ppr.toFixed(2)}`,
        `  SD of the error    ${rating.sd.toFixed(3)} dB`,
        `  slope              ${rating.slope.toFixed(3)} dB per natural-log unit (${rating.slopePerOctave.toFixed(3)} dB/octave)`,
        ...(rating.ame !== undefined ? [`  AME re 500 Hz      ${rating.ame.toFixed(3)} dB`] : []),
        validity.statement,
        ...validity.issues.map((issue) => `  note: ${issue.message}`),
      ];
      output.out(`${lines.join("\n")}\n`);
    });
}
