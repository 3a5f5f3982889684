/**
 * Fit one ETS model by maximum likelihood (docs/METHODOLOGY.md §2; R's `etsmodel`): smoothing parameters and
 * initial states are optimised jointly with Nelder–Mead on L*, under the usual and admissible constraints.
 */
import { DEFAULT_BOUNDS, isAdmissible, withinUsualBounds, type ParamBounds } from "./constraints.js";
import { etsFilter, type FilterResult } from "./filter.js";
import { initialParams, initialState } from "./initial-values.js";
import { nelderMead } from "./nelder-mead.js";
import { etsName, seasonOffset, stateLength, type EtsParams, type EtsSpec } from "./spec.js";

export interface EtsFitOptions {
  bounds?: ParamBounds;
  /** Smoothing parameters held fixed (removed from the free vector). */
  fixed?: Partial<EtsParams>;
  /** "lik" (default): minimise L*; "mse": minimise SSE/n (used by Theta, §3.2). */
  criterion?: "lik" | "mse";
  maxit?: number;
}

export interface EtsFit {
  spec: EtsSpec;
  name: string;
  params: EtsParams;
  /** Full initial state x_0, including the seasonal state implied by normalisation. */
  initialState: Float64Array;
  /** Final state x_n. */
  state: Float64Array;
  fitted: Float64Array;
  /** Innovations (additive or relative errors); NaN at missing observations. */
  residuals: Float64Array;
  sse: number;
  /** L* = −2 log-likelihood without constants (R's `lik`; loglik = −L* ÷ 2). */
  lik: number;
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** σ² = SSE / (n − p_all). */
  sigma2: number;
  /** Non-missing observations. */
  nObs: number;
  /** Free coordinates optimised (p). */
  nFree: number;
  /** All parameters counted as R's `length(par)` (p_all). */
  nParams: number;
  converged: boolean;
}

function tightenBounds(bounds: ParamBounds, fixed: Partial<EtsParams>): ParamBounds {
  const lower: ParamBounds["lower"] = [...bounds.lower];
  const upper: ParamBounds["upper"] = [...bounds.upper];
  if (fixed.alpha !== undefined) {
    upper[1] = Math.min(upper[1], fixed.alpha);
    upper[2] = Math.min(upper[2], 1 - fixed.alpha);
  }
  if (fixed.beta !== undefined) lower[0] = Math.max(lower[0], fixed.beta);
  if (fixed.gamma !== undefined) upper[0] = Math.min(upper[0], 1 - fixed.gamma);
  return { lower, upper };
}

/** Build the full x_0 from level, slope and the m−1 free seasonal states (§1.3 normalisation). */
export function buildInitialState(
  spec: EtsSpec,
  level: number,
  slope: number,
  freeSeason: ArrayLike<number>,
): Float64Array {
  const x0 = new Float64Array(stateLength(spec));
  x0[0] = level;
  if (spec.trend !== "N") x0[1] = slope;
  if (spec.season !== "N") {
    const off = seasonOffset(spec);
    let sum = 0;
    for (let i = 0; i < spec.m - 1; i++) {
      const s = freeSeason[i] as number;
      x0[off + i] = s;
      sum += s;
    }
    x0[off + spec.m - 1] = (spec.season === "M" ? spec.m : 0) - sum;
  }
  return x0;
}

/**
 * Fit `spec` to `y` (NaN = missing). Returns undefined when the model has too many free values for the data
 * (p ≥ n − 1, §1.9) or when no finite starting objective exists.
 */
