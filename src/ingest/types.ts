import type { Dec } from "../money/decimal.js";

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

/** Which source column feeds which canonical field. */
export interface ColumnMap {
  date: string;
  tokens: string;
  kind?: string;
  model?: string;
  cost?: string;
}

export interface DayTotal {
  day: string;
  tokens: bigint;
  /** null when the file has no cost column. */
  cost: Dec | null;
  byKind: Map<string, bigint>;
}

/**
 * The usage series: every calendar day from the first to the last day in the file (days with no rows
 * appear with zero tokens and are listed in `missingDays`), plus totals by dimension.
 */
export interface UsageSeries {
  file: string;
  columns: ColumnMap;
  rowsRead: number;
  days: DayTotal[];
  firstDay: string;
  lastDay: string;
  missingDays: string[];
  totalTokens: bigint;
  totalCost: Dec | null;
  byKind: Map<string, bigint>;
  byModel: Map<string, bigint>;
}
