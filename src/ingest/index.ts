/** Ingest: usage CSV text → a validated, exact usage series. */
export { parseUsageCsv, type ParseUsageOptions } from "./parse-usage.js";
export { aggregateDaily, totalsByPeriod, completeMonths, sortedEntries, type PeriodTotal } from "./aggregate.js";
export { parseMapFlag } from "./columns.js";
export type { UsageRecord, UsageSeries, ColumnMap, DayTotal } from "./types.js";

import { parseUsageCsv, type ParseUsageOptions } from "./parse-usage.js";
import { aggregateDaily } from "./aggregate.js";
import type { UsageSeries } from "./types.js";

export function ingestUsage(text: string, options: ParseUsageOptions): UsageSeries {
  const { columns, records } = parseUsageCsv(text, options);
  return aggregateDaily(records, options.file, columns);
}
