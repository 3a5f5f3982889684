/**
 * Liquidity stress: the variation margin a futures position pays along price paths, not straight lines, and the
 * cash buffer that needs.
 *
 * Every open leg l (N_l contracts, signed; today's price F_l) moves with one index level X(t), X(0) = 1, one step a
 * calendar day: F_l(t) = F_l · X(t). Until its settlement day (the last day of its delivery month) the leg's
 * cumulative variation margin is N_l · size · F_l · (X(t) − 1) / divisor; after it, the leg is settled and its margin
 * stays where it was. The funding need of a path is the largest cumulative outflow, max_t −VM(t) (0 when the path
 * never pays).
 *   - `gap`: a day-one jump X(1) = 1 + gap (e.g. −0.5: the index halves overnight), held flat after;
 *   - simulated paths: X follows a driftless geometric Brownian motion with annual volatility σ, daily steps
 *     dt = 1/365, X(t+1) = X(t)·exp(−σ²dt/2 + σ√dt·Z), Z from the seeded normal stream, after the optional gap.
 * The buffer a treasury holds is the initial margin plus the P99 peak funding need over the simulated paths.
 */
import { Dec, toCents } from "../money/decimal.js";
import { NormalStream } from "../scenarios/random.js";
import { quantileOfSorted } from "../stats/quantile.js";
import { dayToEpochDays, lastDayOfMonth } from "../time/period.js";

export interface LiquidityLeg {
  month: string;
  /** Signed: long +, short −. */
  contracts: number;
  futuresPrice: number;
}

export interface LiquidityInput {
  legs: readonly LiquidityLeg[];
  contractSize: number;
  divisor: number;
  /** Today, YYYY-MM-DD. */
  asOf: string;
  /** Initial margin of the whole position, USD (held from day one). */
  initialMargin: number;
}

interface Prepared {
  /** Settlement day of each leg, days after the as-of date (≥ 1). */
  settleDay: number[];
  /** N·size·F/divisor of each leg: the margin per unit move of X. */
  exposure: number[];
  horizon: number;
}

function prepare(i: LiquidityInput): Prepared {
  const start = dayToEpochDays(i.asOf);
  const settleDay = i.legs.map((l) => Math.max(1, dayToEpochDays(lastDayOfMonth(l.month)) - start));
  const exposure = i.legs.map((l) => (l.contracts * i.contractSize * l.futuresPrice) / i.divisor);
  return { settleDay, exposure, horizon: settleDay.reduce((a, b) => Math.max(a, b), 0) };
}

/** Peak funding need (positive USD) of one path of X, X[0] = 1, X[t] the level t days on. */
function peakOfPath(p: Prepared, x: ArrayLike<number>): { peak: number; day: number } {
  let peak = 0;
  let day = 0;
  for (let t = 1; t < x.length; t++) {
    let vm = 0;
    for (let l = 0; l < p.exposure.length; l++) vm += p.exposure[l]! * (x[Math.min(t, p.settleDay[l]!)]! - 1);
    if (-vm > peak) {
      peak = -vm;
      day = t;
    }
  }
  return { peak, day };
}

export interface GapStress {
  gap: number;
  /** Cumulative variation margin the day after the gap (all legs move at once), USD. */
  dayOneMargin: number;
  fundingNeed: number;
  /** Initial margin + funding need. */
  cashBuffer: number;
}

/** A day-one gap held flat: every leg pays N·size·F·gap/divisor at once. */
export function gapStress(i: LiquidityInput, gap: number): GapStress {
  const dayOne = i.legs.reduce(
    (a, l) => a.plus(new Dec(l.contracts).times(i.contractSize).times(l.futuresPrice).times(gap).div(i.divisor)),
    new Dec(0),
  );
  const need = dayOne.isNegative() ? dayOne.negated() : new Dec(0);
  return {
    gap,
    dayOneMargin: toCents(dayOne),
    fundingNeed: toCents(need),
    cashBuffer: toCents(need.plus(i.initialMargin)),
  };
}

export interface SimulatedStress {
  paths: number;
  seed: number;
  volatility: number;
  gap: number;
  meanFundingNeed: number;
  p95FundingNeed: number;
  p99FundingNeed: number;
  maxFundingNeed: number;
  /** Initial margin + P99 funding need. */
  cashBuffer: number;
}

export interface SimulatedStressOptions {
  paths: number;
  seed: number;
  /** Annual volatility of the index, e.g. 0.45. */
  volatility: number;
  /** Day-one gap before the diffusion (0 for none). */
  gap?: number;
}

/** Seeded stream 7 of the seed: unrelated to the simulation's price (0), pairing (1) and basis (2) streams. */
const LIQUIDITY_STREAM = 7;

export function simulatedStress(i: LiquidityInput, o: SimulatedStressOptions): SimulatedStress {
  const p = prepare(i);
  const gap = o.gap ?? 0;
  const rng = new NormalStream(o.seed, LIQUIDITY_STREAM);
  const dt = 1 / 365;
  const drift = -0.5 * o.volatility * o.volatility * dt;
  const sd = o.volatility * Math.sqrt(dt);
  const x = new Float64Array(p.horizon + 1);
  const peaks = new Array<number>(o.paths);
  for (let k = 0; k < o.paths; k++) {
    x[0] = 1;
    for (let t = 1; t <= p.horizon; t++) x[t] = (t === 1 ? 1 + gap : x[t - 1]!) * Math.exp(drift + sd * rng.normal());
    peaks[k] = peakOfPath(p, x).peak;
  }
  peaks.sort((a, b) => a - b);
  const p99 = toCents(quantileOfSorted(peaks, 0.99));
  return {
    paths: o.paths,
    seed: o.seed,
    volatility: o.volatility,
    gap,
    meanFundingNeed: toCents(peaks.reduce((a, b) => a + b, 0) / Math.max(1, o.paths)),
    p95FundingNeed: toCents(quantileOfSorted(peaks, 0.95)),
    p99FundingNeed: p99,
    maxFundingNeed: toCents(peaks[peaks.length - 1] ?? 0),
    cashBuffer: toCents(new Dec(p99).plus(i.initialMargin)),
  };
}

/** The funding need along one given path of X (for a path a user supplies or a test writes out). */
export function pathFundingNeed(i: LiquidityInput, x: readonly number[]): { fundingNeed: number; day: number } {
  const { peak, day } = peakOfPath(prepare(i), x);
  return { fundingNeed: toCents(peak), day };
}

export interface LiquiditySection {
  legs: number;
  contracts: number;
  initialMargin: number;
  gaps: GapStress[];
  simulated: SimulatedStress | null;
  /** The larger of the worst gap's buffer and the simulated P99 buffer. */
  cashBuffer: number;
}

/** Gap stresses and, when asked for, the simulated peak funding need of one position. */
export function liquiditySection(
  i: LiquidityInput,
  gaps: readonly number[],
  sim: SimulatedStressOptions | null,
): LiquiditySection {
  const g = gaps.map((gap) => gapStress(i, gap));
  const s = sim ? simulatedStress(i, sim) : null;
  const buffers = [...g.map((x) => x.cashBuffer), ...(s ? [s.cashBuffer] : []), i.initialMargin];
  return {
    legs: i.legs.length,
    contracts: i.legs.reduce((a, l) => a + Math.abs(l.contracts), 0),
    initialMargin: i.initialMargin,
    gaps: g,
    simulated: s,
    cashBuffer: Math.max(...buffers),
  };
}
