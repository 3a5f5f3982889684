/**
 * What the Monte Carlo's path loop (simulate.ts) needs about the plan and the price model, computed once per
 * simulation: per-month constants, the time grid's transitions, which months settle at each step, and the open
 * positions marked at each step.
 */
import { quoteDivisor } from "../curve/contract.js";
import { HedgeError } from "../errors.js";
import type { HedgePlan } from "../hedge/plan.js";
import { factorVariance, futuresCoefficients, timeGrid, transition, type PriceModel } from "./price-model.js";

/** What the path loop needs about the plan and the price model, computed once per simulation. */
export interface PathSetup {
  M: number;
  K: number;
  F: Float64Array;
  /** N·size/divisor: USD per unit of price change, per month. */
  nsz: Float64Array;
  /** Forecast exposure units / divisor: the 100% hedge of the sweep. */
  unit: Float64Array;
  weight: Float64Array;
  weightSum: number;
  halfV: Float64Array;
  phi: Float64Array;
  sd: Float64Array;
  settleStart: Int32Array;
  settleList: Int32Array;
  /** 1 for a month already past its settlement date at the as-of date: it settles at today's price, at step 0. */
  past: Uint8Array;
  gbm: boolean;
  drift: Float64Array;
  openNotional: Float64Array;
  openStart: Int32Array;
  openC: Float64Array;
  openD: Float64Array;
  openValue: Float64Array;
}

/** `sign` +1 for a long position, −1 for a short one: the contracts and the sweep's hedge are held with that sign. */
export function pathSetup(plan: HedgePlan, model: PriceModel, asOf: string, sign: 1 | -1 = 1): PathSetup {
  const M = plan.months.length;
  const divisor = quoteDivisor(plan.contract);
  const grid = timeGrid(
    asOf,
    plan.months.map((m) => m.month),
  );
  const K = grid.times.length;
  if (K === 0)
    throw new HedgeError("USAGE", `every delivery month settles before the as-of date ${asOf}: nothing to simulate`, {
      value: asOf,
      hint: "use an earlier --as-of or a later curve",
    });
  const F = Float64Array.from(plan.months, (m) => m.futuresPrice);
  const nsz = Float64Array.from(plan.months, (m) => (sign * m.contracts * plan.contract.contractSize) / divisor);
  const weight = Float64Array.from(plan.months, (m) => m.forecastTokens);
  const phi = new Float64Array(K);
  const sd = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const tr = transition(model, grid.times[k]! - (k > 0 ? grid.times[k - 1]! : 0));
    phi[k] = tr.phi;
    sd[k] = tr.sd;
  }
  // Months settling at each step, as a flattened list with start offsets.
  const settleStart = new Int32Array(K + 1);
  const settleMonths: number[] = [];
  for (let k = 0; k < K; k++) {
    settleStart[k] = settleMonths.length;
    for (let m = 0; m < M; m++)
      if (grid.settleIndex[m] === k || (k === 0 && grid.settleIndex[m]! < 0)) settleMonths.push(m);
  }
  settleStart[K] = settleMonths.length;
  // Open positions at each step: F_m(t_k) = F_m·exp(c·X + d) (price-model.ts); for GBM one common factor.
  const openNotional = new Float64Array(K);
  const openStart = new Int32Array(K + 1);
  const openC: number[] = [];
  const openD: number[] = [];
  const openValue: number[] = [];
  for (let k = 0; k < K; k++) {
    openStart[k] = openC.length;
    for (let m = 0; m < M; m++) {
      if (grid.settleIndex[m]! > k) {
        openNotional[k] = openNotional[k]! + nsz[m]! * F[m]!;
        const { c, d } = futuresCoefficients(model, grid.times[k]!, grid.settleTimes[m]!);
        openC.push(c);
        openD.push(d);
        openValue.push(nsz[m]! * F[m]!);
      }
    }
  }
  openStart[K] = openC.length;
  return {
    M,
    K,
    F,
    nsz,
    unit: Float64Array.from(plan.months, (m) => (sign * m.exposureUnits) / divisor),
    weight,
    weightSum: weight.reduce((a, b) => a + b, 0) || 1,
    halfV: Float64Array.from(grid.settleTimes, (t) => 0.5 * factorVariance(model, t)),
    phi,
    sd,
    settleStart,
    settleList: Int32Array.from(settleMonths),
    past: Uint8Array.from(plan.months, (_, m) => (grid.settleIndex[m]! < 0 ? 1 : 0)),
    gbm: model.kind === "gbm" || model.meanReversion === 0,
    drift: Float64Array.from(grid.times, (t) => -0.5 * factorVariance(model, t)),
    openNotional,
    openStart,
    openC: Float64Array.from(openC),
    openD: Float64Array.from(openD),
    openValue: Float64Array.from(openValue),
  };
}
