/**
 * The aggregated layout: what `tokenhedge sql` queries return (one row per day × provider ×
 * model × project × token kind × currency), exported as CSV from Athena, BigQuery, Snowflake,
 * Databricks or DuckDB. Dimensions are read as written (the query already applied the export
 * profile's rules); a row with an empty token kind carries cost that belongs to no single kind
 * (a wide export's row cost), and a row with a `cost_only` reason is a credit, tax or refund:
 * cost counted, tokens never, left out by --exclude-credits.
 */
import type { KindRule } from "../schema.js";
import { fingerprint, type Profile } from "./types.js";

export const AGGREGATED_COLUMNS = [
  "usage_date",
  "provider",
  "model",
  "project",
  "token_kind",
  "currency",
  "tokens",
  "cost",
  "cost_only",
] as const;

/** The token kinds the built-in profiles produce; anything else in token_kind is rejected, named. */
export const AGGREGATED_KINDS = [
  "input_uncached",
  "input_cache_read",
  "input_cache_write",
  "output",
  "input",
  "unspecified",
] as const;

export const aggregatedProfile: Profile = {
  id: "aggregated",
  title: "Aggregated usage (tokenhedge sql result)",
  detect: fingerprint(["usage_date", "token_kind", "tokens", "cost_only"]),
  build(h) {
    const rules: KindRule[] = [...AGGREGATED_KINDS.map((k) => ({ equals: k, kind: k })), { equals: "", noKind: true }];
    return {
      spec: {
        name: "aggregated usage",
        provider: { column: "provider" },
        date: { column: "usage_date", bucket: "as-written" },
        filters: [
          {
            when: { column: "cost_only", empty: false },
            then: "cost-only",
            reason: "cost-only rows (credits, tax, refunds; reason in cost_only)",
          },
        ],
        quantity: { column: "tokens", kind: { column: "token_kind", rules } },
        emptyTokens: "zero",
        model: { column: "model" },
        ...(h.has("project") ? { project: { column: "project" } } : {}),
        ...(h.has("cost")
          ? { cost: { column: "cost", currency: { column: "currency", normalize: "upper", default: "USD" } } }
          : {}),
      },
      notes: [
        "already aggregated by the export profile's query: dimensions and token kinds read as written",
        "an empty token_kind is cost of no single kind; a cost_only reason marks credits, tax and refunds",
      ],
    };
  },
};
