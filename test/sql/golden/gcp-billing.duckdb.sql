-- tokenhedge sql --profile gcp-billing --dialect duckdb
-- Google Cloud billing report (Vertex AI): day × provider × model × project × token kind × currency → tokens and cost.
-- tokens from "Usage amount" where "Usage unit" is count; kind and model from "SKU description"
-- cost from "Unrounded subtotal ($)" (the unrounded subtotal is preferred: rounded columns differ by cents)
-- days are the first ten characters of the date (YYYY-MM-DD as written; UTC for the Z times these exports write)
-- Export the result as CSV and read it with `tokenhedge ingest` (detected as aggregated usage).
WITH th_cells AS (
  SELECT
    COALESCE(TRIM(CAST("Date" AS VARCHAR)), '') AS "Date",
    COALESCE(TRIM(CAST("SKU description" AS VARCHAR)), '') AS "SKU description",
    COALESCE(TRIM(CAST("Service description" AS VARCHAR)), '') AS "Service description",
    COALESCE(TRIM(CAST("Usage unit" AS VARCHAR)), '') AS "Usage unit",
    COALESCE(TRIM(CAST("Unrounded subtotal ($)" AS VARCHAR)), '') AS "Unrounded subtotal ($)",
    COALESCE(TRIM(CAST("Usage amount" AS VARCHAR)), '') AS "Usage amount"
  FROM "billing"."usage_export"
), th_src AS (
  SELECT
    SUBSTR("Date", 1, 10) AS "usage_date",
    'gcp-vertex' AS "provider",
    CASE WHEN regexp_replace(regexp_replace(LOWER(CASE WHEN "SKU description" = '' THEN '' ELSE TRIM(regexp_extract("SKU description", '(gemini[ -]?\d+(?:\.\d+)?(?:[ -](?:pro|flash|ultra|nano|lite))*)', 1, 'i')) END), '[^a-z0-9]+', '-', 'g'), '^-+|-+$', '', 'g') = '' THEN 'unspecified' ELSE regexp_replace(regexp_replace(LOWER(CASE WHEN "SKU description" = '' THEN '' ELSE TRIM(regexp_extract("SKU description", '(gemini[ -]?\d+(?:\.\d+)?(?:[ -](?:pro|flash|ultra|nano|lite))*)', 1, 'i')) END), '[^a-z0-9]+', '-', 'g'), '^-+|-+$', '', 'g') END AS "model",
    'all' AS "project",
    CASE WHEN NOT (regexp_matches("Service description", 'vertex ai|gemini|generative', 'i')) THEN 'skip' WHEN NOT (regexp_matches("Usage unit", '^(count|tokens?)$', 'i')) THEN 'skip' ELSE 'usage' END AS "row_class",
    CASE WHEN NOT (regexp_matches("Service description", 'vertex ai|gemini|generative', 'i')) THEN CAST(NULL AS VARCHAR) WHEN NOT (regexp_matches("Usage unit", '^(count|tokens?)$', 'i')) THEN CAST(NULL AS VARCHAR) ELSE CAST(NULL AS VARCHAR) END AS "cost_reason",
    NOT ("Unrounded subtotal ($)" = '') AS "has_cost",
    CASE WHEN "Unrounded subtotal ($)" = '' THEN CAST(NULL AS DECIMAL(38, 18)) ELSE CAST(NULLIF(regexp_replace(regexp_replace("Unrounded subtotal ($)", '^[$€£]', '', 'g'), ',', '', 'g'), '') AS DECIMAL(38, 18)) END AS "cost",
    CASE WHEN "Unrounded subtotal ($)" = '' THEN CAST(NULL AS VARCHAR) ELSE 'USD' END AS "currency",
    CASE WHEN regexp_matches("SKU description", 'cach', 'i') THEN 'input_cache_read' WHEN regexp_matches("SKU description", 'output|thinking|reasoning', 'i') THEN 'output' WHEN regexp_matches("SKU description", 'input', 'i') THEN 'input_uncached' WHEN regexp_matches("SKU description", '.', 'i') THEN '#ignore' ELSE CONCAT('unmatched kind: ', "SKU description") END AS "kind",
    "Usage unit" AS "unit_text",
    CASE WHEN LOWER(regexp_replace("Usage unit", '\s+', '', 'g')) = 'count' THEN 1 WHEN LOWER(regexp_replace("Usage unit", '\s+', '', 'g')) = 'token' THEN 1 WHEN LOWER(regexp_replace("Usage unit", '\s+', '', 'g')) = 'tokens' THEN 1 ELSE NULL END AS "factor",
    COALESCE(CAST(NULLIF(regexp_replace("Usage amount", ',', '', 'g'), '') AS DECIMAL(38, 9)), 0) AS "quantity"
  FROM th_cells
), th_src_2 AS (
  SELECT
    "usage_date",
    "provider",
    "model",
    "project",
    "row_class",
    "cost_reason",
    "has_cost",
    "cost",
    "currency",
    "kind",
    "unit_text",
    "factor",
    "quantity",
    "factor" AS "factor_checked"
  FROM th_src
), th_rows AS (
  -- token rows: kind by the rules, quantity × tokens per unit
  SELECT "usage_date", "provider", "model", "project", CASE WHEN "factor_checked" IS NULL THEN CONCAT('unknown unit: ', "unit_text") ELSE "kind" END AS "token_kind", ("quantity" * COALESCE("factor_checked", 0)) AS "tokens",
    "cost" AS "cost", "currency" AS "currency", CAST(NULL AS VARCHAR) AS "cost_only"
  FROM th_src_2
  WHERE ("row_class" = 'usage') AND ("kind" <> '#ignore')
)
SELECT "usage_date", "provider", "model", "project", "token_kind", "currency", SUM("tokens") AS "tokens", SUM("cost") AS "cost", "cost_only"
FROM th_rows
GROUP BY "usage_date", "provider", "model", "project", "token_kind", "currency", "cost_only"
ORDER BY "usage_date", "provider", "model", "project", "token_kind", "currency", "cost_only";
