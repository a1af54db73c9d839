import type { FactorPlan } from "./factorPlan.js";

/**
 * The numeric factorisation of a plan as straight-line code: the plan's program (see FactorPlan)
 * unrolled into JavaScript with every offset a literal, so a refactorisation runs no loops and takes
 * no data-dependent branches besides the pivot checks. On small systems the loop version spends most
 * of its time on mispredicted exits of its short inner loops; unrolled, the same arithmetic in the
 * same order (bit-identical results) runs about twice as fast.
 *
 * The code is split into functions of bounded size (an engine stops optimising very large ones),
 * called in turn; `SparseComplexLu` compiles only plans of at most MAX_COMPILED_OPERATIONS, and only
 * once one has served more factorisations than a single sweep needs (see COMPILE_AFTER_USES). Where generating code is not allowed (a Content-Security-Policy without
 * 'unsafe-eval'), `compileElimination` returns undefined and the caller keeps the loop.
 */

/**
 * Eliminates `lu` in place along the plan; false when a pivot's magnitude is not above
 * `limit × pivotBefore[k]` (or is below 1e-300), where pivotBefore[k] is set first to the pivot's
 * magnitude before elimination. Writes the inverse pivots, re and im interleaved.
 */
export type Elimination = (
  lu: Float64Array,
  inversePivot: Float64Array,
  pivotBefore: Float64Array,
  limit: number,
) => boolean;

type Part = Elimination;

/** Pivots, eliminations and updates per generated function (larger ones stay unoptimised). */
const OPERATIONS_PER_PART = 250;

/**
 * Largest plan compiled, in pivots + eliminations + updates. Until the engine has optimised it,
 * generated code runs far slower than the (long optimised) loop; for a large plan that costs
 * seconds of warm-up (measured: ~1.5 s for a 400-unknown ladder, 2,800 operations), more than most
 * runs win back.
 */
export const MAX_COMPILED_OPERATIONS = 1500;

/** Pivots + eliminations + updates of a plan: the size of its compiled code. */
export function planOperations(plan: FactorPlan, n: number): number {
  const { program } = plan;
  let operations = n;
  let c = 0;
  for (let k = 0; k < n; k++) {
    c++;
    const eliminations = program[c++]!;
    operations += eliminations;
    for (let e = 0; e < eliminations; e++) {
      c++;
      const updates = program[c++]!;
      operations += updates;
      c += 2 * updates;
    }
  }
  return operations;
}

/** The plan's elimination as generated code; undefined when code cannot be generated here. */
export function compileElimination(plan: FactorPlan, n: number): Elimination | undefined {
  const { program } = plan;
  const parts: Part[] = [];
  let lines: string[] = [];
  let operations = 0;
  const flush = (): boolean => {
    lines.push("return true;");
    const body = `let pr, pi, m, r, ir, ii, ar, ai, lr, li, ur, ui;\n${lines.join("\n")}`;
    lines = [];
    operations = 0;
    try {
      parts.push(new Function("lu", "inv", "pb", "limit", body) as Part);
      return true;
    } catch {
      return false;
    }
  };
  // The snapshot of the pivots before elimination, for the cancellation check.
  const { pivotOffset } = plan;
  for (let k = 0; k < n; k++) {
    const d = pivotOffset[k]!;
    lines.push(`pb[${k}] = Math.abs(lu[${d}]) + Math.abs(lu[${d + 1}]);`);
  }
  const { headSteps, boundary } = plan;
  let c = 0;
  for (let k = 0; k < n; k++) {
    if (k === headSteps) {
      for (let b = 0; b < boundary.length; b += 2) {
        const t = boundary[b]!;
        const sum = boundary[b + 1]!;
        lines.push(
          `lu[${t}] = lu[${t}] + lu[${sum}]; lu[${t + 1}] = lu[${t + 1}] + lu[${sum + 1}];`,
        );
        operations++;
      }
    }
    const d = program[c++]!;
    const eliminations = program[c++]!;
    lines.push(
      `pr = lu[${d}]; pi = lu[${d + 1}]; m = Math.abs(pr) + Math.abs(pi);`,
      `if (!(m > limit * pb[${k}]) || m < 1e-300) return false;`,
      `r = 1 / (pr * pr + pi * pi); ir = pr * r; ii = -pi * r; inv[${2 * k}] = ir; inv[${2 * k + 1}] = ii;`,
    );
    operations++;
    for (let e = 0; e < eliminations; e++) {
      const t = program[c++]!;
      const updates = program[c++]!;
      lines.push(
        `ar = lu[${t}]; ai = lu[${t + 1}]; lr = ar * ir - ai * ii; li = ar * ii + ai * ir; lu[${t}] = lr; lu[${t + 1}] = li;`,
      );
      operations++;
      for (let u = 0; u < updates; u++) {
        const dst = program[c++]!;
        const src = program[c++]!;
        lines.push(
          `ur = lu[${src}]; ui = lu[${src + 1}]; lu[${dst}] = lu[${dst}] - (lr * ur - li * ui); lu[${dst + 1}] = lu[${dst + 1}] - (lr * ui + li * ur);`,
        );
        operations++;
      }
    }
    // A part ends only between pivot steps: ir and ii do not cross functions.
    if (operations >= OPERATIONS_PER_PART && !flush()) return undefined;
  }
  if ((lines.length > 0 || parts.length === 0) && !flush()) return undefined;
  if (parts.length === 1) return parts[0]!;
  return (lu, inversePivot, pivotBefore, limit) => {
    for (let i = 0; i < parts.length; i++) {
      if (!parts[i]!(lu, inversePivot, pivotBefore, limit)) return false;
    }
    return true;
  };
}

