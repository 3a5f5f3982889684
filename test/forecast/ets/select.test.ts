import { describe, expect, it } from "vitest";
import { isAdmissible, withinUsualBounds } from "../../../src/forecast/ets/constraints.js";
import { fitEts } from "../../../src/forecast/ets/fit.js";
import { initialParams, initialState } from "../../../src/forecast/ets/initial-values.js";
import { polynomialRootModuli } from "../../../src/forecast/ets/polynomial-roots.js";
import { autoEts, etsCandidateSpecs } from "../../../src/forecast/ets/select.js";
import { DEFAULT_BOUNDS } from "../../../src/forecast/ets/constraints.js";
import type { EtsSpec } from "../../../src/forecast/ets/spec.js";
import datasets from "../data/r-datasets.json" with { type: "json" };

const { AirPassengers, USAccDeaths, Nile, WWWusage, UKgas } = datasets.series;
const spec = (error: "A" | "M", trend: "N" | "A", damped: boolean, season: "N" | "A" | "M", m: number): EtsSpec => ({
  error,
  trend,
  damped,
  season,
  m: season === "N" ? 1 : m,
});

describe("forecast/ets/select: starting values (R forecast::ets initparam)", () => {
  it("α₀ = 0.20006 non-seasonal, 0.028666 for m = 7, 0.016763 for m = 12; φ₀ = 0.9782", () => {
    // α₀ = 0.0001 + 0.2·0.9998/m' (R forecast's initparam): 0.0001 + 0.19996 = 0.20006 for m' = 1 (R 8.20 gives
    // 0.20006 too).
    expect(initialParams(spec("A", "A", true, "N", 1), DEFAULT_BOUNDS).alpha).toBeCloseTo(0.20006, 8);
    expect(initialParams(spec("A", "N", false, "A", 7), DEFAULT_BOUNDS).alpha).toBeCloseTo(
      0.0001 + (0.2 * 0.9998) / 7,
      12,
    );
    expect(initialParams(spec("A", "N", false, "A", 12), DEFAULT_BOUNDS).alpha).toBeCloseTo(0.016763, 6);
    expect(initialParams(spec("A", "A", true, "N", 1), DEFAULT_BOUNDS).phi).toBeCloseTo(0.9782, 10);
  });

  const q = [20, 30, 25, 15, 24, 35, 29, 18, 27, 39, 33, 21];
  it("ETS(A,A,A) on the quarterly series of T9 (R initstate)", () => {
    const s = initialState(q, spec("A", "A", false, "A", 4));
    expect(s.level).toBeCloseTo(20.1458333, 6);
    expect(s.slope).toBeCloseTo(0.9643939, 6);
    [-9.5, 2.0, 9.0625].forEach((v, i) => expect(s.season[i]).toBeCloseTo(v, 10));
  });
  it("ETS(A,A,M) uses the multiplicative figure", () => {
    const s = initialState(q, { error: "A", trend: "A", damped: false, season: "M", m: 4 });
    expect(s.level).toBeCloseTo(20.40134, 5);
    expect(s.slope).toBeCloseTo(0.9215939, 6);
    [0.6366192, 1.085424, 1.3310408].forEach((v, i) => expect(s.season[i]).toBeCloseTo(v, 6));
  });
  it("ETS(A,N,A): ℓ0 = mean of the first 10 adjusted values = 25.45", () => {
    expect(initialState(q, spec("A", "N", false, "A", 4)).level).toBeCloseTo(25.45, 10);
  });
});

