-- tokenhedge sql --profile focus --dialect duckdb
-- FinOps FOCUS 1.x: day × provider × model × project × token kind × currency → tokens and cost.
-- token kind from SkuMeter; cost from BilledCost in BillingCurrency (EffectiveCost and ListCost are not added)
-- credits, tax and adjustments: cost included, tokens never; --exclude-credits leaves them out
-- days are the first ten characters of the date (YYYY-MM-DD as written; UTC for the Z times these exports write)
-- Export the result as CSV and read it with `tokenhedge ingest` (detected as aggregated usage).
WITH th_cells AS (
  SELECT
    COALESCE(TRIM(CAST("ChargePeriodStart" AS VARCHAR)), '') AS "ChargePeriodStart",
    COALESCE(TRIM(CAST("ProviderName" AS VARCHAR)), '') AS "ProviderName",
    COALESCE(TRIM(CAST("SkuMeter" AS VARCHAR)), '') AS "SkuMeter",
    COALESCE(TRIM(CAST("SubAccountName" AS VARCHAR)), '') AS "SubAccountName",
    COALESCE(TRIM(CAST("ChargeCategory" AS VARCHAR)), '') AS "ChargeCategory",
    COALESCE(TRIM(CAST("ConsumedUnit" AS VARCHAR)), '') AS "ConsumedUnit",
    COALESCE(TRIM(CAST("BilledCost" AS VARCHAR)), '') AS "BilledCost",
    COALESCE(TRIM(CAST("BillingCurrency" AS VARCHAR)), '') AS "BillingCurrency",
    COALESCE(TRIM(CAST("ConsumedQuantity" AS VARCHAR)), '') AS "ConsumedQuantity"
  FROM "billing"."usage_export"
), th_src AS (
  SELECT
    SUBSTR("ChargePeriodStart", 1, 10) AS "usage_date",
    CASE WHEN regexp_replace(regexp_replace(LOWER("ProviderName"), '[^a-z0-9]+', '-', 'g'), '^-+|-+$', '', 'g') = '' THEN 'unspecified' ELSE regexp_replace(regexp_replace(LOWER("ProviderName"), '[^a-z0-9]+', '-', 'g'), '^-+|-+$', '', 'g') END AS "provider",
    CASE WHEN regexp_replace(regexp_replace(LOWER(CASE WHEN "SkuMeter" = '' THEN '' ELSE TRIM(regexp_extract("SkuMeter", '^(?:\$[\d.]+ per 1K )?(.*?)(?:\s+(?:cache\s*(?:read|write)\s+)?(?:input|output|prompt|completion)\b|-(?:cchd-)?(?:inp|outp?)-)', 1, 'i')) END), '[^a-z0-9]+', '-', 'g'), '^-+|-+$', '', 'g') = '' THEN 'unspecified' ELSE regexp_replace(regexp_replace(LOWER(CASE WHEN "SkuMeter" = '' THEN '' ELSE TRIM(regexp_extract("SkuMeter", '^(?:\$[\d.]+ per 1K )?(.*?)(?:\s+(?:cache\s*(?:read|write)\s+)?(?:input|output|prompt|completion)\b|-(?:cchd-)?(?:inp|outp?)-)', 1, 'i')) END), '[^a-z0-9]+', '-', 'g'), '^-+|-+$', '', 'g') END AS "model",
    CASE WHEN "SubAccountName" = '' THEN 'unspecified' ELSE "SubAccountName" END AS "project",
    CASE WHEN LOWER("ChargeCategory") IN ('credit', 'tax', 'adjustment') THEN 'cost' WHEN NOT (regexp_matches("ConsumedUnit", '^(1000 |1k |1m )?tokens?$', 'i')) THEN 'skip' ELSE 'usage' END AS "row_class",
    CASE WHEN LOWER("ChargeCategory") IN ('credit', 'tax', 'adjustment') THEN 'credit, tax or adjustment' WHEN NOT (regexp_matches("ConsumedUnit", '^(1000 |1k |1m )?tokens?$', 'i')) THEN CAST(NULL AS VARCHAR) ELSE CAST(NULL AS VARCHAR) END AS "cost_reason",
    NOT ("BilledCost" = '') AS "has_cost",
    CASE WHEN "BilledCost" = '' THEN CAST(NULL AS DECIMAL(38, 18)) ELSE CAST(NULLIF(regexp_replace("BilledCost", '^[$€£]', '', 'g'), '') AS DECIMAL(38, 18)) END AS "cost",
    CASE WHEN "BilledCost" = '' THEN CAST(NULL AS VARCHAR) ELSE UPPER(CASE WHEN UPPER("BillingCurrency") = '' THEN 'USD' ELSE UPPER("BillingCurrency") END) END AS "currency",
    CASE WHEN regexp_matches("SkuMeter", 'cache[ -]?read|cached|\bcchd\b', 'i') THEN 'input_cache_read' WHEN regexp_matches("SkuMeter", 'cache[ -]?write', 'i') THEN 'input_cache_write' WHEN regexp_matches("SkuMeter", 'input|prompt|\binp\b', 'i') THEN 'input_uncached' WHEN regexp_matches("SkuMeter", 'output|completion|\boutp?\b', 'i') THEN 'output' WHEN regexp_matches("SkuMeter", '.', 'i') THEN 'unspecified' ELSE CONCAT('unmatched kind: ', "SkuMeter") END AS "kind",
    "ConsumedUnit" AS "unit_text",
    CASE WHEN LOWER(regexp_replace("ConsumedUnit", '\s+', '', 'g')) = 'tokens' THEN 1 WHEN LOWER(regexp_replace("ConsumedUnit", '\s+', '', 'g')) = 'token' THEN 1 WHEN LOWER(regexp_replace("ConsumedUnit", '\s+', '', 'g')) = '1000tokens' THEN 1000 WHEN LOWER(regexp_replace("ConsumedUnit", '\s+', '', 'g')) = '1ktokens' THEN 1000 WHEN LOWER(regexp_replace("ConsumedUnit", '\s+', '', 'g')) = '1mtokens' THEN 1000000 ELSE NULL END AS "factor",
    COALESCE(CAST(NULLIF("ConsumedQuantity", '') AS DECIMAL(38, 9)), 0) AS "quantity"
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
  -- cost-only rows (credits, tax, refunds …)
  SELECT "usage_date", "provider", "model", "project", '' AS "token_kind", CAST(NULL AS DECIMAL(38, 9)) AS "tokens",
    "cost" AS "cost", "currency" AS "currency", "cost_reason" AS "cost_only"
  FROM th_src_2
  WHERE "row_class" = 'cost'
  UNION ALL
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
