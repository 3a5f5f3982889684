/** The "tests with known answers" for the company's cost, basis and Cost-at-Risk, each written out. */
import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/hedge/plan.js";
import { flatPolicy } from "../../src/hedge/policy.js";
import { runScenario } from "../../src/scenarios/grid.js";
import { INDEX_BASIS, STICKY_BASIS, regressionBasis, type Basis } from "../../src/company/basis.js";
import { companyScenario } from "../../src/company/scenarios.js";
import type { CompanyPricing } from "../../src/company/pricing.js";
import { deltaNormalDecomposition, sampleDecomposition } from "../../src/company/car.js";
import { empiricalCaR, parametricCaR } from "../../src/stats/cost-at-risk.js";
import { quantityRiskHedgeFromMoments } from "../../src/hedge/quantity-risk.js";
import { momentsFromStatistics } from "../../src/hedge/quantity-statistics.js";
import { simpleRegression } from "../../src/stats/regression.js";
import { createRng } from "../../src/stats/random.js";
import { tokenSpec } from "../scenarios/fixtures.js";

const TOKENS = 10_000_000_007; // flat volume, odd so cents matter: 10,000.000007 Mtok

function flatPlan() {
  const band = { mean: TOKENS, p10: TOKENS, p50: TOKENS, p90: TOKENS };
  return buildPlan({
    forecast: [
      { month: "2027-01", ...band },
      { month: "2027-02", ...band },
    ],
    curve: [
      { month: "2027-01", price: 2 },
      { month: "2027-02", price: 2 },
    ],
    spec: tokenSpec,
    policy: flatPolicy(0.8, "down", 2),
  });
}

function pricing(basis: Basis): CompanyPricing {
  return {
    source: "prices",
    sourceDetail: "test",
    window: null,
    mix: null,
    priceByMonth: new Map([
      ["2027-01", 3],
      ["2027-02", 3],
    ]),
    historyPrices: new Map(),
    basis,
    commitments: null,
    conversionDrift: null,
    warnings: [],
  };
}

describe("a company paying 3.00 USD/Mtok against an index flat at 2.00", () => {
  const plan = flatPlan();
  it("at 0% shock: unhedged cost = tokens × 3.00 to the cent, futures P&L 0", () => {
    const c = companyScenario(plan, runScenario(plan, 0, "mean"), pricing(STICKY_BASIS));
    // 10,000.000007 Mtok × 3.00 = 30,000.000021 → 30,000.00 per month; two months 60,000.00.
    expect(c.months[0]!.companyCost).toBe(30_000);
    expect(c.companyCost).toBe(60_000);
    // Index cost beside it: 10,000.000007 × 2.00 = 20,000.00 per month.
    expect(c.indexCost).toBe(40_000);
    expect(c.futuresPnl).toBe(0);
    expect(c.hedgedCost).toBe(60_000);
  });

  it("at +50% with --basis index the cost moves by 50% of the index cost; with sticky not at all", () => {
    const shocked = runScenario(plan, 0.5, "mean");
    const index = companyScenario(plan, shocked, pricing(INDEX_BASIS));
    // Index 2.00 → 3.00: the company price 3.00 + 1·1.00 = 4.00; 10,000.000007 × 4 = 40,000.000028 → 40,000.00.
    // The move, 10,000.00 a month, is 50% of the unshocked index cost 20,000.00.
    expect(index.months[0]!.companyPrice).toBe(4);
    expect(index.months[0]!.companyCost).toBe(40_000);
    expect(index.months[0]!.indexCost).toBe(30_000);
    // 8 contracts × 1e9 × (3.00 − 2.00) / 1e6 = 8,000.00 futures P&L; hedged 40,000 − 8,000 = 32,000.
    expect(index.months[0]!.futuresPnl).toBe(8_000);
    expect(index.months[0]!.hedgedCost).toBe(32_000);
    const sticky = companyScenario(plan, shocked, pricing(STICKY_BASIS));
    expect(sticky.months[0]!.companyCost).toBe(30_000);
    // Sticky: the futures gain is not offsetting anything; hedged 30,000 − 8,000.
    expect(sticky.months[0]!.hedgedCost).toBe(22_000);
  });

  it("hedgedCost = companyCost − futuresPnl to the cent in every month and in total", () => {
    for (const s of [-0.5, -0.13, 0.37, 1]) {
      const c = companyScenario(plan, runScenario(plan, s, "mean"), pricing(INDEX_BASIS));
      for (const m of c.months)
        expect(Math.round((m.companyCost - m.futuresPnl) * 100)).toBe(Math.round(m.hedgedCost * 100));
      expect(Math.round((c.companyCost - c.futuresPnl) * 100)).toBe(Math.round(c.hedgedCost * 100));
    }
  });
});

