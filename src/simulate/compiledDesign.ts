import type { Air } from "../core/air.js";
import { type Issue, TympanError } from "../core/issues.js";
import { type Design, validateDesign } from "../design/design.js";
import { type PrimitiveInstance, expandElements } from "../design/expand.js";
import { plausibleSizeIssues } from "../design/plausibleSizes.js";
import { EAR711_VALID_RANGE_HZ } from "../elements/loads/ear711Parameters.js";
import { type ElementDefinition, modelOf } from "../elements/registry.js";
import { type Network, compileRecipe } from "./compileNetwork.js";
import { DriverShares, motorForceNodes } from "./driverContributions.js";
import type { NetworkRecipe } from "./networkRecipe.js";
import type { ProbeResult, SimulationResult } from "./result.js";
import { inputImpedance, probeResult } from "./resultShape.js";
import { FrequencySweep } from "./sweep.js";

/** One edit of a compiled design: element `elementId`'s `parameter` set to `value`. */
export interface ParameterChange {
  readonly elementId: string;
  readonly parameter: string;
  readonly value: unknown;
}

/**
 * A design compiled once for a frequency grid and evaluated many times with changed parameters
 * (see `compileDesign`): what the designer's redraw and the optimiser's evaluations run. An edited
 * value is checked against its element's schema alone, the element is expanded again (a driver's
 * parameters change the values inside its macro), and only its primitives are realised again into
 * the compiled network; the sweeps keep their pivot orders and compiled code. Each `evaluate` gives
 * the same result as `simulate` of the edited design (to rounding: the pivot order may differ).
 *
 * Edits that change the network's structure — `nodes` (topology), `id` or `type`, or a value that
 * changes what a macro expands into — recompile the design (and revalidate it, for `nodes`, `id`
 * and `type`); they are correct, only slower.
 */
export class CompiledDesign {
  private designNow: Design;
  private readonly air: Air;
  private readonly frequencies: number[];
  private indexOf = new Map<string, number>();
  /** Primitives each design element expands into (their count; more or fewer is a new structure). */
  private expansionSizes: number[] = [];
  private recipe!: NetworkRecipe;
  private network!: Network;
  private sweep!: FrequencySweep;
  private probeUnknowns: number[] = [];
  private forceNodes: string[] = [];
  private shares: DriverShares | undefined;
  /** Elements edited since the last evaluation. */
  private readonly edited = new Set<number>();
  /** Whether the next evaluation must compile afresh. */
  private recompile = false;
  /** Compilations so far (1 unless edits changed the structure): for tests and the curious. */
  compilations = 0;
  /** The design's warnings other than sizes (its wiring), from its last validation. */
  private wiringWarnings: readonly Issue[];
  /** Each element's implausible sizes (see plausibleSizeIssues), kept up to date with its edits. */
  private sizeWarnings: Issue[][];

  /**
   * `design` must be valid (validateDesign) and the frequencies and air checked; `warnings` are
   * the warnings its validation gave, which every evaluation reports first (sizes as edited).
   */
  constructor(
    design: Design,
    frequencies: ArrayLike<number>,
    air: Air,
    warnings: readonly Issue[] = [],
  ) {
    this.designNow = design;
    this.air = air;
    this.frequencies = Array.from(frequencies);
    this.wiringWarnings = warnings.filter((warning) => warning.code !== "implausible-size");
    this.sizeWarnings = design.elements.map(plausibleSizeIssues);
    this.compile();
  }

  /** The design as edited so far. */
  get design(): Design {
    return this.designNow;
  }

  /** The frequencies every evaluation reports, in Hz. */
  get frequencyHz(): readonly number[] {
    return this.frequencies;
  }

