/**
 * The index price model of the Monte Carlo: one factor X(t) drives the whole futures curve, and each delivery
 * month m settles at
 *
 *   S_m = F_m · exp(X(τ_m) − ½·V(τ_m)),   X(0) = 0,   V(t) = Var X(t),
 *
 * so that E[S_m] = F_m: the simulation is centred on today's curve (the futures price is the market's expected
 * settlement under the pricing measure; no drift is added on top of it).
 *
 *   GBM (geometric Brownian motion): dX = σ dW,            V(t) = σ²t.
 *   OU on the log price (Ornstein–Uhlenbeck, Vasicek 1977; for commodities Schwartz 1997, "The stochastic behavior
 *   of commodity prices", J. Finance 52(3), model 1): dX = −κX dt + σ dW,   V(t) = σ²(1 − e^{−2κt})/(2κ).
 *
 * Both are simulated exactly on the time grid, whatever the step (Glasserman, Monte Carlo Methods in Financial
 * Engineering, 2004, §3.3 for the OU transition): X_{k+1} = φ_k·X_k + s_k·Z with φ = e^{−κΔ},
 * s² = σ²(1 − e^{−2κΔ})/(2κ)  (→ σ²Δ as κ → 0).
 *
 * The futures price of month m at time t ≤ τ_m is the conditional expectation of its settlement:
 *   F_m(t) = E_t[S_m] = F_m · exp(e^{−κ(τ_m − t)}·X(t) + ½·V(τ_m − t) − ½·V(τ_m)),
 * which for GBM is F_m · exp(X(t) − ½σ²t): every month moves by the same factor. Variation margin uses F_m(t).
 *
 * Settlement time: the contracts settle on the average of a daily index over the delivery month; the model settles
 * on the index at the end of the delivery month, which slightly overstates the settlement variance (an average over
 * the month has roughly σ²(τ − Δ·2/3) instead of σ²τ for GBM) — a conservative simplification.
 */
import { addMonths, dayToEpochDays, lastDayOfMonth, monthOfDay, monthsBetween } from "../time/period.js";

export type PriceModel = { kind: "gbm"; vol: number } | { kind: "ou"; vol: number; meanReversion: number };

/** Days per year for year fractions (ACT/365 fixed). */
export const DAYS_PER_YEAR = 365;

/** V(t) = Var X(t) for X(0) = 0. */
export function factorVariance(model: PriceModel, t: number): number {
  const s2 = model.vol * model.vol;
  if (model.kind === "gbm" || model.meanReversion === 0) return s2 * t;
  const k = model.meanReversion;
  return (s2 * -Math.expm1(-2 * k * t)) / (2 * k);
}

/** Exact one-step transition over dt: X' = φ·X + s·Z. */
export function transition(model: PriceModel, dt: number): { phi: number; sd: number } {
  const k = model.kind === "ou" ? model.meanReversion : 0;
  return { phi: Math.exp(-k * dt), sd: Math.sqrt(factorVariance(model, dt)) };
}

/** The simulation's time grid: month ends after the as-of date through the last delivery month. */
export interface TimeGrid {
  dates: string[];
  /** Years from the as-of date to each date (ACT/365). */
  times: Float64Array;
  /** For each delivery month, the grid index of its settlement (the month's last day); −1 if already past. */
  settleIndex: Int32Array;
  /** Years from the as-of date to each delivery month's settlement (0 when it is already past). */
  settleTimes: Float64Array;
}

export function timeGrid(asOf: string, months: readonly string[]): TimeGrid {
  const start = dayToEpochDays(asOf);
  const last = months.reduce((m, x) => (x > m ? x : m), months[0] ?? monthOfDay(asOf));
  const dates: string[] = [];
  const first = monthOfDay(asOf);
  for (let k = 0; k <= monthsBetween(first, last); k++) {
    const d = lastDayOfMonth(addMonths(first, k));
    if (d > asOf) dates.push(d);
  }
  const times = Float64Array.from(dates, (d) => (dayToEpochDays(d) - start) / DAYS_PER_YEAR);
  const settleIndex = Int32Array.from(months, (m) => dates.indexOf(lastDayOfMonth(m)));
  const settleTimes = Float64Array.from(months, (m, i) => (settleIndex[i]! >= 0 ? times[settleIndex[i]!]! : 0));
  return { dates, times, settleIndex, settleTimes };
}

/**
 * Coefficients of the futures price of month m at grid time t_k (t_k < τ_m): F_m(t_k) = F_m·exp(c·X_k + d) with
 * c = e^{−κ(τ_m − t_k)} and d = ½(V(τ_m − t_k) − V(τ_m)).
 */
export function futuresCoefficients(model: PriceModel, t: number, tau: number): { c: number; d: number } {
  const k = model.kind === "ou" ? model.meanReversion : 0;
  return { c: Math.exp(-k * (tau - t)), d: 0.5 * (factorVariance(model, tau - t) - factorVariance(model, tau)) };
}
