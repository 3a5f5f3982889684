import { describe, expect, it } from "vitest";
import { parseDeflation, relativeToTrend } from "../../src/curve/deflation.js";
import { HedgeError } from "../../src/errors.js";

const months = (prices: number[]) =>
  prices.map((price, i) => ({ month: `2027-${String(i + 1).padStart(2, "0")}`, price }));

describe("parseDeflation", () => {
  it.each([
    ["10x", 10],
    ["10", 10],
    ["4X", 4],
    ["90%", 10], // prices fall 90% a year = ÷10
    ["50%", 2],
  ])("%s → ÷%d a year", (text, factor) => {
    expect(parseDeflation(text)!.factorPerYear).toBeCloseTo(factor, 12);
  });

  it("none switches the trend off; nonsense is a usage error (exit 2)", () => {
    expect(parseDeflation("none")).toBeNull();
    for (const bad of ["fast", "-3x", "100%"]) {
      expect(() => parseDeflation(bad)).toThrow(HedgeError);
    }
    try {
      parseDeflation("fast");
    } catch (e) {
      expect((e as HedgeError).exitCode).toBe(2);
    }
  });
});

describe("relativeToTrend (10× a year)", () => {
  const tenX = { factorPerYear: 10, label: "10x" };

  it("trend prices by hand: T(t) = F₀·10^(−t/12); 6 months after 2.00 → 2/√10 = 0.632456", () => {
    const r = relativeToTrend(months([2, 2, 2, 2, 2, 2, 2]), tenX);
    expect(r.months[6]!.trendPrice).toBeCloseTo(0.6324555320336759, 12);
    expect(r.months[6]!.relativeToTrend).toBeCloseTo(2 / 0.6324555320336759, 12);
  });

  it("a flat curve is in relative contango: +900% a year against the trend (1/0.1 − 1)", () => {
    const r = relativeToTrend(months([2, 2, 2, 2]), tenX);
    expect(r.shape).toBe("relative contango");
    expect(r.curveAnnualChange).toBeCloseTo(0, 12);
    expect(r.trendAnnualChange).toBeCloseTo(-0.9, 12);
    expect(r.relativeAnnualChange).toBeCloseTo(9, 9);
  });

  it("a curve exactly on the trend reads 'on trend'", () => {
    const onTrend = [0, 1, 2, 3].map((t) => 2 * Math.pow(10, -t / 12));
    expect(relativeToTrend(months(onTrend), tenX).shape).toBe("on trend");
  });

  it("falling 20% a month (÷14.6 a year) is relative backwardation; the fixture token curve is relative contango", () => {
    expect(relativeToTrend(months([2.4, 1.92, 1.54, 1.23, 0.98]), tenX).shape).toBe("relative backwardation");
    const acme = [2.1, 2.05, 1.98, 1.93, 1.88, 1.82, 1.79, 1.73, 1.69, 1.63, 1.6, 1.55];
    const r = relativeToTrend(months(acme), tenX);
    expect(r.shape).toBe("relative contango");
    // (1.55/2.10)^(12/11) − 1 = −28.2003%
    expect(r.curveAnnualChange).toBeCloseTo(-0.282003012741628, 10);
  });

  it("a step counts against the trend beyond half a tick: r = ln(F₂/F₁) + ln(10)/12", () => {
    // 2.00 → 1.70: ln(0.85) + 0.191882 = −0.162519 + 0.191882 = +0.029363 (slower than the trend)
    const r = relativeToTrend(months([2, 1.7]), tenX);
    expect(r.months[1]!.stepVersusTrend).toBeCloseTo(0.0293633, 6);
    expect(r.shape).toBe("relative contango");
    // Within half a tick of the trend price is "on trend": the trend is 2·10^(−1/12) = 1.650808, and 1.653 is
    // 0.0022 above it (r = 0.001327 < 0.005/2.00); with a 0.001 tick (tolerance 0.00025) it is relative contango.
    expect(relativeToTrend(months([2, 1.653]), tenX).shape).toBe("on trend");
    expect(relativeToTrend(months([2, 1.653]), tenX, 0.001).shape).toBe("relative contango");
  });
});
