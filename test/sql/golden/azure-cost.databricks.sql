-- tokenhedge sql --profile azure-cost --dialect databricks
-- Azure cost details export (Azure OpenAI): day × provider × model × project × token kind × currency → tokens and cost.
-- cost in the billing currency (costInBillingCurrency, billingCurrency); costInUsd and costInPricingCurrency are not added
-- token kind and model from meterName; quantity scaled by unitOfMeasure (1K = 1000, 1M = 1,000,000)
-- units checked per row: costInPricingCurrency ≈ quantity × effectivePrice means quantity is in pricing units, ≈ quantity × effectivePrice / 1000 means raw tokens
-- days from MM/DD/YYYY dates
-- Export the result as CSV and read it with `tokenhedge ingest` (detected as aggregated usage).
WITH th_cells AS (
  SELECT
    COALESCE(TRIM(CAST(`date` AS STRING)), '') AS `date`,
    COALESCE(TRIM(CAST(`meterName` AS STRING)), '') AS `meterName`,
    COALESCE(TRIM(CAST(`subscriptionName` AS STRING)), '') AS `subscriptionName`,
    COALESCE(TRIM(CAST(`meterCategory` AS STRING)), '') AS `meterCategory`,
    COALESCE(TRIM(CAST(`chargeType` AS STRING)), '') AS `chargeType`,
    COALESCE(TRIM(CAST(`costInBillingCurrency` AS STRING)), '') AS `costInBillingCurrency`,
    COALESCE(TRIM(CAST(`billingCurrency` AS STRING)), '') AS `billingCurrency`,
    COALESCE(TRIM(CAST(`unitOfMeasure` AS STRING)), '') AS `unitOfMeasure`,
    COALESCE(TRIM(CAST(`costInPricingCurrency` AS STRING)), '') AS `costInPricingCurrency`,
    COALESCE(TRIM(CAST(`effectivePrice` AS STRING)), '') AS `effectivePrice`,
    COALESCE(TRIM(CAST(`quantity` AS STRING)), '') AS `quantity`
  FROM `billing`.`usage_export`
), th_src AS (
  SELECT
    CONCAT(COALESCE(regexp_extract(`date`, '(?i)^\\d{1,2}/\\d{1,2}/(\\d{4})', 1), ''), '-', LPAD(COALESCE(regexp_extract(`date`, '(?i)^(\\d{1,2})/', 1), ''), 2, '0'), '-', LPAD(COALESCE(regexp_extract(`date`, '(?i)^\\d{1,2}/(\\d{1,2})/', 1), ''), 2, '0')) AS `usage_date`,
    'azure-openai' AS `provider`,
    CASE WHEN regexp_replace(regexp_replace(LOWER(CASE WHEN `meterName` = '' THEN '' ELSE TRIM(COALESCE(regexp_extract(`meterName`, '(?i)^(.*?)[- ](?:cached[- ])?(?:inp|input|outp|output|in|out)\\b', 1), '')) END), '[^a-z0-9]+', '-'), '^-+|-+$', '') = '' THEN 'unspecified' ELSE regexp_replace(regexp_replace(LOWER(CASE WHEN `meterName` = '' THEN '' ELSE TRIM(COALESCE(regexp_extract(`meterName`, '(?i)^(.*?)[- ](?:cached[- ])?(?:inp|input|outp|output|in|out)\\b', 1), '')) END), '[^a-z0-9]+', '-'), '^-+|-+$', '') END AS `model`,
    CASE WHEN `subscriptionName` = '' THEN 'unspecified' ELSE `subscriptionName` END AS `project`,
    CASE WHEN NOT ((`meterCategory` RLIKE '(?i)cognitive|openai|foundry|ai services|ai studio')) THEN 'skip' WHEN NOT (LOWER(`chargeType`) = 'usage') THEN 'cost' ELSE 'usage' END AS `row_class`,
    CASE WHEN NOT ((`meterCategory` RLIKE '(?i)cognitive|openai|foundry|ai services|ai studio')) THEN CAST(NULL AS STRING) WHEN NOT (LOWER(`chargeType`) = 'usage') THEN 'not a usage charge (purchase, refund, unused reservation)' ELSE CAST(NULL AS STRING) END AS `cost_reason`,
    NOT (`costInBillingCurrency` = '') AS `has_cost`,
    CASE WHEN `costInBillingCurrency` = '' THEN CAST(NULL AS DECIMAL(38, 18)) ELSE CAST(NULLIF(regexp_replace(`costInBillingCurrency`, '^[$€£]', ''), '') AS DECIMAL(38, 18)) END AS `cost`,
    CASE WHEN `costInBillingCurrency` = '' THEN CAST(NULL AS STRING) ELSE UPPER(CASE WHEN UPPER(`billingCurrency`) = '' THEN 'USD' ELSE UPPER(`billingCurrency`) END) END AS `currency`,
    CASE WHEN (`meterName` RLIKE '(?i)cach') THEN 'input_cache_read' WHEN (`meterName` RLIKE '(?i)\\b(inp|input|in)\\b') THEN 'input_uncached' WHEN (`meterName` RLIKE '(?i)\\b(outp|output|out)\\b') THEN 'output' WHEN (`meterName` RLIKE '(?i).') THEN '#ignore' ELSE CONCAT('unmatched kind: ', `meterName`) END AS `kind`,
    `unitOfMeasure` AS `unit_text`,
    CASE WHEN LOWER(regexp_replace(`unitOfMeasure`, '\\s+', '')) = '1' THEN 1 WHEN LOWER(regexp_replace(`unitOfMeasure`, '\\s+', '')) = '1k' THEN 1000 WHEN LOWER(regexp_replace(`unitOfMeasure`, '\\s+', '')) = '1m' THEN 1000000 WHEN LOWER(regexp_replace(`unitOfMeasure`, '\\s+', '')) = '1ktokens' THEN 1000 WHEN LOWER(regexp_replace(`unitOfMeasure`, '\\s+', '')) = '1mtokens' THEN 1000000 WHEN LOWER(regexp_replace(`unitOfMeasure`, '\\s+', '')) = 'tokens' THEN 1 WHEN LOWER(regexp_replace(`unitOfMeasure`, '\\s+', '')) = '1token' THEN 1 ELSE NULL END AS `factor`,
    COALESCE(CAST(NULLIF(`costInPricingCurrency`, '') AS DOUBLE), 0) AS `check_cost`,
    COALESCE(CAST(NULLIF(`effectivePrice`, '') AS DOUBLE), 0) AS `check_price`,
    COALESCE(CAST(NULLIF(`quantity`, '') AS DOUBLE), 0) AS `check_quantity`,
    COALESCE(CAST(NULLIF(`quantity`, '') AS DECIMAL(38, 9)), 0) AS `quantity`
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
    `check_cost`,
    `check_price`,
    `check_quantity`,
    `quantity`,
    CASE WHEN ((`check_cost` > 0) AND (`check_price` > 0) AND (`check_quantity` > 0) AND (NOT (`factor` IS NULL)) AND (`factor` <> 1)) AND (ABS(((`check_cost` / (`check_quantity` * `check_price`)) - 1)) < 0.05) THEN `factor` WHEN ((`check_cost` > 0) AND (`check_price` > 0) AND (`check_quantity` > 0) AND (NOT (`factor` IS NULL)) AND (`factor` <> 1)) AND (ABS((((`check_cost` / (`check_quantity` * `check_price`)) * `factor`) - 1)) < 0.05) THEN 1 ELSE `factor` END AS `factor_checked`
  FROM th_src
), th_rows AS (
  -- cost-only rows (credits, tax, refunds …)
  SELECT `usage_date`, `provider`, `model`, `project`, '' AS `token_kind`, CAST(NULL AS DECIMAL(38, 9)) AS `tokens`,
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
