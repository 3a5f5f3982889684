import { describe, expect, it } from "vitest";
import type { BacktestReport, ForecastResult, MonthlyForecast, PeriodForecast } from "../../src/forecast/index.js";
import type { ExposureForecast } from "../../src/hedge/exposure.js";
import {
  forecastCsv,
  forecastDocument,
  forecastFindings,
  forecastHuman,
  forecastWarnings,
  type ForecastView,
} from "../../src/report/views/forecast.js";

/** A forecast point whose quantiles are mean + k·step for k = −4 … 4 (P5 … P95 roughly symmetric). */
function point(period: string, mean: number, step: number): PeriodForecast {
  return {
    period,
    mean,
    lo80: mean - 2 * step,
    hi80: mean + 2 * step,
    lo95: mean - 4 * step,
    hi95: mean + 4 * step,
    quantiles: {
      p5: mean - 3 * step,
      p10: mean - 2 * step,
      p25: mean - step,
      p50: mean,
      p75: mean + step,
      p90: mean + 2 * step,
      p95: mean + 3 * step,
    },
  };
}

function result(overrides: Partial<ForecastResult> = {}): ForecastResult {
  return {
    model: "combination",
    granularity: "month",
    points: [point("2025-05", 1000.4, 10.25), point("2025-06", 1100.5, 20)],
    candidates: [
      {
        model: "seasonal-naive",
        mae: 50.6,
        mase: 1.5,
        smape: 5,
        mape: 5.1,
        coverage80: 0.5,
        coverage95: 0.75,
        chosen: false,
      },
      { model: "combination", mae: 20.2, mase: 0.6, smape: 2, mape: 2.1, coverage80: 0.8, coverage95: 1, chosen: true },
    ],
    warnings: [
      "a level shift",
      "rolling-origin figures from 3 origin(s) are noisy: treat small differences between models as ties",
    ],
    findings: [
      { kind: "level-shift", start: "2025-02", end: "2025-04", count: 3, action: "flagged", message: "a level shift" },
      { kind: "spike", start: "2025-01", end: "2025-01", count: 1, action: "flagged", message: "a spike in 2025-01" },
    ],
    selection: "combination",
    rule: "the equal-weight ETS + Theta + damped combination, as requested",
    weights: { combination: 1 },
    drivers: {
      growth: { lastSixPeriods: 0.02, longRun: 0.03, now: 0.021, horizonEnd: 0.019 },
      seasonality: { seasonal: false, text: "no seasonal pattern detected" },
      levelShifts: ["2025-02"],
      outages: [],
      why: "combination (MASE 0.60): the equal-weight ETS + Theta + damped combination, as requested",
      sentence: "Trend +2.1% a month now, +1.9% a month at the horizon end (2025-06). Why this model: as requested.",
      warnings: [],
    },
    seed: 7,
    samplePaths: () => [],
    simulate: () => [],
    ...overrides,
  };
}

const monthlyHistory = { granularity: "month" as const, start: "2025-01", values: [900, 950.6, 990, 1001] };

function view(overrides: Partial<ForecastView> = {}): ForecastView {
  return {
    file: "s.csv",
    source: "series",
    decimals: 0,
    history: monthlyHistory,
    excluded: [],
    result: result(),
    paths: 5000,
    ...overrides,
  };
}

describe("forecast CSV", () => {
  it("has the exact header and values rounded to the input's decimals", () => {
    // 1000.4 ± 2·10.25 = 979.9 / 1020.9, ± 4·10.25 = 959.4 / 1041.4 → whole numbers 1000, 980, 1021, 959, 1041.
    expect(forecastCsv(view())).toBe(
      "period,mean,lo80,hi80,lo95,hi95\n2025-05,1000,980,1021,959,1041\n2025-06,1101,1061,1141,1021,1181\n",
    );
    // One decimal: 1000.4, 979.9, 1020.9, 959.4, 1041.4.
    expect(forecastCsv(view({ decimals: 1 })).split("\n")[1]).toBe("2025-05,1000.4,979.9,1020.9,959.4,1041.4");
  });
});

