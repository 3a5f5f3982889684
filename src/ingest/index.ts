/** Ingest: usage CSV text (or a stream of chunks) → a validated, exact usage series. */
export { totalsByPeriod, completeMonths, sortedEntries, type PeriodTotal } from "./series/aggregate.js";
export { parseMapFlag } from "./mapping/columns.js";
export { UsageIngestor, ingestText, detectDelimiter } from "./reading/engine.js";
export type { IngestOptions } from "./reading/options.js";
export { PROFILES, PROFILE_IDS, profileById } from "./mapping/profiles/index.js";
export type {
  UsageRecord,
  UsageSeries,
  ColumnMap,
  DayTotal,
  UsageCell,
  Finding,
  SkipSummary,
  RowErrorSummary,
  ProfileInfo,
} from "./types.js";

import { ingestText } from "./reading/engine.js";
import type { IngestOptions } from "./reading/options.js";
import type { UsageSeries } from "./types.js";

/** Ingest usage CSV text. `options.map` is the `--map` flag's columns; see IngestOptions for the rest. */
export function ingestUsage(text: string, options: IngestOptions): UsageSeries {
  return ingestText(text, options);
}
