-- tokenhedge sql --profile azure-cost --dialect duckdb
-- Azure cost details export (Azure OpenAI): day × provider × model × project × token kind × currency → tokens and cost.
-- cost in the billing currency (costInBillingCurrency, billingCurrency); costInUsd and costInPricingCurrency are not added
-- token kind and model from meterName; quantity scaled by unitOfMeasure (1K = 1000, 1M = 1,000,000)
-- units checked per row: costInPricingCurrency ≈ quantity × effectivePrice means quantity is in pricing units, ≈ quantity × effectivePrice / 1000 means raw tokens
-- days from MM/DD/YYYY dates
-- Export the result as CSV and read it with `tokenhedge ingest` (detected as aggregated usage).
WITH th_cells AS (
  SELECT
    COALESCE(TRIM(CAST("date" AS VARCHAR)), '') AS "date",
    COALESCE(TRIM(CAST("meterName" AS VARCHAR)), '') AS "meterName",
    COALESCE(TRIM(CAST("subscriptionName" AS VARCHAR)), '') AS "subscriptionName",
    COALESCE(TRIM(CAST("meterCategory" AS VARCHAR)), '') AS "meterCategory",
    COALESCE(TRIM(CAST("chargeType" AS VARCHAR)), '') AS "chargeType",
    COALESCE(TRIM(CAST("costInBillingCurrency" AS VARCHAR)), '') AS "costInBillingCurrency",
    COALESCE(TRIM(CAST("billingCurrency" AS VARCHAR)), '') AS "billingCurrency",
    COALESCE(TRIM(CAST("unitOfMeasure" AS VARCHAR)), '') AS "unitOfMeasure",
    COALESCE(TRIM(CAST("costInPricingCurrency" AS VARCHAR)), '') AS "costInPricingCurrency",
    COALESCE(TRIM(CAST("effectivePrice" AS VARCHAR)), '') AS "effectivePrice",
    COALESCE(TRIM(CAST("quantity" AS VARCHAR)), '') AS "quantity"
  FROM "billing"."usage_export"
), th_src AS (
  SELECT
    CONCAT(regexp_extract("date", '^\d{1,2}/\d{1,2}/(\d{4})', 1, 'i'), '-', LPAD(regexp_extract("date", '^(\d{1,2})/', 1, 'i'), 2, '0'), '-', LPAD(regexp_extract("date", '^\d{1,2}/(\d{1,2})/', 1, 'i'), 2, '0')) AS "usage_date",
    'azure-openai' AS "provider",
    CASE WHEN regexp_replace(regexp_replace(LOWER(CASE WHEN "meterName" = '' THEN '' ELSE TRIM(regexp_extract("meterName", '^(.*?)[- ](?:cached[- ])?(?:inp|input|outp|output|in|out)\b', 1, 'i')) END), '[^a-z0-9]+', '-', 'g'), '^-+|-+$', '', 'g') = '' THEN 'unspecified' ELSE regexp_replace(regexp_replace(LOWER(CASE WHEN "meterName" = '' THEN '' ELSE TRIM(regexp_extract("meterName", '^(.*?)[- ](?:cached[- ])?(?:inp|input|outp|output|in|out)\b', 1, 'i')) END), '[^a-z0-9]+', '-', 'g'), '^-+|-+$', '', 'g') END AS "model",
    CASE WHEN "subscriptionName" = '' THEN 'unspecified' ELSE "subscriptionName" END AS "project",
    CASE WHEN NOT (regexp_matches("meterCategory", 'cognitive|openai|foundry|ai services|ai studio', 'i')) THEN 'skip' WHEN NOT (LOWER("chargeType") = 'usage') THEN 'cost' ELSE 'usage' END AS "row_class",
    CASE WHEN NOT (regexp_matches("meterCategory", 'cognitive|openai|foundry|ai services|ai studio', 'i')) THEN CAST(NULL AS VARCHAR) WHEN NOT (LOWER("chargeType") = 'usage') THEN 'not a usage charge (purchase, refund, unused reservation)' ELSE CAST(NULL AS VARCHAR) END AS "cost_reason",
    NOT ("costInBillingCurrency" = '') AS "has_cost",
    CASE WHEN "costInBillingCurrency" = '' THEN CAST(NULL AS DECIMAL(38, 18)) ELSE CAST(NULLIF(regexp_replace("costInBillingCurrency", '^[$€£]', '', 'g'), '') AS DECIMAL(38, 18)) END AS "cost",
    CASE WHEN "costInBillingCurrency" = '' THEN CAST(NULL AS VARCHAR) ELSE UPPER(CASE WHEN UPPER("billingCurrency") = '' THEN 'USD' ELSE UPPER("billingCurrency") END) END AS "currency",
    CASE WHEN regexp_matches("meterName", 'cach', 'i') THEN 'input_cache_read' WHEN regexp_matches("meterName", '\b(inp|input|in)\b', 'i') THEN 'input_uncached' WHEN regexp_matches("meterName", '\b(outp|output|out)\b', 'i') THEN 'output' WHEN regexp_matches("meterName", '.', 'i') THEN '#ignore' ELSE CONCAT('unmatched kind: ', "meterName") END AS "kind",
    "unitOfMeasure" AS "unit_text",
    CASE WHEN LOWER(regexp_replace("unitOfMeasure", '\s+', '', 'g')) = '1' THEN 1 WHEN LOWER(regexp_replace("unitOfMeasure", '\s+', '', 'g')) = '1k' THEN 1000 WHEN LOWER(regexp_replace("unitOfMeasure", '\s+', '', 'g')) = '1m' THEN 1000000 WHEN LOWER(regexp_replace("unitOfMeasure", '\s+', '', 'g')) = '1ktokens' THEN 1000 WHEN LOWER(regexp_replace("unitOfMeasure", '\s+', '', 'g')) = '1mtokens' THEN 1000000 WHEN LOWER(regexp_replace("unitOfMeasure", '\s+', '', 'g')) = 'tokens' THEN 1 WHEN LOWER(regexp_replace("unitOfMeasure", '\s+', '', 'g')) = '1token' THEN 1 ELSE NULL END AS "factor",
    COALESCE(CAST(NULLIF("costInPricingCurrency", '') AS DOUBLE), 0) AS "check_cost",
    COALESCE(CAST(NULLIF("effectivePrice", '') AS DOUBLE), 0) AS "check_price",
    COALESCE(CAST(NULLIF("quantity", '') AS DOUBLE), 0) AS "check_quantity",
    COALESCE(CAST(NULLIF("quantity", '') AS DECIMAL(38, 9)), 0) AS "quantity"
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
    "check_cost",
    "check_price",
    "check_quantity",
    "quantity",
    CASE WHEN (("check_cost" > 0) AND ("check_price" > 0) AND ("check_quantity" > 0) AND (NOT ("factor" IS NULL)) AND ("factor" <> 1)) AND (ABS((("check_cost" / ("check_quantity" * "check_price")) - 1)) < 0.05) THEN "factor" WHEN (("check_cost" > 0) AND ("check_price" > 0) AND ("check_quantity" > 0) AND (NOT ("factor" IS NULL)) AND ("factor" <> 1)) AND (ABS(((("check_cost" / ("check_quantity" * "check_price")) * "factor") - 1)) < 0.05) THEN 1 ELSE "factor" END AS "factor_checked"
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
