import type { Dec } from "../money/decimal.js";
import type { MappingSpec } from "./mapping/schema.js";

/** One usage row after mapping: a day, a token count and its dimensions. */
export interface UsageRecord {
  day: string;
  tokens: bigint;
  kind: string;
  model: string;
  cost: Dec | null;
  /** 1-based line of the record in the source file (for messages). */
  line: number;
}

/** Which source column feeds which canonical field (descriptive: wide files list several token columns). */
export interface ColumnMap {
  date: string;
  tokens: string;
  kind?: string;
  model?: string;
  cost?: string;
  provider?: string;
  project?: string;
}

export interface DayTotal {
  day: string;
  tokens: bigint;
  /** null when the file has no cost column (or its currency is not the series currency). */
  cost: Dec | null;
  byKind: Map<string, bigint>;
}

/** Tokens and cost of one (day, provider, model, project, kind); kind "" holds cost not attributable to one kind. */
export interface UsageCell {
  day: string;
  provider: string;
  model: string;
  project: string;
  kind: string;
  tokens: bigint;
  /** Cost in the series currency, or null. */
  cost: Dec | null;
}

export interface ProfileInfo {
  /** The `--format` id (or "mapping" for a mapping file). */
  id: string;
  title: string;
  /** Why it was chosen: the flag, or the distinctive header columns. */
  reason: string;
  /** Assumptions it made (containment, units, currency …). */
  notes: string[];
  /** The mapping rules in force, one line each. */
  rules: string[];
}

export interface SkipSummary {
  reason: string;
  /** not-usage: credits, storage, request counts …; cost-only: kept for cost, not tokens; filtered: --from/--model …; empty; duplicate. */
  category: "not-usage" | "cost-only" | "filtered" | "empty" | "duplicate";
  count: number;
  firstLines: number[];
  /** Cost of cost-only rows per currency (exact decimal strings). */
  cost?: { currency: string; amount: Dec }[];
}

export interface RowErrorSummary {
  code: string;
  count: number;
  firstLines: number[];
  /** The first such error's message. */
  example: string;
}

export type FindingId =
  | "missing-days"
  | "duplicates"
  | "future-dates"
  | "outlier-days"
  | "mixed-granularity"
  | "stale-data"
  | "mixed-currencies"
  | "skipped-rows"
  | "unit-check";

export interface Finding {
  id: FindingId;
  severity: "warning" | "info";
  message: string;
  count: number;
  /** First line numbers involved (up to 5). */
  lines?: number[];
  /** Days involved (up to 10). */
  days?: string[];
}

/**
 * The usage series: every calendar day from the first to the last day in the file (days with no rows
 * appear with zero tokens and are listed in `missingDays`), plus totals by dimension.
 */
export interface UsageSeries {
  file: string;
  columns: ColumnMap;
  /** Data records read (after the header). */
  rowsRead: number;
  days: DayTotal[];
  firstDay: string;
  lastDay: string;
  missingDays: string[];
  totalTokens: bigint;
  /** Cost in `currency`; null without a cost column or when several currencies are present and none was chosen. */
  totalCost: Dec | null;
  byKind: Map<string, bigint>;
  byModel: Map<string, bigint>;
  byProvider?: Map<string, bigint>;
  byProject?: Map<string, bigint>;
  /** Currency of `totalCost` and every day's cost. */
  currency?: string | null;
  /** Cost per currency (never added across currencies). */
  costByCurrency?: Map<string, Dec>;
  profile?: ProfileInfo;
  mapping?: MappingSpec;
  delimiter?: string;
  headerLine?: number;
  rowsUsed?: number;
  cells?: UsageCell[];
  skipped?: SkipSummary[];
  rowErrors?: RowErrorSummary[];
  findings?: Finding[];
}
