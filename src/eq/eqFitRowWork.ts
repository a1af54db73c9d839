/**
 * What the EQ fit's rows (eqFitRows.ts) read and write: the problem's fixed setup, the state at one
 * parameter vector, the normal equations being built, and work arrays allocated once per problem.
 */

/** What the rows need to know at one parameter vector. */
export interface RowState {
  /** The summed EQ on the grid, dB. */
  readonly eq: Float64Array;
  /** The summed boosts S₊ and cuts S₋ of the filters at each grid point, dB (both ≥ 0). */
  readonly boostsDb: Float64Array;
  readonly cutsDb: Float64Array;
  /** side[k][i]: 1 when filter k boosts at grid point i, 2 when it cuts, 0 when it is flat there. */
  readonly side: readonly Uint8Array[];
}

/** The fixed parts: the problem's layout, data and weights. */
export interface RowSetup {
  readonly desiredDb: Float64Array;
  /** The point rows' weights squared (length: the point band's grid points). */
  readonly pointWeight2: Float64Array;
  /** Per slot: parameter indices of ln fc, ln Q, gain (−1: fixed by the slot). */
  readonly layout: readonly { logFc: number; logQ: number; gainDb: number }[];
  /** Per slot: the indices of its free parameters. */
  readonly slotParameters: readonly Int32Array[];
  /** Per slot: the fixed Q of a slot that fixes it, and whether it is a peaking filter. */
  readonly fixedQ: readonly number[];
  readonly peaking: readonly boolean[];
  readonly offsetIndex: number;
  readonly parameterCount: number;
  readonly weights: {
    readonly maxBoostDb: number;
    readonly trebleMaxBoostDb: number;
    readonly maxSlopeDbPerOctave: number;
    readonly boostWeight: number;
    readonly sharpnessWeight: number;
    readonly gainWeight: number;
    readonly loudnessWeight: number;
    readonly cancelWeight: number;
    readonly headroomWeight: number;
  };
}

/** The Jacobian's columns and the normal equations being built (lower triangle of JᵀJ). */
export interface LinearTerms {
  /** ∂eq_i/∂x_p at derivative[p·m + i] (m grid points); columns of inactive parameters are not read. */
  readonly derivative: Float64Array;
  readonly active: readonly boolean[];
  readonly jtj: Float64Array;
  readonly jtr: Float64Array;
}

/** Work arrays, allocated once per problem. */
export class RowWork {
  readonly e: Float64Array;
  readonly g: Float64Array;
  readonly headroom: Float64Array;
  readonly meanColumn: Float64Array;
  readonly headroomColumn: Float64Array;
  readonly offsetColumn: Float64Array;
  readonly trebleColumn: Float64Array;
  /** The grid points whose rows enter JᵀJ (e_i > 0) and √e_i there. */
  readonly rowPoint: Int32Array;
  readonly rowScale: Float64Array;
  /** The cancellation rows: grid point, the smaller side (1 boosts, 2 cuts), ±W_cancel, residual. */
  readonly cancelPoint: Int32Array;
  readonly cancelSide: Uint8Array;
  readonly cancelSign: Float64Array;
  readonly cancelResidual: Float64Array;
  /** The scaled columns, `stride` apart: √e·d at the gathered rows. */
  readonly scaled: Float64Array;
  readonly stride: number;
  readonly activeColumns: Int32Array;
  /** One cancellation row's nonzero columns and their values. */
  readonly columns: Int32Array;
  readonly values: Float64Array;
  constructor(gridPoints: number, parameterCount: number) {
    this.e = new Float64Array(gridPoints);
    this.g = new Float64Array(gridPoints);
    this.headroom = new Float64Array(gridPoints);
    this.meanColumn = new Float64Array(parameterCount);
    this.headroomColumn = new Float64Array(parameterCount);
    this.offsetColumn = new Float64Array(parameterCount);
    this.trebleColumn = new Float64Array(parameterCount);
    this.rowPoint = new Int32Array(gridPoints);
    this.rowScale = new Float64Array(gridPoints);
    this.cancelPoint = new Int32Array(gridPoints);
    this.cancelSide = new Uint8Array(gridPoints);
    this.cancelSign = new Float64Array(gridPoints);
    this.cancelResidual = new Float64Array(gridPoints);
    this.stride = gridPoints;
    this.scaled = new Float64Array(parameterCount * this.stride);
    this.activeColumns = new Int32Array(parameterCount);
    this.columns = new Int32Array(parameterCount);
    this.values = new Float64Array(parameterCount);
  }
}