describe("regression basis on changes", () => {
  it("ΔS = 0.6·ΔF + orthogonal noise gives β = 0.6 exactly and σ(ε) as built", () => {
    // ΔF = 0.01·(1..8); ε = 0.005·(+,−,−,+,−,+,+,−) (Thue–Morse signs): Σε = 0 and Σε·ΔF = 0.01·0.005·(1−2−3+4−5+6+7−8) = 0,
    // so OLS recovers β = 0.6, α = 0 exactly, SSE = 8·0.005² = 0.0002, σ(ε) = √(0.0002/6) = 0.0057735.
    const dF = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => 0.01 * k);
    const eps = [1, -1, -1, 1, -1, 1, 1, -1].map((s) => 0.005 * s);
    const F = [2];
    const S = [3];
    dF.forEach((d, i) => {
      F.push(F[i]! + d);
      S.push(S[i]! + 0.6 * d + eps[i]!);
    });
    const b = regressionBasis(S, F);
    expect(b.method).toBe("regression");
    expect(b.beta).toBeCloseTo(0.6, 10);
    expect(b.alpha).toBeCloseTo(0, 10);
    expect(b.sigma).toBeCloseTo(Math.sqrt(0.0002 / 6), 10);
    expect(b.observations).toBe(8);
    // R² = 1 − SSE/Syy; Syy = 0.36·Sxx + SSE, Sxx = 1e-4·Σ(k − 4.5)² = 1e-4·42 = 0.0042 → R² = 0.001512/0.001712.
    expect(b.rSquared).toBeCloseTo(0.001512 / 0.001712, 10);
  });

  it("two trending levels with unrelated changes: R² near 1 on levels, exactly 0 on changes", () => {
    // ΔF = −0.02 + 0.01·a, ΔS = −0.03 + 0.01·b with a = (+,−,+,−,+,−,+,−), b = (+,+,−,−,+,+,−,−): Σa = Σb = Σab = 0,
    // so the changes are uncorrelated (β = 0, R² = 0) while both levels fall steadily and regress on each other well.
    const a = [1, -1, 1, -1, 1, -1, 1, -1];
    const b = [1, 1, -1, -1, 1, 1, -1, -1];
    const F = [2];
    const S = [3];
    a.forEach((x, i) => {
      F.push(F[i]! - 0.02 + 0.01 * x);
      S.push(S[i]! - 0.03 + 0.01 * b[i]!);
    });
    expect(simpleRegression(F, S).rSquared).toBeGreaterThan(0.95);
    const basis = regressionBasis(S, F);
    expect(basis.beta).toBeCloseTo(0, 12);
    expect(basis.rSquared).toBeCloseTo(0, 12);
    // α = mean ΔS = −0.03: the company's price drifts down on its own.
    expect(basis.alpha).toBeCloseTo(-0.03, 12);
  });
});