export function fitEts(y: ArrayLike<number>, spec: EtsSpec, options: EtsFitOptions = {}): EtsFit | undefined {
  const fixed = options.fixed ?? {};
  const bounds = tightenBounds(options.bounds ?? DEFAULT_BOUNDS, fixed);
  const criterion = options.criterion ?? "lik";
  let nObs = 0;
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i] as number)) nObs++;

  const start = initialParams(spec, bounds);
  const hasTrend = spec.trend !== "N";
  const hasSeason = spec.season !== "N";
  const free = {
    alpha: fixed.alpha === undefined,
    beta: hasTrend && fixed.beta === undefined,
    gamma: hasSeason && fixed.gamma === undefined,
    phi: spec.damped && fixed.phi === undefined,
  };
  const init = initialState(y, spec);
  const x: number[] = [];
  if (free.alpha) x.push(start.alpha);
  if (free.beta) x.push(start.beta);
  if (free.gamma) x.push(start.gamma);
  if (free.phi) x.push(start.phi);
  x.push(init.level);
  if (hasTrend) x.push(init.slope);
  x.push(...init.season);
  const nFree = x.length;
  if (nFree >= nObs - 1) return undefined;

  const unpack = (v: ArrayLike<number>): { params: EtsParams; x0: Float64Array } => {
    let i = 0;
    const alpha = free.alpha ? (v[i++] as number) : (fixed.alpha as number);
    const beta = hasTrend ? (free.beta ? (v[i++] as number) : (fixed.beta as number)) : 0;
    const gamma = hasSeason ? (free.gamma ? (v[i++] as number) : (fixed.gamma as number)) : 0;
    const phi = spec.damped ? (free.phi ? (v[i++] as number) : (fixed.phi as number)) : 1;
    const level = v[i++] as number;
    const slope = hasTrend ? (v[i++] as number) : 0;
    const season: number[] = [];
    if (hasSeason) for (let j = 0; j < spec.m - 1; j++) season.push(v[i++] as number);
    return { params: { alpha, beta, gamma, phi }, x0: buildInitialState(spec, level, slope, season) };
  };

  const objective = (v: Float64Array): number => {
    const { params, x0 } = unpack(v);
    if (!withinUsualBounds(spec, params, bounds) || !isAdmissible(spec, params)) return Number.POSITIVE_INFINITY;
    if (spec.season === "M") {
      const off = seasonOffset(spec);
      for (let j = 0; j < spec.m; j++) if ((x0[off + j] as number) < 0) return Number.POSITIVE_INFINITY;
    }
    const run = etsFilter(y, spec, params, x0);
    if (criterion === "mse") return run.sse / run.nObs;
    return run.lik;
  };

  let result;
  try {
    result = nelderMead(objective, x, { maxit: options.maxit ?? 2000 });
  } catch {
    return undefined; // infeasible start (e.g. a non-positive seasonal index)
  }
  const { params, x0 } = unpack(result.x);
  const run = etsFilter(y, spec, params, x0);
  if (!Number.isFinite(run.lik)) return undefined;

  // p_all = α + ℓ0 + [β, b0] + [φ] + [γ and the m−1 free seasonal states] (R: length(par)).
  const nParams = 2 + (hasTrend ? 2 : 0) + (spec.damped ? 1 : 0) + (hasSeason ? spec.m : 0);
  return {
    spec,
    name: etsName(spec),
    params,
    initialState: x0,
    ...runFigures(run, nObs, nFree + 1, nParams),
    nFree,
    nParams,
    converged: result.converged,
  };
}

/**
 * A filter run's states, fitted values, residuals and likelihood, with the information criteria for `k`
 * estimated parameters (the free ones and σ²) and σ² = SSE / (n − nParams): the same for a fit and a re-filter.
 */
function runFigures(run: FilterResult, nObs: number, k: number, nParams: number) {
  const aic = run.lik + 2 * k;
  return {
    state: run.state,
    fitted: run.fitted,
    residuals: run.errors,
    sse: run.sse,
    lik: run.lik,
    loglik: -0.5 * run.lik,
    aic,
    aicc: nObs - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (nObs - k - 1) : Number.POSITIVE_INFINITY,
    bic: run.lik + k * Math.log(nObs),
    sigma2: run.sse / (nObs - nParams),
    nObs,
  };
}

/**
 * Re-run a fitted model over a longer (or different) series with its parameters and initial state held fixed:
 * the cheap alternative to refitting at each forecast origin of a backtest (docs/METHODOLOGY.md §2, "re-filter with
 * fixed parameters for speed"). Information criteria are recomputed on the new data with the same parameter count.
 */
export function refilterEts(fit: EtsFit, y: ArrayLike<number>): EtsFit {
  const run = etsFilter(y, fit.spec, fit.params, fit.initialState);
  return { ...fit, ...runFigures(run, run.nObs, fit.nFree + 1, fit.nParams) };
}
