/**
 * Monte Carlo of the hedged and unhedged cost over the plan's horizon (formulas: docs/METHODOLOGY.md).
 *
 * Per path i and delivery month m:
 *   index settlement S_im from the price model (price-model.ts), centred so E[S_im] = F_m;
 *   company price P_im = a + b·I_im + η·ε_im (USD/Mtok), I_im = S_im·1e6/(divisor·tokensPerUnit) the index in USD per
 *     million tokens (for a GPU-hour contract, the GPU-hour price per k tokens), ε_im iid N(0, 1): the basis;
 *   volume Q_im from the forecast's sample paths, paired with price paths by copula.ts (`--corr`);
 *   unhedged cost U_i = Σ_m Q_im·P_im/1e6; futures P&L G_i = Σ_m N_m·size·(S_im − F_m)/divisor; hedged H_i = U_i − G_i;
 *   over-hedged tokens Σ_m max(0, hedgedTokens_m − Q_im);
 *   variation margin at each month end t_k: Σ_{m settled} N_m·size·(S_im − F_m)/divisor
 *     + Σ_{m open} N_m·size·(F_m(t_k) − F_m)/divisor, and the path's peak need = the largest cumulative outflow.
 * A short hedger (`side: "short"`, a seller of capacity) holds −N_m contracts and its volume is a sale: every cost is a
 * net cost with revenue negative (U_i = −Σ_m Q_im·P_im/1e6), so the risk figures read the same way — the Cost-at-Risk of
 * the net cost is the seller's revenue shortfall at the confidence level (Revenue-at-Risk).
 * Modelled money is float64 throughout and rounded only when shown (docs/METHODOLOGY.md).
 *
 * One pass over the paths computes prices, margin, futures P&L and costs together, with typed arrays, precomputed
 * per-step constants and no per-path allocation. Three generator streams of the seed (stats/ziggurat.ts) feed the price
 * factor (K normals per path), the copula pairing (n normals, only when ρ ≠ 0) and the basis noise (M normals per
 * path, only when η > 0), so a seed fixes every figure and the price paths can be replayed: with ρ ≠ 0 a price-only
 * pass first scores the paths for the pairing.
 */
import { quoteDivisor } from "../curve/contract.js";
import type { HedgePlan } from "../hedge/plan.js";
import type { Budget } from "./budget.js";
import { pairPaths } from "./copula.js";
import type { PriceModel } from "./price-model.js";
import { NormalStream } from "../stats/ziggurat.js";
import { riskFiguresSelect } from "./risk.js";
import { hedgeRatioSweep } from "./sweep.js";
import { pathSetup, type PathSetup } from "./path-setup.js";
import type {
  Basis,
  SimulationCommitments,
  SimulationInput,
  SimulationResult,
  VolumeMatrix,
} from "./simulation-types.js";

export type {
  Basis,
  SimulationCommitments,
  SimulationInput,
  SimulationMonth,
  SimulationResult,
  VolumeMatrix,
} from "./simulation-types.js";

/** The cost side of the path loop: volumes, their pairing with price paths, the basis and the budget. */
interface CostInputs {
  volumes: VolumeMatrix;
  /** volumeOf[i] = the volume path of price path i; null = the identity. */
  volumeOf: Uint32Array | null;
  basis: Basis;
  /** Index price → USD per Mtok: 1e6/(divisor·tokensPerUnit). */
  toMtokPrice: number;
  hedgedTokens: Float64Array;
  noiseRng: NormalStream | null;
  budget: Budget | undefined;
  commitments: SimulationCommitments | null;
  /** +1: the volume is bought (a cost); −1: it is sold (revenue, a negative cost). */
  sign: 1 | -1;
}

interface PathOutputs {
  planPnl: Float64Array;
  sweepGain: Float64Array;
  peakMargin: Float64Array;
  priceScore: Float64Array;
  settlements: Float64Array | null;
  unhedged: Float64Array;
  hedged: Float64Array;
  sumQ: Float64Array;
  sumS: Float64Array;
  sumCost: Float64Array;
  sumPnl: Float64Array;
  overPaths: number;
  overTokens: number;
  overBudget: number;
  overBudgetUnhedged: number;
  /** Per path: take-or-pay shortfall cost (length 0 without commitments). */
  shortfall: Float64Array;
}