  /**
   * Sets one parameter of one element for the next `evaluate`. Throws a TympanError naming the
   * element and parameter when there is no such element or the value is invalid for it (the design
   * is then unchanged).
   */
  setParameter(elementId: string, parameter: string, value: unknown): void {
    const index = this.indexOf.get(elementId);
    if (index === undefined) {
      throw new TympanError([
        {
          severity: "error",
          code: "unknown-element",
          path: ["elements"],
          message: `the design has no element "${elementId}"`,
          hint: `elements: ${[...this.indexOf.keys()].join(", ")}`,
        },
      ]);
    }
    const element = this.designNow.elements[index]!;
    const candidate = { ...element, [parameter]: value } as ElementDefinition;
    if (parameter === "nodes" || parameter === "id" || parameter === "type") {
      // The structure changes: the whole design is checked again.
      const elements = this.designNow.elements.map((e, k) => (k === index ? candidate : e));
      const validated = validateDesign({ ...this.designNow, elements });
      if (!validated.ok) throw new TympanError(validated.issues);
      this.designNow = validated.value;
      this.wiringWarnings = validated.warnings.filter((w) => w.code !== "implausible-size");
      this.sizeWarnings = validated.value.elements.map(plausibleSizeIssues);
      this.recompile = true;
      return;
    }
    const model = modelOf(element.type);
    const parsed = model.schema.safeParse(candidate);
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      const known = Object.keys(model.parameters);
      throw new TympanError([
        {
          severity: "error",
          code: parameter in model.parameters ? "invalid-parameter" : "unknown-parameter",
          path: ["elements", index, parameter],
          elementIds: [elementId],
          message: `element "${elementId}" (${element.type}): ${parameter} ${first.message} (got ${String(value)})`,
          ...(parameter in model.parameters
            ? {}
            : { hint: `${element.type} takes ${known.map((name) => `"${name}"`).join(", ")}` }),
        },
      ]);
    }
    // A size far beyond an in-ear monitor is refused, as validateDesign refuses it; a merely
    // implausible one is simulated and reported with every evaluation.
    const sizes = plausibleSizeIssues(parsed.data, index);
    const absurd = sizes.filter((size) => size.severity === "error");
    if (absurd.length > 0) throw new TympanError(absurd as [Issue, ...Issue[]]);
    this.sizeWarnings[index] = sizes;
    this.designNow = {
      ...this.designNow,
      elements: this.designNow.elements.map((e, k) => (k === index ? parsed.data : e)),
    };
    this.edited.add(index);
  }

  /**
   * Applies `changes` (as `setParameter`, in order) and simulates the design as it now is: the
   * result `simulate` gives for the edited design, per-driver shares and input impedance included.
   * Throws a TympanError when a change is invalid or the network has no unique solution.
   */
  evaluate(changes: readonly ParameterChange[] = []): SimulationResult {
    for (const change of changes)
      this.setParameter(change.elementId, change.parameter, change.value);
    this.takeEdits();
    return this.run();
  }

  /** Realises the edited elements into the compiled network, or recompiles when they do not fit. */
  private takeEdits(): void {
    const { air } = this;
    if (!this.recompile) {
      for (const index of this.edited) {
        const element = this.designNow.elements[index]!;
        const expansion: PrimitiveInstance[] = expandElements([element], air).map((p) => ({
          ...p,
          originIndex: index,
        }));
        if (
          expansion.length !== this.expansionSizes[index] ||
          !this.recipe.update(index, expansion, air)
        ) {
          this.recompile = true;
          break;
        }
        if (this.shares && !this.shares.update(index, expansion, air)) this.shares = undefined;
      }
    }
    this.edited.clear();
    if (this.recompile) {
      this.compile();
      return;
    }
    this.network = this.recipe.network();
    if (!this.sweep.setNetwork(this.network)) this.sweep = this.newSweep();
    const shareProbes = this.designNow.probes.filter((probe) => probe.byDriver === true);
    if (shareProbes.length > 0 && this.shares === undefined)
      this.shares = new DriverShares(this.designNow, shareProbes, this.frequencies, air);
  }

  private compile(): void {
    const design = this.designNow;
    const { air } = this;
    const compiled = compileRecipe(design, air);
    if (!compiled.ok) throw new TympanError(compiled.issues as [Issue, ...Issue[]]);
    this.compilations++;
    this.recompile = false;
    this.edited.clear();
    this.recipe = compiled.recipe;
    this.network = compiled.recipe.network();
    this.indexOf = new Map(design.elements.map((element, index) => [element.id, index]));
    this.expansionSizes = design.elements.map(() => 0);
    for (const primitive of expandElements(design.elements, air))
      this.expansionSizes[primitive.originIndex]!++;
    this.probeUnknowns = design.probes.map((probe) => this.network.unknownOfNode.get(probe.node)!);
    const shareProbes = design.probes.filter((probe) => probe.byDriver === true);
    // Per-driver shares need the motor forces: the potentials of the motors' mechanical ports, read
    // from the same solves (not ordered last, so the probes' values are the same as without them).
    this.forceNodes = shareProbes.length > 0 ? motorForceNodes(design, air) : [];
    this.sweep = this.newSweep();
    this.shares =
      shareProbes.length > 0
        ? new DriverShares(design, shareProbes, this.frequencies, air)
        : undefined;
  }

  private newSweep(): FrequencySweep {
    const network = this.network;
    const source = network.inputSource;
    return new FrequencySweep(network, this.probeUnknowns, {
      ...(source ? { inputBranch: source.branch } : {}),
      alsoReport: this.forceNodes.map((node) => network.unknownOfNode.get(node)!),
    });
  }

  /** Sweeps the compiled network and shapes the result as `simulate` reports it. */
  private run(): SimulationResult {
    const { network, frequencies, probeUnknowns, forceNodes } = this;
    const design = this.designNow;
    const values = this.sweep.run(frequencies);
    // fromEntries defines own properties, so even a probe named "__proto__" is kept.
    const probes: Record<string, ProbeResult> = Object.fromEntries(
      design.probes.map((probe, p) => {
        const domain = network.domainOfNode.get(probe.node)!;
        return [probe.id, probeResult(values.re[p]!, values.im[p]!, values.scale, domain)];
      }),
    );
    if (this.shares) {
      const potentialOf = (node: string) => {
        const at = probeUnknowns.length + forceNodes.indexOf(node);
        return {
          re: values.re[at]!.map((value) => value * values.scale),
          im: values.im[at]!.map((value) => value * values.scale),
        };
      };
      for (const [id, share] of this.shares.compute(potentialOf)) {
        const probe = design.probes.find((candidate) => id.startsWith(`${candidate.id}/`))!;
        const domain = network.domainOfNode.get(probe.node)!;
        probes[id] = probeResult(share.re, share.im, 1, domain);
      }
    }
    // The design's warnings first (its wiring, its sizes as edited), as simulate gives them.
    const warnings: Issue[] = [...this.wiringWarnings, ...this.sizeWarnings.flat()];
    const source = network.inputSource;
    // Per volt of drive, others off: the terminal voltage is 1 − Zout·I, the load Z = that / I.
    const impedance = source
      ? inputImpedance(values.inputCurrent!, 1, source.outputImpedance, warnings, source.id)
      : undefined;
    warnings.push(...designWarnings(design, frequencies, source !== undefined));
    return {
      frequencyHz: [...frequencies],
      probes,
      ...(impedance ? { inputImpedance: impedance } : {}),
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  }
}

/** What a simulation of this design at these frequencies should say besides its numbers. */
function designWarnings(design: Design, frequencies: readonly number[], hasSource: boolean) {
  const warnings: Issue[] = [];
  if (design.probes.length === 0 && !hasSource) {
    warnings.push({
      code: "nothing-to-report",
      severity: "warning",
      path: ["probes"],
      message: "the design has no probes and no voltage source, so there is nothing to report",
      hint: 'add "probes": [{ "id": "…", "node": "…" }]',
    });
  }
  if (design.elements.some((element) => element.type === "ear711")) {
    const { fromHz, toHz } = EAR711_VALID_RANGE_HZ;
    if (frequencies.some((f) => f < fromHz || f > toHz)) {
      warnings.push({
        code: "ear711-extrapolated",
        severity: "note",
        path: [],
        message: `IEC 60318-4 specifies the 711 ear simulator for ${fromHz} Hz–${toHz / 1000} kHz; outside that range the lumped model is an extrapolation`,
      });
    }
  }
  return warnings;
}