/**
 * A partial solve (`SparseComplexLu.solveFor`) for one plan, one set of driven rows (forward
 * substitution starts at the first of them, `start`) and one list of wanted unknowns (back
 * substitution visits `steps`, descending), as straight-line code with the work vector in locals.
 * Same arithmetic in the same order as the loop. Undefined when code cannot be generated here, or
 * when it would be longer than MAX_COMPILED_OPERATIONS lines.
 */
export type CompiledSolve = (
  bRe: Float64Array,
  bIm: Float64Array,
  lu: Float64Array,
  inversePivot: Float64Array,
  xRe: Float64Array,
  xIm: Float64Array,
) => void;

export function compileSolve(
  plan: FactorPlan,
  n: number,
  start: number,
  steps: Int32Array,
  wanted: Int32Array,
): CompiledSolve | undefined {
  const { rowOrder, rowStart, colIndex, diagonal, colStep } = plan;
  const lines: string[] = [];
  const declared = new Set<number>();
  const declare = (k: number, re: string, im: string) => {
    lines.push(
      `${declared.has(k) ? "" : "let "}yr${k} = ${re}; ${declared.has(k) ? "" : "let "}yi${k} = ${im};`,
    );
    declared.add(k);
  };
  // Back substitution reads y from its earliest step on; before `start` it is zero.
  for (const i of steps) if (i < start) declare(i, "0", "0");
  for (let k = start; k < n; k++) {
    const r = rowOrder[k]!;
    lines.push(`sr = bRe[${r}] + 0; si = bIm[${r}] + 0;`); // as substitute() reads b
    for (let p = rowStart[k]!; p < diagonal[k]!; p++) {
      const j = colIndex[p]!;
      if (j < start) continue;
      lines.push(
        `lr = lu[${2 * p}]; li = lu[${2 * p + 1}]; sr -= lr * yr${j} - li * yi${j}; si -= lr * yi${j} + li * yr${j};`,
      );
    }
    declare(k, "sr", "si");
  }
  for (const i of steps) {
    lines.push(`sr = yr${i}; si = yi${i};`);
    for (let p = diagonal[i]! + 1; p < rowStart[i + 1]!; p++) {
      const j = colIndex[p]!;
      lines.push(
        `lr = lu[${2 * p}]; li = lu[${2 * p + 1}]; sr -= lr * yr${j} - li * yi${j}; si -= lr * yi${j} + li * yr${j};`,
      );
    }
    lines.push(
      `pr = inv[${2 * i}]; pi = inv[${2 * i + 1}]; yr${i} = sr * pr - si * pi; yi${i} = sr * pi + si * pr;`,
    );
  }
  for (const unknown of wanted) {
    const k = colStep[unknown]!;
    lines.push(`xRe[${unknown}] = yr${k}; xIm[${unknown}] = yi${k};`);
  }
  if (lines.length > MAX_COMPILED_OPERATIONS) return undefined;
  const body = `let sr, si, lr, li, pr, pi;\n${lines.join("\n")}`;
  try {
    return new Function("bRe", "bIm", "lu", "inv", "xRe", "xIm", body) as CompiledSolve;
  } catch {
    return undefined;
  }
}
