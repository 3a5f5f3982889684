/**
 * Volume paths for the simulation, as a row-major matrix over the plan's delivery months.
 * The forecast's sample paths (ForecastResult.samplePaths) start the month after the usage history and run through
 * the forecast horizon; the plan's months are a sub-range of them (the curve may start later).
 */
import type { HedgePlan } from "../hedge/plan.js";
import type { VolumeMatrix } from "./simulate.js";

/** Pick the plan's months out of forecast paths whose first value is `forecastMonths[0]`. */
export function volumeMatrix(
  paths: readonly ArrayLike<number>[],
  forecastMonths: readonly string[],
  planMonths: readonly string[],
): VolumeMatrix {
  const at = new Map(forecastMonths.map((m, i) => [m, i]));
  const columns = planMonths.map((m) => {
    const i = at.get(m);
    if (i === undefined) throw new Error(`no forecast path values for ${m}`);
    return i;
  });
  const M = columns.length;
  const data = new Float64Array(paths.length * M);
  paths.forEach((p, r) => {
    for (let m = 0; m < M; m++) data[r * M + m] = p[columns[m]!]!;
  });
  return { paths: paths.length, months: M, data };
}

/** Every path at the plan's forecast (mean) volume: no volume risk. */
export function fixedVolumes(plan: HedgePlan, n: number): VolumeMatrix {
  const M = plan.months.length;
  const data = new Float64Array(n * M);
  for (let r = 0; r < n; r++) for (let m = 0; m < M; m++) data[r * M + m] = plan.months[m]!.forecastTokens;
  return { paths: n, months: M, data };
}
