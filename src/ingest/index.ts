/** Ingest: usage CSV text (or a stream of chunks) → a validated, exact usage series. */
export { totalsByPeriod, completeMonths, sortedEntries, type PeriodTotal } from "./aggregate.js";
export { parseMapFlag } from "./columns.js";
export { UsageIngestor, ingestText, detectDelimiter } from "./engine.js";
export type { IngestOptions } from "./options.js";
export { PROFILES, PROFILE_IDS, profileById } from "./profiles/index.js";
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

import { ingestText } from "./engine.js";
import type { IngestOptions } from "./options.js";
import type { UsageSeries } from "./types.js";

/** Ingest usage CSV text. `options.map` is the `--map` flag's columns; see IngestOptions for the rest. */
export function ingestUsage(text: string, options: IngestOptions): UsageSeries {
  return ingestText(text, options);
}
