/**
 * `forecast --backtest`: the forecast and the rolling-origin backtest of its candidates. The default selections
 * (evidence by month, backtest by day) already run that backtest, on the same cleaned series, candidates, origins
 * and seed as `backtest()` would; the report is then made from their run instead of running it a second time.
 * Any other case (AICc, the holdout, a restricted model list) runs `backtest()` as before.
 */
import { DEFAULT_SEED } from "../defaults.js";
import {
  backtest,
  backtestCandidates,
  backtestReportOf,
  type BacktestOptions,
  type BacktestReport,
} from "./backtest-api.js";
import { defaultRollingOrigin, rollingOrigins } from "./backtest.js";
import { forecastAndSelection } from "./forecast-series.js";
import { seasonalPeriod } from "./periods.js";
import type { ForecastOptions, ForecastResult, TimeSeries } from "./types.js";

export function forecastWithBacktest(
  input: TimeSeries,
  options: ForecastOptions,
  backtestOptions: Pick<BacktestOptions, "seed" | "outliers" | "events" | "dailyHistory">,
): { result: ForecastResult; backtest: BacktestReport; /** The selection's own run was reused. */ reused: boolean } {
  const { result, chosen } = forecastAndSelection(input, options);
  const ran = chosen.backtest;
  const y = chosen.values;
  const seed = backtestOptions.seed ?? DEFAULT_SEED;
  const plan = rollingOrigins(y.length, defaultRollingOrigin(chosen.series.granularity));
  const wanted = backtestCandidates(y, seasonalPeriod(chosen.series.granularity)).map((c) => c.name);
  const same =
    ran !== undefined &&
    ran.seed === seed &&
    options.outliers === backtestOptions.outliers &&
    options.events === backtestOptions.events &&
    options.dailyHistory === backtestOptions.dailyHistory &&
    ran.plan.horizon === plan.horizon &&
    ran.plan.origins.join(",") === plan.origins.join(",") &&
    ran.candidates.join(",") === wanted.join(",");
  if (!ran || !same) return { result, backtest: backtest(input, backtestOptions), reused: false };
  return {
    result,
    backtest: backtestReportOf(
      chosen.series,
      chosen.offset,
      plan,
      ran.run,
      chosen.screened,
      chosen.events?.warnings ?? [],
    ),
    reused: true,
  };
}