/**
 * The path loop: the price factor on the grid, each month's settlement, futures P&L, margin and — given costs — the
 * company's cost, in one pass over the paths with no per-path allocation. Without costs it computes the price side
 * only (the copula's price scores, or the settlements for the tests).
 */
function runPaths(
  s: PathSetup,
  n: number,
  rng: NormalStream,
  costs: CostInputs | null,
  keepSettlements: boolean,
  onProgress?: (f: number) => void,
): PathOutputs {
  const {
    M,
    K,
    F,
    nsz,
    unit,
    weight,
    halfV,
    phi,
    sd,
    settleStart,
    settleList,
    past,
    gbm,
    drift,
    openNotional,
    openStart,
    openC,
    openD,
    openValue,
  } = s;
  const planPnl = new Float64Array(n);
  const sweepGain = new Float64Array(n);
  const peakMargin = new Float64Array(n);
  const priceScore = new Float64Array(n);
  const settlements = keepSettlements ? new Float64Array(n * M) : null;
  const withCosts = costs !== null;
  const unhedged = new Float64Array(withCosts ? n : 0);
  const hedged = new Float64Array(withCosts ? n : 0);
  const sumQ = new Float64Array(M);
  const sumS = new Float64Array(M);
  const sumCost = new Float64Array(M);
  const sumPnl = new Float64Array(M);
  const vol = costs ? costs.volumes.data : new Float64Array(0);
  const volumeOf = costs?.volumeOf ?? null;
  const a = costs?.basis.a ?? 0;
  const bk = (costs?.basis.b ?? 1) * (costs?.toMtokPrice ?? 1);
  const byMonth = costs?.basis.byMonth;
  const noise = byMonth ? Math.max(0, ...byMonth.noise) : (costs?.basis.noise ?? 0);
  const aOf = Float64Array.from({ length: M }, (_, m) => byMonth?.a[m] ?? a);
  const noiseOf = Float64Array.from({ length: M }, (_, m) => byMonth?.noise[m] ?? noise);
  const noiseRng = costs?.noiseRng ?? null;
  const hedgedTokens = costs?.hedgedTokens ?? new Float64Array(M);
  const budget = costs?.budget;
  const sign = costs?.sign ?? 1;
  const commitments = costs?.commitments?.byMonth ?? null;
  const fixedCost = Float64Array.from({ length: M }, (_, m) =>
    (commitments?.[m] ?? []).reduce((acc, c) => acc + (c.tokens * c.usdPerMtok) / 1_000_000, 0),
  );
  const shortfall = new Float64Array(commitments ? n : 0);
  const z = new Float64Array(Math.max(1, K));
  const eta = new Float64Array(Math.max(1, M));
  let overPaths = 0;
  let overTokens = 0;
  let overBudget = 0;
  let overBudgetUnhedged = 0;
  const progressEvery = Math.max(1, Math.floor(n / 100));

  for (let i = 0; i < n; i++) {
    rng.fill(z, K);
    const vrow = (volumeOf ? volumeOf[i]! : i) * M;
    if (withCosts && noise > 0) noiseRng!.fill(eta, M);
    let x = 0;
    let settled = 0;
    let gain = 0;
    let score = 0;
    let peak = 0;
    let cost = 0;
    let tokens = 0;
    let over = 0;
    let short = 0;
    for (let k = 0; k < K; k++) {
      x = phi[k]! * x + sd[k]! * z[k]!;
      // GBM: a month settling at t_k has ½V(τ_m) = −drift[k], so one exponential serves settlement and margin.
      const common = gbm ? Math.exp(x + drift[k]!) : 0;
      for (let j = settleStart[k]!; j < settleStart[k + 1]!; j++) {
        const m = settleList[j]!;
        const st = past[m] === 1 ? F[m]! : gbm ? F[m]! * common : F[m]! * Math.exp(x - halfV[m]!);
        const ds = st - F[m]!;
        settled += nsz[m]! * ds;
        gain += unit[m]! * ds;
        score += weight[m]! * st;
        if (settlements) settlements[i * M + m] = st;
        if (withCosts) {
          const q = vol[vrow + m]!;
          // Floating volume: all of it, or what the month's commitments leave (they are paid at their fixed price).
          let floating = q;
          const list = commitments?.[m];
          if (list && list.length > 0) {
            for (const cm of list) {
              const used = Math.min(Math.round(q * cm.share), cm.tokens);
              floating -= used;
              short += ((cm.tokens - used) * cm.usdPerMtok) / 1_000_000;
            }
            if (floating < 0) floating = 0;
          }
          const c =
            sign *
            (fixedCost[m]! + (floating * (aOf[m]! + bk * st + (noise > 0 ? noiseOf[m]! * eta[m]! : 0))) / 1_000_000);
          cost += c;
          tokens += q;
          const o = hedgedTokens[m]! - floating;
          if (o > 0) over += o;
          sumQ[m] = sumQ[m]! + q;
          sumS[m] = sumS[m]! + st;
          sumCost[m] = sumCost[m]! + c;
          sumPnl[m] = sumPnl[m]! + nsz[m]! * ds;
        }
      }
      let open = 0;
      if (gbm) {
        open = openNotional[k]! * (common - 1);
      } else {
        for (let j = openStart[k]!; j < openStart[k + 1]!; j++)
          open += openValue[j]! * Math.expm1(openC[j]! * x + openD[j]!);
      }
      const outflow = -(settled + open);
      if (outflow > peak) peak = outflow;
    }
    planPnl[i] = settled;
    sweepGain[i] = gain;
    peakMargin[i] = peak;
    priceScore[i] = score / s.weightSum;
    if (withCosts) {
      unhedged[i] = cost;
      if (commitments) shortfall[i] = short;
      const h = cost - settled;
      hedged[i] = h;
      if (over > 0) {
        overPaths++;
        overTokens += over;
      }
      if (budget) {
        const limit = budget.kind === "total" ? budget.usd : (budget.usdPerMtok * tokens) / 1_000_000;
        if (h > limit) overBudget++;
        if (cost > limit) overBudgetUnhedged++;
      }
    }
    if (onProgress && i % progressEvery === 0) onProgress(i / n);
  }
  return {
    planPnl,
    sweepGain,
    peakMargin,
    priceScore,
    settlements,
    unhedged,
    hedged,
    sumQ,
    sumS,
    sumCost,
    sumPnl,
    overPaths,
    overTokens,
    overBudget,
    overBudgetUnhedged,
    shortfall,
  };
}