describe("forecast/ets/select: admissibility (Hyndman et al. 2008)", () => {
  const p = (alpha: number, beta: number, gamma = 0, phi = 1) => ({ alpha, beta, gamma, phi });
  it("α = 1.5 is admissible but outside the usual bounds; β > α is rejected", () => {
    const ses = spec("A", "N", false, "N", 1);
    expect(isAdmissible(ses, p(1.5, 0))).toBe(true);
    expect(withinUsualBounds(ses, p(1.5, 0))).toBe(false);
    expect(withinUsualBounds(spec("A", "A", false, "N", 1), p(0.5, 0.6))).toBe(false);
  });
  it("seasonal m = 4, α = 0.5, β = 0.1, γ = 0.3: largest root modulus 0.8897806 (R polyroot) → admissible", () => {
    const moduli = polynomialRootModuli([1, -0.4, 0.1, 0.1, -0.6, 0.2]);
    expect(Math.max(...moduli)).toBeCloseTo(0.8897806, 6);
    expect(isAdmissible(spec("A", "A", false, "A", 4), p(0.5, 0.1, 0.3))).toBe(true);
  });
  it("root finder: (z − 2)(z + 0.5)(z² + 1) has moduli 2, 0.5, 1, 1", () => {
    // expanded: z⁴ − 1.5z³ + 0z² − 1.5z − 1 … (z−2)(z+0.5) = z² − 1.5z − 1; × (z² + 1) = z⁴ − 1.5z³ + 0·z² − 1.5z − 1
    const moduli = polynomialRootModuli([1, -1.5, 0, -1.5, -1]).sort((a, b) => a - b);
    [0.5, 1, 1, 2].forEach((v, i) => expect(moduli[i]).toBeCloseTo(v, 10));
  });
  it("rejects a seasonal model whose characteristic polynomial has a root outside the unit circle", () => {
    // γ close to its upper limit 1 + 1/φ − α passes test 1 but fails the root test.
    expect(isAdmissible(spec("A", "A", false, "A", 4), p(0.9, 0.85, 1.05))).toBe(false);
  });
});

describe("forecast/ets/select: candidate set (R forecast::ets)", () => {
  it("15 candidates for positive seasonal data, 6 non-seasonal, 3 with zeros", () => {
    const seasonal = Array.from({ length: 24 }, (_, i) => 10 + (i % 12));
    expect(etsCandidateSpecs(seasonal, 12)).toHaveLength(15);
    expect(etsCandidateSpecs(seasonal.slice(0, 23), 12)).toHaveLength(6); // n < 2m: no seasonal models [product]
    expect(etsCandidateSpecs([0, ...seasonal.slice(0, 10)], 12)).toHaveLength(3);
  });
});

