/** The one-sentence answers of ingest, curve and forecast (src/report/answer-sentences.ts), worked examples. */
import { describe, expect, it } from "vitest";
import { curveSentence, fmtTokensShort, forecastSentence, ingestSentence } from "../../src/report/answer-sentences.js";

describe("fmtTokensShort", () => {
  it("three significant figures in B / M / k tok, exact below a thousand", () => {
    expect(fmtTokensShort(10_875_077_207)).toBe("10.9 B tok");
    expect(fmtTokensShort(1_277_400_000_000)).toBe("1,277 B tok");
    expect(fmtTokensShort(1_000_000_000)).toBe("1.00 B tok");
    expect(fmtTokensShort(652_300_000)).toBe("652 M tok");
    expect(fmtTokensShort(4_200)).toBe("4.20 k tok");
    expect(fmtTokensShort(950)).toBe("950 tok");
  });
});

describe("ingestSentence", () => {
  const periods = [
    { period: "2025-01", tokens: 1_000_000_000, complete: true },
    { period: "2025-02", tokens: 1_100_000_000, complete: true },
    { period: "2025-03", tokens: 1_210_000_000, complete: true },
    { period: "2025-04", tokens: 500_000_000, complete: false },
  ];

  it("complete months, first → last with the compound growth, cost and data quality", () => {
    // (1.21 / 1.00)^(1/2) − 1 = 10% a month; the partial April is counted, not used for the growth.
    expect(
      ingestSentence({
        period: "month",
        periods,
        cost: 4567.89,
        currency: "USD",
        findings: 0,
        badRows: 0,
        missingDays: 0,
      }),
    ).toBe(
      "3 complete months (and 1 partial month), 1.00 B tok in 2025-01 → 1.21 B tok in 2025-03 (+10.0% a month compounded); cost $4.57K; no data-quality findings.",
    );
  });

  it("counts findings, bad rows and missing days; another currency and no cost", () => {
    expect(
      ingestSentence({
        period: "month",
        periods,
        cost: 4567.89,
        currency: "EUR",
        findings: 2,
        badRows: 3,
        missingDays: 1,
      }),
    ).toBe(
      "3 complete months (and 1 partial month), 1.00 B tok in 2025-01 → 1.21 B tok in 2025-03 (+10.0% a month compounded); cost 4.57K EUR; 2 data-quality findings, 3 bad rows skipped, 1 day without rows.",
    );
    expect(
      ingestSentence({
        period: "day",
        periods: [{ period: "2025-01-01", tokens: 950, complete: true }],
        cost: null,
        currency: null,
        findings: 1,
        badRows: 0,
        missingDays: 0,
      }),
    ).toBe("1 complete day, 950 tok in 2025-01-01; no cost; 1 data-quality finding.");
  });
});

describe("curveSentence", () => {
  it("shape, front → back, the change over the span and a year, the average", () => {
    expect(
      curveSentence({
        shape: "backwardation",
        quoteUnit: "USD/Mtok",
        digits: 3,
        front: { month: "2026-12", price: 2.1 },
        back: { month: "2027-02", price: 1.9 },
        frontToBackPct: 1.9 / 2.1 - 1,
        spanMonths: 2,
        annualisedChange: -0.45,
        prices: [2.1, 2.0, 1.9],
      }),
    ).toBe(
      "Backwardation (later months cheaper): front 2026-12 2.100 → back 2027-02 1.900 USD/Mtok, -9.52% over 2 months (-45.0% a year); average 2.000 USD/Mtok over 3 months.",
    );
  });

  it("contango on a GPU-hour curve", () => {
    expect(
      curveSentence({
        shape: "contango",
        quoteUnit: "USD/GPU-hour",
        digits: 3,
        front: { month: "2026-01", price: 2 },
        back: { month: "2026-02", price: 2.05 },
        frontToBackPct: 0.025,
        spanMonths: 1,
        annualisedChange: 1.05 ** 12 - 1,
        prices: [2, 2.05],
      }),
    ).toBe(
      "Contango (later months dearer): front 2026-01 2.000 → back 2026-02 2.050 USD/GPU-hour, +2.50% over 1 month (+79.6% a year); average 2.025 USD/GPU-hour over 2 months.",
    );
  });
});

describe("forecastSentence", () => {
  const base = {
    granularity: "month" as const,
    first: "2026-11",
    last: "2027-10",
    periods: 12,
    growthNow: 0.075,
    growthEnd: 0.061,
    unit: "tokens",
    decimals: 0,
  };

  it("the horizon's total with its P10–P90 in one unit, and the growth now and at the end", () => {
    expect(forecastSentence({ ...base, mean: 1_277_400_000_000, p10: 847_000_000_000, p90: 1_778_000_000_000 })).toBe(
      "Next 12 months (2026-11 … 2027-10): 1,277 B tok expected, P10–P90 847–1,778 B tok; growth +7.5% a month now, +6.1% a month at the horizon end.",
    );
    expect(forecastSentence({ ...base, mean: 1_050_000_000, p10: 950_000_000, p90: 1_200_000_000 })).toBe(
      "Next 12 months (2026-11 … 2027-10): 1.05 B tok expected, P10–P90 950 M tok–1.20 B tok; growth +7.5% a month now, +6.1% a month at the horizon end.",
    );
  });

  it("a series of unknown unit in its own figures; growth not measurable", () => {
    const { unit: _unit, ...noUnit } = base;
    expect(
      forecastSentence({
        ...noUnit,
        first: "1961-01",
        last: "1961-12",
        mean: 5932.4,
        p10: 5500,
        p90: 6300,
        growthNow: null,
        growthEnd: null,
      }),
    ).toBe("Next 12 months (1961-01 … 1961-12): 5,932 in all expected, P10–P90 5,500–6,300; growth not measurable.");
  });
});
