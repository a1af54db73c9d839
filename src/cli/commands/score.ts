import type { Command } from "commander";
import {
  PREFERENCE_MODELS,
  RATING_RIGS,
  isPreferenceModel,
  isRatingRig,
  scoreCurve,
} from "../../index.js";
import { inFile, usageError } from "../errors.js";
import type { CliOutput } from "../cliOutput.js";
import {
  type TargetFlags,
  addChannelOption,
  addTargetOptions,
  channelFromFlag,
  noteTo,
  readCurve,
  targetFromFlags,
} from "../readCurve.js";

interface ScoreFlags extends TargetFlags {
  rig?: string;
  model: string;
  column?: string;
  channel?: string;
  json?: boolean;
}

export function registerScore(program: Command, output: CliOutput): void {
  addChannelOption(
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
    ),
  )
    .option(
      "--rig <rig>",
      `where a measurement was made: ${RATING_RIGS.join(", ")} (default: simulated for designs, unknown otherwise)`,
    )
    .option("--model <model>", `preference model: ${PREFERENCE_MODELS.join(", ")}`, "in-ear")
    .option(
      "--column <name>",
      "the column to read from a multi-column measurement file (e.g. an AutoEq result)",
    )
    .option("--json", "print the rating as JSON")
    .action(async (input: string, flags: ScoreFlags) => {
      const model = flags.model;
      if (!isPreferenceModel(model)) {
        throw usageError(`--model ${model}: choose ${PREFERENCE_MODELS.join(" or ")}`);
      }
      if (flags.rig !== undefined && !isRatingRig(flags.rig)) {
        throw usageError(`--rig ${flags.rig}: choose one of ${RATING_RIGS.join(", ")}`);
      }
      const channel = channelFromFlag(flags.channel);
      const note = noteTo(output.err);
      const target = await targetFromFlags(flags, note);
      const { curve, isDesign } = await readCurve(
        input,
        target.curve.frequencyHz,
        flags.column,
        note,
        channel,
      );
      const rig = flags.rig ?? (isDesign ? "simulated" : "unknown");
      const { rating, validity } = inFile(input, () => scoreCurve(curve, target, { model, rig }));
      const targetName = target.curve.name ?? flags.target;
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