/** Price side only, with the settlement matrix (settlements[i·M + m]); for the tests of the price model. */
export function simulateIndexPaths(
  plan: HedgePlan,
  model: PriceModel,
  asOf: string,
  n: number,
  rng: NormalStream,
): {
  settlements: Float64Array;
  planPnl: Float64Array;
  sweepGain: Float64Array;
  peakMargin: Float64Array;
  priceScore: Float64Array;
} {
  const out = runPaths(pathSetup(plan, model, asOf), n, rng, null, true);
  return {
    settlements: out.settlements!,
    planPnl: out.planPnl,
    sweepGain: out.sweepGain,
    peakMargin: out.peakMargin,
    priceScore: out.priceScore,
  };
}

export function simulate(input: SimulationInput): SimulationResult {
  const { plan, volumes, model, seed, asOf } = input;
  const basis: Basis = input.basis ?? { a: 0, b: 1, noise: 0 };
  const corr = input.corr ?? 0;
  const n = volumes.paths;
  const M = plan.months.length;
  if (volumes.months !== M || volumes.data.length !== n * M)
    throw new Error(`volume matrix is ${volumes.paths}×${volumes.months}, expected paths × ${M} months`);
  const progress = input.onProgress;
  const sign = input.side === "short" ? -1 : 1;
  if (sign < 0 && (input.budget || input.commitments))
    throw new Error("a budget and commitments are a buyer's; the pipeline refuses them for a short hedge");
  const setup = pathSetup(plan, model, asOf, sign);

  // Pairing (copula.ts) needs every path's price score before any cost: a first, price-only pass; the main pass then
  // replays the identical price paths from the same stream. With ρ = 0 the pairing is the identity and one pass does.
  let volumeOf: Uint32Array | null = null;
  if (corr !== 0) {
    const scores = runPaths(
      setup,
      n,
      new NormalStream(seed, 0),
      null,
      false,
      progress ? (f) => progress(0.35 * f) : undefined,
    ).priceScore;
    const totalVolume = new Float64Array(n);
    for (let v = 0; v < n; v++) {
      let t = 0;
      for (let m = 0; m < M; m++) t += volumes.data[v * M + m]!;
      totalVolume[v] = t;
    }
    volumeOf = pairPaths(totalVolume, scores, corr, new NormalStream(seed, 1));
  }
  const divisor = quoteDivisor(plan.contract);
  const costs: CostInputs = {
    volumes,
    volumeOf,
    basis,
    toMtokPrice: 1_000_000 / (divisor * (plan.contract.tokensPerGpuHour ?? 1)),
    hedgedTokens: Float64Array.from(plan.months, (m) => m.hedgedTokens),
    noiseRng: basis.noise > 0 || (basis.byMonth?.noise.some((x) => x > 0) ?? false) ? new NormalStream(seed, 2) : null,
    budget: input.budget,
    commitments: input.commitments ?? null,
    sign,
  };
  const from = corr !== 0 ? 0.35 : 0;
  const out = runPaths(
    setup,
    n,
    new NormalStream(seed, 0),
    costs,
    false,
    progress ? (f) => progress(from + (0.8 - from) * f) : undefined,
  );

  const sweep = hedgeRatioSweep(out.unhedged, out.sweepGain);
  progress?.(0.97);
  const u = riskFiguresSelect(out.unhedged);
  const hd = riskFiguresSelect(out.hedged);
  const peaks = riskFiguresSelect(out.peakMargin);
  let peakMax = 0;
  for (let i = 0; i < n; i++) if (out.peakMargin[i]! > peakMax) peakMax = out.peakMargin[i]!;
  progress?.(1);
  const budget = input.budget;
  return {
    seed,
    side: sign < 0 ? "short" : "long",
    paths: n,
    model,
    basis,
    corr,
    asOf,
    unhedged: u,
    hedged: hd,
    varianceReduction: u.sd > 0 ? 1 - (hd.sd * hd.sd) / (u.sd * u.sd) : null,
    probOverBudget: budget ? out.overBudget / n : null,
    probOverBudgetUnhedged: budget ? out.overBudgetUnhedged / n : null,
    probOverHedge: out.overPaths / n,
    expectedOverHedgedTokens: out.overTokens / n,
    peakMargin: { mean: peaks.mean, p50: peaks.p50, p95: peaks.p95, p99: peaks.p99, max: peakMax },
    sweep: sweep.points,
    minVarianceRatio: sweep.minVarianceRatio,
    minCarRatio: sweep.minCarRatio,
    minVarianceRatioExact: sweep.minVarianceRatioExact,
    planRatio: plan.totals.achievedRatio,
    months: plan.months.map((pm, m) => ({
      month: pm.month,
      meanTokens: out.sumQ[m]! / n,
      meanSettlement: out.sumS[m]! / n,
      meanUnhedgedCost: out.sumCost[m]! / n,
      meanFuturesPnl: out.sumPnl[m]! / n,
      meanHedgedCost: (out.sumCost[m]! - out.sumPnl[m]!) / n,
    })),
    takeOrPay: input.commitments ? takeOrPayFigures(out.shortfall) : null,
    samples: { unhedged: out.unhedged, hedged: out.hedged, sweepGain: out.sweepGain, peakMargin: out.peakMargin },
  };
}

function takeOrPayFigures(shortfall: Float64Array): NonNullable<SimulationResult["takeOrPay"]> {
  const n = shortfall.length;
  let sum = 0;
  let hit = 0;
  for (let i = 0; i < n; i++) {
    sum += shortfall[i]!;
    if (shortfall[i]! > 0) hit++;
  }
  return {
    meanShortfallCost: n > 0 ? sum / n : 0,
    probabilityOfShortfall: n > 0 ? hit / n : 0,
    p95ShortfallCost: n > 0 ? riskFiguresSelect(shortfall).p95 : 0,
  };
}