describe("Cost-at-Risk", () => {
  it("delta-normal: mean 10m, sd 3m at 95% → CaR 4.93m", () => {
    // z₀.₉₅ = 1.644854; 1.644854 × 3,000,000 = 4,934,561.
    const r = parametricCaR(10_000_000, 3_000_000, 0.95);
    expect(r.costAtRisk / 1e6).toBeCloseTo(4.93, 2);
    expect(r.costAtRisk).toBeCloseTo(4_934_561, 0);
    expect(r.quantile).toBeCloseTo(14_934_561, 0);
  });

  it("McKinnon's case from its statistics: h*/E[Q] = ρ_PF·σ_P/σ_F + ρ_QF·(σ_Q/E[Q])·(E[P]/σ_F)", () => {
    // E[Q] = 100, σ_Q = 20, E[P] = 10, σ_P = σ_F = 2, ρ_QF = −0.5:
    // h* = [100·4 + 10·(−0.5·20·2)]/4 = (400 − 200)/4 = 50 → ratio 1 + (−0.5)(0.2)(5) = 0.5.
    const h = quantityRiskHedgeFromMoments(
      momentsFromStatistics({ meanPrice: 10, meanQuantity: 100, priceSd: 2, volumeSd: 20, corrVolumeFutures: -0.5 }),
    );
    expect(h.hedgeQuantity).toBeCloseTo(50, 12);
    expect(h.ratioToExpectedQuantity).toBeCloseTo(0.5, 12);
    expect(h.priceTerm).toBeCloseTo(100, 12);
    expect(h.quantityTerm).toBeCloseTo(-50, 12);
  });

  it("delta-normal Euler parts sum to the total exactly", () => {
    const d = deltaNormalDecomposition({
      volume: 1e10,
      volumeSd: 1e9,
      companyPrice: 2.4,
      priceSd: 0.2,
      corrVolumePrice: -0.3,
      basisBeta: 0.6,
      basisSigma: 0.05,
      hedgedTokens: 5e9,
    });
    // Price coefficient (0.6·1e10 − 5e9)/1e6 · 0.2 = 200; volume 2.4e-6 · 1e9 = 2,400; basis 1e4 · 0.05 = 500.
    // Var = 200² + 2,400² + 500² + 2·(−0.3)·200·2,400 = 40,000 + 5,760,000 + 250,000 − 288,000 = 5,762,000.
    expect(d.total).toBeCloseTo(1.6448536 * Math.sqrt(5_762_000), 2);
    expect(d.parts.price + d.parts.volume + d.parts.basis).toBeCloseTo(d.total, 8);
    // Basis part: z·500²/σ.
    expect(d.parts.basis).toBeCloseTo((1.6448536 * 250_000) / Math.sqrt(5_762_000), 2);
  });

  it("Monte Carlo: the Euler parts sum to the total, and the total matches the simulated cost's CaR within MC error", () => {
    // One month, V ~ N(1e10, 1e9), ΔF ~ N(0, 0.2), ε ~ N(0, 0.05), ρ(V, F) = 0; S = 2.4 + 0.6·ΔF + ε; H = 5e9.
    // Simulated cost C = V·S/1e6 − H·ΔF/1e6 (exact, with its ΔV·ΔS term) against the linear parts.
    const rng = createRng(20261202);
    const n = 40_000;
    const price: number[] = [],
      volume: number[] = [],
      basis: number[] = [],
      cost: number[] = [];
    for (let k = 0; k < n; k++) {
      const dV = 1e9 * rng.normal(),
        dF = 0.2 * rng.normal(),
        e = 0.05 * rng.normal();
      price.push(((0.6 * 1e10 - 5e9) / 1e6) * dF);
      volume.push((2.4 / 1e6) * dV);
      basis.push((1e10 / 1e6) * e);
      cost.push(((1e10 + dV) * (2.4 + 0.6 * dF + e)) / 1e6 - (5e9 * dF) / 1e6);
    }
    const d = sampleDecomposition({ price, volume, basis });
    expect(d.parts.price + d.parts.volume + d.parts.basis).toBeCloseTo(d.total, 6);
    // Analytic total: z·√(200² + 2,400² + 500²) = 1.6449·2,459.67 = 4,045.9. The sd of a 95% empirical quantile from
    // 40,000 draws is ≈ √(0.95·0.05/n)/φ(1.645)·σ ≈ 0.0011/0.103·2,460 ≈ 27; allow 4 of those (110) plus the
    // ΔV·ΔS term (σ ≈ 1e-6·1e9·0.206 = 206 but symmetric, adding ≈ 206²/(2·2,460) ≈ 9 to σ).
    expect(Math.abs(d.total - 4045.9)).toBeLessThan(110);
    expect(Math.abs(empiricalCaR(cost) - d.total)).toBeLessThan(130);
  });
});
