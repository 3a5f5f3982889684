import { describe, expect, it } from "vitest";
import { etsFilter } from "../../../src/forecast/ets/filter.js";
import { etsPointForecast } from "../../../src/forecast/ets/forecast.js";
import type { EtsSpec } from "../../../src/forecast/ets/spec.js";

const y = [10, 12, 11, 13, 15, 14];
const params = (alpha: number, beta = 0, gamma = 0, phi = 1) => ({ alpha, beta, gamma, phi });
const expectArrayClose = (got: ArrayLike<number>, want: number[], digits = 6) => {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, digits));
};

describe("forecast/ets: ETS filter (Hyndman et al. 2008; checked against R forecast::ets)", () => {
  it("T1 ETS(A,N,N): α = 0.5, ℓ0 = 10", () => {
    const spec: EtsSpec = { error: "A", trend: "N", damped: false, season: "N", m: 1 };
    const run = etsFilter(y, spec, params(0.5), Float64Array.from([10]));
    expectArrayClose(run.fitted, [10, 10, 11, 11, 12, 13.5]);
    expectArrayClose(run.errors, [0, 2, 0, 2, 3, 0.5]);
    expect(run.sse).toBeCloseTo(17.25, 12);
    expect(run.lik).toBeCloseTo(6 * Math.log(17.25), 10); // 17.0868729
    expect(run.lik).toBeCloseTo(17.0868729, 6);
    expect(run.state[0]).toBeCloseTo(13.75, 12);
    expectArrayClose(etsPointForecast(spec, params(0.5), run.state, 3), [13.75, 13.75, 13.75]);
  });

  it("T2 ETS(M,N,N): relative errors and L* = n log SSE + 2 Σ log μ", () => {
    const spec: EtsSpec = { error: "M", trend: "N", damped: false, season: "N", m: 1 };
    const run = etsFilter(y, spec, params(0.5), Float64Array.from([10]));
    expectArrayClose(run.errors, [0, 0.2, 0, 0.1818182, 0.25, 0.037037], 6);
    expect(run.sse).toBeCloseTo(0.13692959, 8);
    expect(run.lik).toBeCloseTo(17.0473837193, 8);
  });

  it("T3 ETS(A,A,N): α = 0.5, β = 0.1, ℓ0 = 9, b0 = 1", () => {
    const spec: EtsSpec = { error: "A", trend: "A", damped: false, season: "N", m: 1 };
    const run = etsFilter(y, spec, params(0.5, 0.1), Float64Array.from([9, 1]));
    expectArrayClose(run.fitted, [10, 11, 12.6, 12.74, 13.836, 15.5004]);
    expectArrayClose(run.errors, [0, 1, -1.6, 0.26, 1.164, -1.5004]);
    expect(run.sse).toBeCloseTo(7.23369616, 8);
    expect(run.lik).toBeCloseTo(11.8725007859, 8);
    expectArrayClose(run.state, [14.7502, 0.93236]);
    expectArrayClose(etsPointForecast(spec, params(0.5, 0.1), run.state, 3), [15.68256, 16.61492, 17.54728]);
  });

  it("Holt's damped trend, ETS(A,Ad,N), computed by hand", () => {
    // y = [10, 12, 13, 15], α = 0.5, β = 0.2, φ = 0.9, ℓ0 = 9, b0 = 1. Innovations form (FPP3 Table 8.7):
    // μ_t = ℓ + φb, e = y − μ, ℓ ← μ + αe, b ← φb + βe.
    // t=1: μ = 9 + 0.9         = 9.9        e = 0.1        ℓ = 9.95       b = 0.9 + 0.02      = 0.92
    // t=2: μ = 9.95 + 0.828    = 10.778     e = 1.222      ℓ = 11.389     b = 0.828 + 0.2444  = 1.0724
    // t=3: μ = 11.389+0.96516  = 12.35416   e = 0.64584    ℓ = 12.67708   b = 0.96516+0.129168 = 1.094328
    // t=4: μ = 12.67708+0.9848952 = 13.6619752  e = 1.3380248  ℓ = 14.3309876  b = 0.9848952+0.26760496 = 1.25250016
    // SSE = 0.01 + 1.493284 + 0.4171093056 + 1.79030036… = 3.71070367
    // ŷ(1) = ℓ + φb = 15.458237744; ŷ(2) = ℓ + (φ + φ²)b = 16.4727628736
    const spec: EtsSpec = { error: "A", trend: "A", damped: true, season: "N", m: 1 };
    const p = params(0.5, 0.2, 0, 0.9);
    const run = etsFilter([10, 12, 13, 15], spec, p, Float64Array.from([9, 1]));
    expectArrayClose(run.fitted, [9.9, 10.778, 12.35416, 13.6619752], 9);
    expectArrayClose(run.state, [14.3309876, 1.25250016], 9);
    expect(run.sse).toBeCloseTo(3.71070367, 7);
    expectArrayClose(etsPointForecast(spec, p, run.state, 2), [15.458237744, 16.4727628736], 9);
  });

  it("T4 damped trend forecast: ℓ = 100, b = 10, φ = 0.9 → 109, 117.1, 124.39", () => {
    const spec: EtsSpec = { error: "A", trend: "A", damped: true, season: "N", m: 1 };
    expectArrayClose(
      etsPointForecast(spec, params(0.5, 0.1, 0, 0.9), Float64Array.from([100, 10]), 3),
      [109, 117.1, 124.39],
      9,
    );
  });

  it("T5 ETS(A,N,A), m = 4: α = 0.3, γ = 0.2, x0 = (10, 1, −1, 2, −2)", () => {
    const spec: EtsSpec = { error: "A", trend: "N", damped: false, season: "A", m: 4 };
    const p = params(0.3, 0, 0.2);
    const run = etsFilter([13, 8, 12, 9, 14, 9, 13, 10], spec, p, Float64Array.from([10, 1, -1, 2, -2]));
    expectArrayClose(run.fitted, [8, 13.5, 8.85, 11.795, 8.9565, 12.36955, 10.088685, 11.773079], 5);
    expect(run.sse).toBeCloseTo(121.3948504, 6);
    expectArrayClose(run.state, [10.800156, 0.086384, 0.212263, 0.22609, 0.0087], 5);
    expectArrayClose(
      etsPointForecast(spec, p, run.state, 5),
      [10.808856, 11.026246, 11.012419, 10.88654, 10.808856],
      5,
    );
  });

  it("T6 ETS(M,N,M), m = 4: α = 0.3, γ = 0.2, x0 = (10, 1.1, 0.9, 1.2, 0.8)", () => {
    const spec: EtsSpec = { error: "M", trend: "N", damped: false, season: "M", m: 4 };
    const run = etsFilter(
      [13, 8, 12, 9, 14, 9, 13, 10],
      spec,
      params(0.3, 0, 0.2),
      Float64Array.from([10, 1.1, 0.9, 1.2, 0.8]),
    );
    expectArrayClose(run.fitted, [8, 14.25, 9.28125, 12.340625, 9.276903, 13.007703, 10.273993, 12.113026], 5);
    expect(run.lik).toBeCloseTo(39.6269565298, 8);
    expectArrayClose(run.state, [11.032886, 1.004146, 1.003285, 1.027279, 0.991642], 5);
  });

  it("propagates the state without correction over a missing value", () => {
    const spec: EtsSpec = { error: "A", trend: "N", damped: false, season: "N", m: 1 };
    // With y_3 missing: ℓ2 = 11 (as T1), ℓ3 = 11 (no correction), then y_4 = 13: ℓ4 = 11 + 0.5·2 = 12.
    const run = etsFilter([10, 12, Number.NaN, 13], spec, params(0.5), Float64Array.from([10]));
    expect(run.nObs).toBe(3);
    expect(run.errors[2]).toBeNaN();
    expect(run.state[0]).toBeCloseTo(12, 12);
    expect(run.sse).toBeCloseTo(0 + 4 + 4, 12);
  });
});

describe("the fast filter and the step function used by simulation agree", async () => {
  const { oneStepMean, updateState } = await import("../../../src/forecast/ets/recursion.js");
  const series = [13, 8, 12, 9, 14, 9, 13, 10, 15, 10, 14, Number.NaN, 16];
  const cases: [EtsSpec, number[]][] = [
    [{ error: "A", trend: "A", damped: true, season: "A", m: 4 }, [10, 0.5, 1, -1, 2, -2]],
    [{ error: "M", trend: "A", damped: false, season: "M", m: 4 }, [10, 0.3, 1.1, 0.9, 1.2, 0.8]],
    [{ error: "M", trend: "M", damped: true, season: "N", m: 1 }, [10, 1.01]],
  ];
  it.each(cases)("%o", (spec, x0) => {
    const p = params(0.3, 0.1, 0.2, 0.95);
    const run = etsFilter(series, spec, p, Float64Array.from(x0));
    const state = Float64Array.from(x0);
    series.forEach((v, t) => {
      expect(oneStepMean(spec, p, state)).toBeCloseTo(run.fitted[t]!, 10);
      updateState(spec, p, state, v);
    });
    Array.from(state).forEach((s, i) => expect(run.state[i]).toBeCloseTo(s, 10));
  });
});
