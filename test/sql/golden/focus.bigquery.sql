-- tokenhedge sql --profile focus --dialect bigquery
-- FinOps FOCUS 1.x: day × provider × model × project × token kind × currency → tokens and cost.
-- token kind from SkuMeter; cost from BilledCost in BillingCurrency (EffectiveCost and ListCost are not added)
-- credits, tax and adjustments: cost included, tokens never; --exclude-credits leaves them out
-- days are the first ten characters of the date (YYYY-MM-DD as written; UTC for the Z times these exports write)
-- Export the result as CSV and read it with `tokenhedge ingest` (detected as aggregated usage).
WITH th_cells AS (
  SELECT
    COALESCE(TRIM(CAST(`ChargePeriodStart` AS STRING)), '') AS `ChargePeriodStart`,
    COALESCE(TRIM(CAST(`ProviderName` AS STRING)), '') AS `ProviderName`,
    COALESCE(TRIM(CAST(`SkuMeter` AS STRING)), '') AS `SkuMeter`,
    COALESCE(TRIM(CAST(`SubAccountName` AS STRING)), '') AS `SubAccountName`,
    COALESCE(TRIM(CAST(`ChargeCategory` AS STRING)), '') AS `ChargeCategory`,
    COALESCE(TRIM(CAST(`ConsumedUnit` AS STRING)), '') AS `ConsumedUnit`,
    COALESCE(TRIM(CAST(`BilledCost` AS STRING)), '') AS `BilledCost`,
    COALESCE(TRIM(CAST(`BillingCurrency` AS STRING)), '') AS `BillingCurrency`,
    COALESCE(TRIM(CAST(`ConsumedQuantity` AS STRING)), '') AS `ConsumedQuantity`
  FROM `billing`.`usage_export`
), th_src AS (
  SELECT
    SUBSTR(`ChargePeriodStart`, 1, 10) AS `usage_date`,
    CASE WHEN REGEXP_REPLACE(REGEXP_REPLACE(LOWER(`ProviderName`), '[^a-z0-9]+', '-'), '^-+|-+$', '') = '' THEN 'unspecified' ELSE REGEXP_REPLACE(REGEXP_REPLACE(LOWER(`ProviderName`), '[^a-z0-9]+', '-'), '^-+|-+$', '') END AS `provider`,
    CASE WHEN REGEXP_REPLACE(REGEXP_REPLACE(LOWER(CASE WHEN `SkuMeter` = '' THEN '' ELSE TRIM(COALESCE(REGEXP_EXTRACT(`SkuMeter`, '(?i)^(?:\\$[\\d.]+ per 1K )?(.*?)(?:\\s+(?:cache\\s*(?:read|write)\\s+)?(?:input|output|prompt|completion)\\b|-(?:cchd-)?(?:inp|outp?)-)'), '')) END), '[^a-z0-9]+', '-'), '^-+|-+$', '') = '' THEN 'unspecified' ELSE REGEXP_REPLACE(REGEXP_REPLACE(LOWER(CASE WHEN `SkuMeter` = '' THEN '' ELSE TRIM(COALESCE(REGEXP_EXTRACT(`SkuMeter`, '(?i)^(?:\\$[\\d.]+ per 1K )?(.*?)(?:\\s+(?:cache\\s*(?:read|write)\\s+)?(?:input|output|prompt|completion)\\b|-(?:cchd-)?(?:inp|outp?)-)'), '')) END), '[^a-z0-9]+', '-'), '^-+|-+$', '') END AS `model`,
    CASE WHEN `SubAccountName` = '' THEN 'unspecified' ELSE `SubAccountName` END AS `project`,
    CASE WHEN LOWER(`ChargeCategory`) IN ('credit', 'tax', 'adjustment') THEN 'cost' WHEN NOT (REGEXP_CONTAINS(`ConsumedUnit`, '(?i)^(1000 |1k |1m )?tokens?$')) THEN 'skip' ELSE 'usage' END AS `row_class`,
    CASE WHEN LOWER(`ChargeCategory`) IN ('credit', 'tax', 'adjustment') THEN 'credit, tax or adjustment' WHEN NOT (REGEXP_CONTAINS(`ConsumedUnit`, '(?i)^(1000 |1k |1m )?tokens?$')) THEN CAST(NULL AS STRING) ELSE CAST(NULL AS STRING) END AS `cost_reason`,
    NOT (`BilledCost` = '') AS `has_cost`,
    CASE WHEN `BilledCost` = '' THEN CAST(NULL AS BIGNUMERIC) ELSE CAST(NULLIF(REGEXP_REPLACE(`BilledCost`, '^[$€£]', ''), '') AS BIGNUMERIC) END AS `cost`,
    CASE WHEN `BilledCost` = '' THEN CAST(NULL AS STRING) ELSE UPPER(CASE WHEN UPPER(`BillingCurrency`) = '' THEN 'USD' ELSE UPPER(`BillingCurrency`) END) END AS `currency`,
    CASE WHEN REGEXP_CONTAINS(`SkuMeter`, '(?i)cache[ -]?read|cached|\\bcchd\\b') THEN 'input_cache_read' WHEN REGEXP_CONTAINS(`SkuMeter`, '(?i)cache[ -]?write') THEN 'input_cache_write' WHEN REGEXP_CONTAINS(`SkuMeter`, '(?i)input|prompt|\\binp\\b') THEN 'input_uncached' WHEN REGEXP_CONTAINS(`SkuMeter`, '(?i)output|completion|\\boutp?\\b') THEN 'output' WHEN REGEXP_CONTAINS(`SkuMeter`, '(?i).') THEN 'unspecified' ELSE CONCAT('unmatched kind: ', `SkuMeter`) END AS `kind`,
    `ConsumedUnit` AS `unit_text`,
    CASE WHEN LOWER(REGEXP_REPLACE(`ConsumedUnit`, '\\s+', '')) = 'tokens' THEN 1 WHEN LOWER(REGEXP_REPLACE(`ConsumedUnit`, '\\s+', '')) = 'token' THEN 1 WHEN LOWER(REGEXP_REPLACE(`ConsumedUnit`, '\\s+', '')) = '1000tokens' THEN 1000 WHEN LOWER(REGEXP_REPLACE(`ConsumedUnit`, '\\s+', '')) = '1ktokens' THEN 1000 WHEN LOWER(REGEXP_REPLACE(`ConsumedUnit`, '\\s+', '')) = '1mtokens' THEN 1000000 ELSE NULL END AS `factor`,
    COALESCE(CAST(NULLIF(`ConsumedQuantity`, '') AS NUMERIC), 0) AS `quantity`
  FROM th_cells
), th_src_2 AS (
  SELECT
    `usage_date`,
    `provider`,
    `model`,
    `project`,
    `row_class`,
    `cost_reason`,
    `has_cost`,
    `cost`,
    `currency`,
    `kind`,
    `unit_text`,
    `factor`,
    `quantity`,
    `factor` AS `factor_checked`
  FROM th_src
), th_rows AS (
  -- cost-only rows (credits, tax, refunds …)
  SELECT `usage_date`, `provider`, `model`, `project`, '' AS `token_kind`, CAST(NULL AS NUMERIC) AS `tokens`,
    `cost` AS `cost`, `currency` AS `currency`, `cost_reason` AS `cost_only`
  FROM th_src_2
  WHERE `row_class` = 'cost'
  UNION ALL
  -- token rows: kind by the rules, quantity × tokens per unit
  SELECT `usage_date`, `provider`, `model`, `project`, CASE WHEN `factor_checked` IS NULL THEN CONCAT('unknown unit: ', `unit_text`) ELSE `kind` END AS `token_kind`, (`quantity` * COALESCE(`factor_checked`, 0)) AS `tokens`,
    `cost` AS `cost`, `currency` AS `currency`, CAST(NULL AS STRING) AS `cost_only`
  FROM th_src_2
  WHERE (`row_class` = 'usage') AND (`kind` <> '#ignore')
)
SELECT `usage_date`, `provider`, `model`, `project`, `token_kind`, `currency`, SUM(`tokens`) AS `tokens`, SUM(`cost`) AS `cost`, `cost_only`
FROM th_rows
GROUP BY `usage_date`, `provider`, `model`, `project`, `token_kind`, `currency`, `cost_only`
ORDER BY `usage_date`, `provider`, `model`, `project`, `token_kind`, `currency`, `cost_only`;
