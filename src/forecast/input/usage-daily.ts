/**
 * A usage series (ingest) → the daily token series the daily models forecast. Ingest lists every calendar day
 * from the first to the last (days without rows hold zero tokens), so the series has no gaps; zero days are left
 * to the forecast's outage handling (docs/METHODOLOGY.md §2).
 */
import type { UsageSeries } from "../../ingest/types.js";
import type { TimeSeries } from "../types.js";

export function dailyTokens(usage: Pick<UsageSeries, "days" | "firstDay">): TimeSeries {
  return {
    granularity: "day",
    start: usage.days[0]?.day ?? usage.firstDay,
    values: usage.days.map((d) => Number(d.tokens)),
  };
}