describe("forecast JSON", () => {
  it("keeps the script-facing names and rounds every count", () => {
    const doc = forecastDocument(view()) as Record<string, unknown> & {
      forecast: Record<string, unknown>[];
      candidates: { mae?: number }[];
      history: { period: string; value: number }[];
    };
    expect(doc.command).toBe("forecast");
    expect(doc.model).toBe("combination");
    expect(doc.selection).toEqual({
      method: "combination",
      rule: "the equal-weight ETS + Theta + damped combination, as requested",
      weights: { combination: 1 },
    });
    expect(doc.drivers).toMatchObject({ growth: { now: 0.021, horizonEnd: 0.019 }, levelShifts: ["2025-02"] });
    expect(doc.granularity).toBe("month");
    expect(doc.seed).toBe(7);
    expect(doc.forecast[0]).toEqual({
      period: "2025-05",
      mean: 1000,
      lo80: 980,
      hi80: 1021,
      lo95: 959,
      hi95: 1041,
      // 1000.4 + k·10.25 for k = −3 … 3: 969.65, 979.9, 990.15, 1000.4, 1010.65, 1020.9, 1031.15.
      quantiles: { p5: 970, p10: 980, p25: 990, p50: 1000, p75: 1011, p90: 1021, p95: 1031 },
    });
    expect(doc.candidates[0]!.mae).toBe(51);
    expect(doc.history).toEqual([
      { period: "2025-01", value: 900 },
      { period: "2025-02", value: 951 },
      { period: "2025-03", value: 990 },
      { period: "2025-04", value: 1001 },
    ]);
    expect(doc).not.toHaveProperty("monthly");
    expect(doc).not.toHaveProperty("backtest");
  });

  it("adds the monthly totals of a daily forecast and the backtest when present", () => {
    const monthly: MonthlyForecast = {
      model: "combination",
      points: [point("2025-05", 30000.4, 100)],
      paths: [],
      candidates: [],
      findings: [],
      warnings: [],
      partialMonth: { month: "2025-05", observedDays: 10, observedTotal: 9000.6 },
      selection: "combination",
      seed: 7,
    };
    const backtest: BacktestReport = {
      horizon: 3,
      origins: ["2025-02", "2025-03"],
      findings: [],
      warnings: [],
      scores: [
        {
          model: "naive",
          mae: 12.5,
          mase: undefined,
          smape: 3,
          mape: undefined,
          coverage80: 0.5,
          coverage95: 1,
          origins: 2,
          points: 5,
          byHorizon: [
            { step: 1, points: 2, coverage80: 0.5, coverage95: 1 },
            { step: 2, points: 2, coverage80: 1, coverage95: 1 },
            { step: 3, points: 1, coverage80: 0, coverage95: 1 },
          ],
        },
      ],
    };
    const doc = forecastDocument(view({ monthly, backtest })) as {
      monthly: { partialMonth: { observedTotal: number }; forecast: { mean: number }[] };
      backtest: { horizon: number; scores: Record<string, unknown>[]; note: string };
    };
    expect(doc.monthly.partialMonth.observedTotal).toBe(9001);
    expect(doc.monthly.forecast[0]!.mean).toBe(30000);
    expect(doc.backtest.horizon).toBe(3);
    // Undefined metrics are written as null, not left out; the MAE is a count, rounded.
    expect(doc.backtest.scores[0]).toMatchObject({ model: "naive", mase: null, mape: null, mae: 13 });
    expect(doc.backtest.note).toContain("noisy");
    expect(doc.backtest.scores[0]!.byHorizon).toHaveLength(3);
    // Human output: coverage per step ahead, 80%/95% in percent: 0.5/1 → 50/100, 1/1 → 100/100, 0/1 → 0/100.
    expect(forecastHuman(view({ monthly, backtest }), false)).toMatch(/│ naive +│ +50\/100 │ +100\/100 │ +0\/100 │/);
  });
});

describe("forecast warnings and findings", () => {
  it("prints each warning once, keeps the backtest's noise caveat for its table, and does not repeat warned findings", () => {
    const v = view({
      monthly: { ...({} as MonthlyForecast), warnings: ["a level shift", "partial month"], points: [] },
    });
    expect(forecastWarnings(v)).toEqual(["a level shift", "partial month"]);
    expect(forecastFindings(v).map((f) => f.message)).toEqual(["a spike in 2025-01"]);
  });
});

describe("forecast human output", () => {
  it("shows the model, the selection, a chart, the table and every candidate, without ANSI codes when colour is off", () => {
    const text = forecastHuman(view(), false);
    expect(text).not.toContain("\u001b[");
    expect(text).toContain("s.csv: values per month, 4 months 2025-01 … 2025-04");
    expect(text).toContain("model: combination");
    expect(text).toContain("selection: combination — the equal-weight ETS + Theta + damped combination, as requested");
    expect(text).toContain("Trend +2.1% a month now, +1.9% a month at the horizon end (2025-06).");
    expect(text).toContain("seed 7, 5,000 sample paths");
    expect(text).toContain("* history   o forecast mean   : 80% interval   . 95% interval");
    expect(text).toMatch(/│ 2025-05 │ +1,000 │ +1,000 │ +980 │ +1,021 │ +959 │ +1,041 │/);
    expect(text).toMatch(/│ +│ seasonal-naive │ +1\.500 │/);
    expect(text).toMatch(/│ \* │ combination +│ +0\.600 │/);
  });

  it("says when the naive benchmark was not scored (AICc selection)", () => {
    const aicc = result({
      selection: "aicc",
      model: "ETS(M,A,N)",
      candidates: [
        { model: "ETS(A,N,N)", aicc: 120.5, chosen: false },
        { model: "ETS(M,A,N)", aicc: 110.25, chosen: true },
      ],
    });
    const text = forecastHuman(view({ result: aicc }), false);
    expect(text).toContain("ranked by AICc");
    expect(text).toContain("110.25");
    expect(text).toContain("the naive benchmark is not scored");
  });

  it("renders the plan's exposure forecast (used by `demo`) the same way", () => {
    const exposure = {
      history: {
        start: "2025-01",
        months: ["2025-01", "2025-02", "2025-03", "2025-04"],
        values: monthlyHistory.values,
        excluded: ["2025-05"],
      },
      forecast: result(),
      months: [],
    } as unknown as ExposureForecast;
    const text = forecastHuman(exposure, false);
    expect(text).toContain("tokens per month, 4 complete months 2025-01 … 2025-04 (partial months left out: 2025-05)");
    expect(forecastCsv(exposure)).toBe(forecastCsv(view()));
  });
});
