import { describe, expect, it } from "vitest";
import { backTransformedMean, boxCox, invBoxCox } from "../../src/forecast/boxcox.js";
import { logNormalForecast } from "../../src/forecast/model.js";

describe("forecast/boxcox: Box–Cox and back-transformation (Box & Cox 1964; Hyndman & Athanasopoulos, FPP3)", () => {
  it("λ = 0 is the log; general λ round-trips", () => {
    expect(boxCox(Math.E, 0)).toBeCloseTo(1, 14);
    expect(boxCox(9, 0.5)).toBeCloseTo((3 - 1) / 0.5, 14);
    expect(invBoxCox(boxCox(123.4, 0.3), 0.3)).toBeCloseTo(123.4, 10);
  });
  it("log-scale mean log 100, variance 0.04: median 100, lognormal mean 102.020134, P95 138.9537", () => {
    const f = logNormalForecast(Float64Array.of(Math.log(100)), Float64Array.of(0.2));
    expect(f.quantile(0, 0.5)).toBeCloseTo(100, 10);
    expect(f.mean[0]).toBeCloseTo(102.020134, 5);
    expect(backTransformedMean(Math.log(100), 0.04, 0)).toBeCloseTo(102.020134, 5);
    expect(f.quantile(0, 0.95)).toBeCloseTo(138.9537, 3);
  });
  it("R's biasadj approximation for λ ≠ 0: y[1 + v(1 − λ)/(2(λμ + 1)²)]", () => {
    // λ = 0.5, μ = 18 → y = (0.5·18 + 1)² = 100; v = 4 → 100·(1 + 4·0.5/(2·100)) = 101
    expect(backTransformedMean(18, 4, 0.5)).toBeCloseTo(101, 10);
  });
});
