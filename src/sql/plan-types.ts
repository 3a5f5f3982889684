/**
 * The shape of an aggregation plan (plan.ts builds it, render.ts writes it in each dialect's SQL).
 */
import { AGGREGATED_COLUMNS } from "../ingest/mapping/profiles/aggregated.js";
import type { DayLayout, Expr } from "./expr.js";

/** A value of the aggregated row: one UNION ALL branch. */
export interface Branch {
  /** What the branch is, for the comment above it. */
  label: string;
  where: Expr;
  kind: Expr;
  tokens: Expr;
  cost: Expr;
  currency: Expr;
  costOnly: Expr;
}

export interface AggregationPlan {
  profile: string;
  title: string;
  notes: string[];
  /**
   * Values computed once per source row, in order. A value reads either source cells or earlier
   * values, never both: values that read earlier ones go in a later step (SQL has no lateral aliases).
   */
  row: [string, Expr][];
  branches: Branch[];
  /** Whether the export has a cost column (without one the result has no cost and currency columns). */
  hasCost: boolean;
  /** The result's columns, in order. */
  resultColumns: string[];
  /** Optional day range on the result (inclusive, YYYY-MM-DD). */
  from?: string;
  to?: string;
}

export interface PlanOptions {
  /** The export's header; default: the profile's full header (src/sql/headers.ts). */
  header: readonly string[];
  /** How the date column is written; default: from the profile. */
  dateLayout?: DayLayout;
  containment?: "nested" | "disjoint";
  from?: string;
  to?: string;
}

/** Every column the result can have, in order (the aggregated layout). */
export const RESULT_COLUMNS = AGGREGATED_COLUMNS;