/** Figures of R forecast 8.20's ets() on the same series (whole-procedure tests). */
describe("forecast/ets/select: automatic ETS selection reproduces R forecast::ets", () => {
  it("USAccDeaths → ETS(A,N,A), with R's initial states and information criteria", () => {
    const fit = autoEts(USAccDeaths.values, 12).best!;
    expect(fit.name).toBe("ETS(A,N,A)");
    expect(fit.params.alpha).toBeCloseTo(0.59459, 4);
    expect(fit.params.gamma).toBeCloseTo(0.002029, 5);
    expect(fit.loglik).toBeCloseTo(-555.0723, 3);
    expect(fit.aic).toBeCloseTo(1140.1447, 2);
    expect(fit.aicc).toBeCloseTo(1148.7161, 2);
    expect(fit.bic).toBeCloseTo(1174.2947, 2);
    expect(Math.sqrt(fit.sigma2)).toBeCloseTo(292.690718, 2);
    expect(fit.nFree).toBe(14);
    expect(fit.initialState[0]).toBeCloseTo(9248.362824, 2);
    expect(fit.initialState[1]).toBeCloseTo(-51.344875, 3);
    expect(fit.initialState[12]).toBeCloseTo(-739.0552, 3);
  });

  it("AirPassengers → ETS(M,Ad,M)", () => {
    const fit = autoEts(AirPassengers.values, 12).best!;
    expect(fit.name).toBe("ETS(M,Ad,M)");
    expect(fit.params.alpha).toBeCloseTo(0.709552, 4);
    expect(fit.params.beta).toBeCloseTo(0.020409, 4);
    expect(fit.params.phi).toBeCloseTo(0.98, 4);
    expect(fit.aicc).toBeCloseTo(1400.6384, 2);
    expect(fit.bic).toBeCloseTo(1448.6231, 2);
    expect(Math.sqrt(fit.sigma2)).toBeCloseTo(0.039167, 5);
  });

  it("Nile → ETS(M,N,N) and WWWusage → ETS(A,Ad,N)", () => {
    const nile = autoEts(Nile.values, 1).best!;
    expect(nile.name).toBe("ETS(M,N,N)");
    expect(nile.params.alpha).toBeCloseTo(0.151403, 4);
    expect(nile.initialState[0]).toBeCloseTo(1087.771825, 1);
    expect(nile.aicc).toBeCloseTo(1458.5519, 2);
    const www = autoEts(WWWusage.values, 1).best!;
    expect(www.name).toBe("ETS(A,Ad,N)");
    expect(www.params.beta).toBeCloseTo(0.996644, 4);
    expect(www.params.phi).toBeCloseTo(0.814958, 4);
    expect(www.aicc).toBeCloseTo(718.6342, 2);
  });

  it("UKgas → ETS(M,A,M)", () => {
    const fit = autoEts(UKgas.values, 4).best!;
    expect(fit.name).toBe("ETS(M,A,M)");
    expect(fit.params.gamma).toBeCloseTo(0.623839, 4);
    expect(fit.aicc).toBeCloseTo(1256.5583, 2);
  });

  it("log AirPassengers, ETS(A,A,A) and AirPassengers forced to ETS(A,Ad,A)", () => {
    const logFit = fitEts(AirPassengers.values.map(Math.log), spec("A", "A", false, "A", 12))!;
    expect(logFit.params.alpha).toBeCloseTo(0.69748, 4);
    expect(logFit.loglik).toBeCloseTo(120.5847, 3);
    expect(logFit.aicc).toBeCloseTo(-202.3123, 2);
    const damped = fitEts(AirPassengers.values, spec("A", "A", true, "A", 12))!;
    expect(damped.params.phi).toBeCloseTo(0.97997, 4);
    expect(damped.aicc).toBeCloseTo(1576.7029, 2);
    expect(Math.sqrt(damped.sigma2)).toBeCloseTo(18.330554, 3);
  });

  it("synthetic token-like series: 24 months → ETS(M,A,N), first 18 → ETS(A,A,N), daily 70 → ETS(M,A,M)", () => {
    const u = [3, -2, 5, -4, 1, 0, -3, 4, -1, 2, -5, 3, 2, -1, 4, -3, 0, 1, -2, 3, -4, 2, 1, -1];
    const y = u.map(
      (ut, i) =>
        Math.round((100 * 1.04 ** (i + 1) * (1 + 0.15 * Math.sin((2 * Math.PI * (i + 1)) / 12)) + ut) * 10) / 10,
    );
    expect(y.slice(0, 4)).toEqual([114.8, 120.2, 134.4, 128.2]);
    const full = autoEts(y, 12).best!;
    expect(full.name).toBe("ETS(M,A,N)");
    expect(full.params.alpha).toBeCloseTo(0.763141, 4);
    expect(full.initialState[0]).toBeCloseTo(105.4006, 2);
    expect(full.aicc).toBeCloseTo(196.5713, 2);
    const short = autoEts(y.slice(0, 18), 12).best!;
    expect(short.name).toBe("ETS(A,A,N)");
    expect(short.aicc).toBeCloseTo(144.4142, 2);
    expect(Math.sqrt(short.sigma2)).toBeCloseTo(9.730949, 3);
    const w = [1.0, 1.05, 1.1, 1.08, 1.02, 0.6, 0.55];
    const daily = Array.from({ length: 70 }, (_, d) =>
      Math.round(1000 * 1.01 ** d * w[d % 7]! * (1 + (((37 * d) % 11) - 5) / 100)),
    );
    expect(daily.slice(0, 7)).toEqual([950, 1050, 1156, 1068, 1061, 656, 566]);
    const dailyFit = autoEts(daily, 7).best!;
    expect(dailyFit.name).toBe("ETS(M,A,M)");
    expect(dailyFit.aicc).toBeCloseTo(847.3163, 2);
    expect(Math.sqrt(dailyFit.sigma2)).toBeCloseTo(0.036125, 5);
  });
});
