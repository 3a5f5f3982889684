/**
 * Simulation parameters estimated from a monthly price history.
 *
 * GBM volatility: σ̂ = sd(ln(F_t/F_{t−1}))·√12, the sample standard deviation (n − 1 divisor) of monthly log returns,
 * annualised by the square root of time (Hull, Options, Futures, and Other Derivatives, ch. 15, "Estimating
 * volatility from historical data"). The mean return is removed by the standard deviation, so a steady deflation
 * trend does not count as volatility.
 *
 * OU on the log price: fit the AR(1) x_t = α + β·x_{t−1} + e_t by OLS (x = ln F). The exact discretisation of
 * dX = κ(μ − X)dt + σ dW over Δ = 1/12 year is that AR(1) with β = e^{−κΔ} and Var e = σ²(1 − β²)/(2κ), so
 *   κ̂ = −ln β̂ / Δ,   σ̂ = s_e·√(2κ̂/(1 − β̂²))
 * (e.g. Brigo, Dalessandro, Neugebauer & Triki, "A stochastic processes toolkit for risk management", 2007, §3.3).
 * When β̂ is not in (0, 1) there is no mean reversion to estimate.
 *
 * Basis: OLS of the company price on the index (both USD/Mtok), spot = a + b·index + e, noise = the residual
 * standard error s (n − 2 divisor): S_company = a + b·Index (docs/METHODOLOGY.md).
 */
import { simpleRegression } from "../stats/regression.js";

const MONTHS_PER_YEAR = 12;

export interface VolEstimate {
  vol: number;
  observations: number;
}

export function logReturns(prices: readonly number[]): number[] {
  return prices.slice(1).map((p, i) => Math.log(p / prices[i]!));
}

export function estimateGbmVol(prices: readonly number[], periodsPerYear = MONTHS_PER_YEAR): VolEstimate {
  const r = logReturns(prices);
  const mean = r.reduce((a, b) => a + b, 0) / r.length;
  const ss = r.reduce((a, x) => a + (x - mean) ** 2, 0);
  return { vol: Math.sqrt(ss / (r.length - 1)) * Math.sqrt(periodsPerYear), observations: r.length };
}

/** κ and σ of the OU process whose monthly exact discretisation is an AR(1) with slope β and residual sd s_e. */
export function ouFromAr1(
  beta: number,
  residualSd: number,
  periodsPerYear = MONTHS_PER_YEAR,
): { meanReversion: number; vol: number } {
  const kappa = -Math.log(beta) * periodsPerYear;
  return { meanReversion: kappa, vol: residualSd * Math.sqrt((2 * kappa) / (1 - beta * beta)) };
}

export interface OuEstimate {
  meanReversion: number;
  vol: number;
  beta: number;
  observations: number;
}

/** OU parameters of the log price; null when the AR(1) slope shows no mean reversion (β̂ ∉ (0, 1)). */
export function estimateOu(prices: readonly number[], periodsPerYear = MONTHS_PER_YEAR): OuEstimate | null {
  const x = prices.map((p) => Math.log(p));
  const fit = simpleRegression(x.slice(0, -1), x.slice(1));
  const beta = fit.slope;
  if (!(beta > 0 && beta < 1)) return null;
  return { ...ouFromAr1(beta, fit.residualStandardError, periodsPerYear), beta, observations: fit.observations };
}
