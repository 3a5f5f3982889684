/**
 * Correctness of the Monte Carlo. Each bound on a simulated figure is derived from the number of
 * paths and stated next to it; the seeds are fixed, so the tests are deterministic, but they would fail on a
 * genuine error (a missing −½σ²t, a wrong variance, a broken pairing) by many standard errors.
 */
import { describe, expect, it } from "vitest";
import { Dec, toCents } from "../../src/money/decimal.js";
import { runScenario } from "../../src/scenarios/grid.js";
import { simulate, simulateIndexPaths } from "../../src/scenarios/simulate.js";
import { fixedVolumes, volumeMatrix } from "../../src/scenarios/volumes.js";
import { NormalStream } from "../../src/stats/ziggurat.js";
import { forecastSeries } from "../../src/forecast/index.js";
import { simulateDocument } from "../../src/report/views/simulate.js";
import { toJson } from "../../src/report/json.js";
import { twoMonthPlan } from "./fixtures.js";

const AS_OF = "2026-11-01";
// Settlement dates 2026-12-31 and 2027-01-31: 60 and 91 days after the as-of date (ACT/365).
const TAU = [60 / 365, 91 / 365];

function sampleMoments(xs: ArrayLike<number>): { mean: number; variance: number } {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  const mean = s / xs.length;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += (xs[i]! - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

function column(matrix: Float64Array, months: number, m: number): Float64Array {
  const out = new Float64Array(matrix.length / months);
  for (let i = 0; i < out.length; i++) out[i] = matrix[i * months + m]!;
  return out;
}

describe("zero volatility: the simulation is the deterministic plan", () => {
  const plan = twoMonthPlan();
  const n = 1_000;

  it("matches the 0% scenario month by month to the cent, and in total", () => {
    const r = simulate({ plan, volumes: fixedVolumes(plan, n), model: { kind: "gbm", vol: 0 }, seed: 42, asOf: AS_OF });
    const det = runScenario(plan, 0, "mean");
    r.months.forEach((m, i) => {
      expect(toCents(m.meanUnhedgedCost)).toBe(det.months[i]!.unhedgedCost); // 26,040.00 and 25,000.00
      expect(toCents(m.meanFuturesPnl)).toBe(0);
      expect(toCents(m.meanHedgedCost)).toBe(det.months[i]!.hedgedCost);
      expect(m.meanSettlement).toBeCloseTo(plan.months[i]!.futuresPrice, 10); // a float mean of n equal values
    });
    // Total: 12,400 Mtok × 2.10 + 12,500 Mtok × 2.00 = 51,040.00, the scenario's total.
    expect(det.unhedgedCost).toBe(51_040);
    for (const fig of [r.unhedged, r.hedged]) {
      expect(toCents(fig.mean)).toBe(51_040);
      expect(toCents(fig.p5)).toBe(51_040);
      expect(toCents(fig.p99)).toBe(51_040);
      expect(toCents(fig.cvar95)).toBe(51_040);
      expect(toCents(fig.sd)).toBe(0);
      expect(toCents(fig.costAtRisk95)).toBe(0);
    }
    expect(r.peakMargin.max).toBe(0);
    expect(r.probOverHedge).toBe(0); // 9 B and 10 B hedged against 12.4 B and 12.5 B used
  });

  it("applies the basis a + b·Index exactly", () => {
    // a = 0.10, b = 1: 12,400 × 2.20 + 12,500 × 2.10 = 27,280 + 26,250 = 53,530.
    const r = simulate({
      plan,
      volumes: fixedVolumes(plan, n),
      model: { kind: "gbm", vol: 0 },
      basis: { a: 0.1, b: 1, noise: 0 },
      seed: 1,
      asOf: AS_OF,
    });
    expect(toCents(r.unhedged.mean)).toBe(53_530);
    // b = 0.5, a = 1: 12,400 × (1 + 1.05) + 12,500 × (1 + 1.00) = 25,420 + 25,000 = 50,420.
    const r2 = simulate({
      plan,
      volumes: fixedVolumes(plan, n),
      model: { kind: "ou", vol: 0, meanReversion: 3 },
      basis: { a: 1, b: 0.5, noise: 0 },
      seed: 1,
      asOf: AS_OF,
    });
    expect(toCents(r2.unhedged.mean)).toBe(new Dec(50_420).toNumber());
  });
});

describe("GBM and OU settlements against their closed forms", () => {
  const plan = twoMonthPlan();
  const n = 200_000;
  const sigma = 0.4;

  it("GBM: mean F and variance F²(e^{σ²τ} − 1), within 4 standard errors for n = 200,000", () => {
    const paths = simulateIndexPaths(plan, { kind: "gbm", vol: sigma }, AS_OF, n, new NormalStream(7));
    plan.months.forEach((pm, m) => {
      const F = pm.futuresPrice;
      const omega = Math.exp(sigma * sigma * TAU[m]!);
      const variance = F * F * (omega - 1);
      // Fourth central moment of a lognormal with mean F: F⁴(ω⁶ − 4ω³ + 6ω − 3) (from E[Yᵏ] = ω^{k(k−1)/2}).
      const mu4 = F ** 4 * (omega ** 6 - 4 * omega ** 3 + 6 * omega - 3);
      const s = sampleMoments(column(paths.settlements, 2, m));
      // SE of the mean √(Var/n); SE of the sample variance √((μ₄ − Var²)/n).
      expect(Math.abs(s.mean - F)).toBeLessThan(4 * Math.sqrt(variance / n));
      expect(Math.abs(s.variance - variance)).toBeLessThan(4 * Math.sqrt((mu4 - variance * variance) / n));
    });
  });

  it("OU on the log price: Var ln S = σ²(1 − e^{−2κτ})/(2κ), within 4 SE (√(2/(n−1))·V for a normal sample)", () => {
    const kappa = 3;
    const paths = simulateIndexPaths(
      plan,
      { kind: "ou", vol: sigma, meanReversion: kappa },
      AS_OF,
      n,
      new NormalStream(8),
    );
    plan.months.forEach((pm, m) => {
      const V = (sigma * sigma * (1 - Math.exp(-2 * kappa * TAU[m]!))) / (2 * kappa);
      const logs = column(paths.settlements, 2, m).map((s) => Math.log(s / pm.futuresPrice));
      const s = sampleMoments(logs);
      expect(Math.abs(s.variance - V)).toBeLessThan(4 * V * Math.sqrt(2 / (n - 1)));
      // E[ln(S/F)] = −V/2 (the centring term), SE √(V/n).
      expect(Math.abs(s.mean + V / 2)).toBeLessThan(4 * Math.sqrt(V / n));
    });
  });

  it("GBM margin: a price path that only falls needs its whole loss as margin", () => {
    const paths = simulateIndexPaths(plan, { kind: "gbm", vol: sigma }, AS_OF, 2_000, new NormalStream(9));
    for (let i = 0; i < 2_000; i++) {
      const loss = -paths.planPnl[i]!;
      // The peak cumulative outflow is at least the final loss (the final month end is one of the dates).
      expect(paths.peakMargin[i]! + 1e-9).toBeGreaterThanOrEqual(Math.max(0, loss));
    }
  });
});

describe("hedge-ratio sweep on fixed volume", () => {
  const plan = twoMonthPlan();
  const n = 50_000;

  it("with b = 1 the minimum-variance ratio is the analytic h* = Cov(U, G)/Var(G) = 1", () => {
    // U = Σ Q̄·S/1e6 and G = Σ Q̄·(S − F)/1e6, so U − G is constant: a 100% hedge removes all variance.
    const r = simulate({
      plan,
      volumes: fixedVolumes(plan, n),
      model: { kind: "gbm", vol: 0.5 },
      seed: 3,
      asOf: AS_OF,
    });
    const u = Array.from(r.samples.unhedged);
    const g = Array.from(r.samples.sweepGain);
    const mu = u.reduce((a, b) => a + b, 0) / n;
    const mg = g.reduce((a, b) => a + b, 0) / n;
    let cov = 0;
    let varG = 0;
    for (let i = 0; i < n; i++) {
      cov += (u[i]! - mu) * (g[i]! - mg);
      varG += (g[i]! - mg) ** 2;
    }
    const hStar = cov / varG;
    expect(hStar).toBeCloseTo(1, 9);
    expect(Math.abs(r.minVarianceRatio - hStar)).toBeLessThanOrEqual(0.005); // the grid step is 0.01
    expect(r.minVarianceRatio).toBe(1);
    expect(r.sweep[100]!.sd).toBeLessThan(1e-6 * r.sweep[0]!.sd);
    expect(r.sweep[100]!.costAtRisk95).toBeLessThan(1e-6 * r.sweep[0]!.costAtRisk95);
  });

  it("with b = 0.8 and basis noise, the sweep's minimum is the simulated h* on the 1% grid", () => {
    const r = simulate({
      plan,
      volumes: fixedVolumes(plan, n),
      model: { kind: "gbm", vol: 0.5 },
      basis: { a: 0.3, b: 0.8, noise: 0.05 },
      seed: 4,
      asOf: AS_OF,
    });
    const u = r.samples.unhedged;
    const g = r.samples.sweepGain;
    let mu = 0;
    let mg = 0;
    for (let i = 0; i < n; i++) {
      mu += u[i]!;
      mg += g[i]!;
    }
    mu /= n;
    mg /= n;
    let cov = 0;
    let varG = 0;
    for (let i = 0; i < n; i++) {
      cov += (u[i]! - mu) * (g[i]! - mg);
      varG += (g[i]! - mg) ** 2;
    }
    const hStar = cov / varG;
    // Population h* = b = 0.8 (the noise is independent of the index); the simulated one is within a few 0.001.
    expect(Math.abs(hStar - 0.8)).toBeLessThan(0.01);
    expect(Math.abs(r.minVarianceRatio - hStar)).toBeLessThanOrEqual(0.005 + 1e-12);
    expect(r.minVarianceRatioExact).toBeCloseTo(hStar, 9);
    // The sweep's variance is the quadratic Var U − 2r·Cov + r²·Var G: check one point against the direct sample.
    const direct = Math.sqrt(sampleMoments(Float64Array.from(u, (x, i) => x - 0.37 * g[i]!)).variance);
    expect(r.sweep[37]!.sd).toBeCloseTo(direct, 6);
  });
});

describe("reproducibility", () => {
  const plan = twoMonthPlan();
  // A small forecast whose sample paths supply the volumes: 2025-03 … 2026-10 growing ~8% a month.
  const values = Array.from({ length: 20 }, (_, i) => Math.round(4e9 * 1.08 ** i * (1 + 0.04 * Math.sin(i * 1.7))));
  const forecast = forecastSeries({ granularity: "month", start: "2025-03", values }, { horizon: 3, seed: 42 });
  const forecastMonths = ["2026-11", "2026-12", "2027-01"];
  const provenance = { volSource: "--vol", basisSource: "default", volumeSource: "test", notes: [] };
  const run = (seed: number, n: number) => {
    const volumes = volumeMatrix(forecast.samplePaths(n, seed), forecastMonths, ["2026-12", "2027-01"]);
    return simulate({
      plan,
      volumes,
      model: { kind: "gbm", vol: 0.45 },
      corr: 0.3,
      basis: { a: 0, b: 1, noise: 0.02 },
      seed,
      asOf: AS_OF,
      budget: { kind: "rate", usdPerMtok: 2.1 },
    });
  };

  it("the same seed gives byte-identical JSON", () => {
    const a = toJson(simulateDocument(plan, run(42, 5_000), provenance));
    const b = toJson(simulateDocument(plan, run(42, 5_000), provenance));
    expect(a).toBe(b);
    expect(a).toContain('"seed": 42');
  });

  it("a different seed changes the draws but not the figures beyond sampling error", () => {
    const n = 20_000;
    const r1 = run(1, n);
    const r2 = run(2, n);
    expect(r1.samples.unhedged[0]).not.toBe(r2.samples.unhedged[0]);
    for (const key of ["unhedged", "hedged"] as const) {
      const a = r1[key];
      const b = r2[key];
      // Two independent means differ by N(0, 2σ²/n): bound 4·√2·σ/√n.
      expect(Math.abs(a.mean - b.mean)).toBeLessThan((4 * Math.SQRT2 * a.sd) / Math.sqrt(n));
      // A sample P95 lies between the true P(95 ± δ) quantiles with δ = 4·√(2·0.95·0.05/n) for the difference of two
      // runs (binomial count of paths below it); bound by run 1's own spread between those quantiles.
      const sorted = Float64Array.from(r1.samples[key]).sort();
      const delta = 4 * Math.sqrt((2 * 0.95 * 0.05) / n);
      const spread = sorted[Math.ceil((0.95 + delta) * n)]! - sorted[Math.floor((0.95 - delta) * n)]!;
      expect(Math.abs(a.p95 - b.p95)).toBeLessThan(spread);
    }
    // Probabilities: binomial, bound 4·√(2p(1−p)/n) with p from run 1 (at least 1/n).
    const p = Math.max(r1.probOverHedge, 1 / n);
    expect(Math.abs(r1.probOverHedge - r2.probOverHedge)).toBeLessThan(4 * Math.sqrt((2 * p * (1 - p)) / n) + 1 / n);
  });
});
