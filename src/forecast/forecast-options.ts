/**
 * Checks of the forecast options shared by `forecastSeries` and the backtest API: horizon, seed, sample paths, the
 * selection rule, outlier handling and model names, each a USAGE error naming the value and what is expected.
 */
import { HedgeError } from "../errors.js";
import { CANDIDATE_NAMES, candidateByName } from "./candidates.js";
import type { ForecastOptions } from "./types.js";

export function checkOptions(options: ForecastOptions): void {
  const { horizon, seed, paths, select, outliers } = options;
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new HedgeError("USAGE", `forecast horizon must be a whole number ≥ 1; got ${String(horizon)}`, {
      value: String(horizon),
      expected: "an integer ≥ 1",
    });
  }
  if (seed !== undefined && !Number.isInteger(seed)) {
    throw new HedgeError("USAGE", `seed must be an integer; got ${String(seed)}`, { value: String(seed) });
  }
  if (paths !== undefined && (!Number.isInteger(paths) || paths < 100)) {
    throw new HedgeError("USAGE", `number of sample paths must be an integer ≥ 100; got ${String(paths)}`, {
      value: String(paths),
    });
  }
  if (select !== undefined && !["evidence", "combination", "holdout", "aicc", "backtest"].includes(select)) {
    throw new HedgeError("USAGE", `unknown model selection "${String(select)}"`, {
      value: String(select),
      expected: "evidence, combination, holdout, aicc or backtest",
    });
  }
  if (outliers !== undefined && outliers !== "keep" && outliers !== "interpolate") {
    throw new HedgeError("USAGE", `unknown outlier handling "${String(outliers)}"`, {
      value: String(outliers),
      expected: "keep or interpolate",
    });
  }
  for (const name of options.models ?? []) {
    if (!candidateByName(name)) {
      throw new HedgeError("USAGE", `unknown forecast model "${name}"`, {
        value: name,
        expected: `${CANDIDATE_NAMES.join(", ")}, or an ETS model such as ETS(M,Ad,N)`,
      });
    }
  }
}
