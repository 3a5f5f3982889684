-- tokenhedge sql --profile aws-cur --dialect databricks
-- AWS CUR 2.0 (Amazon Bedrock): day × provider × model × project × token kind × currency → tokens and cost.
-- only line_item_product_code = AmazonBedrock; token kind from the usage-type suffix; amounts scaled by pricing_unit (1K tokens = 1000)
-- credits, tax, refunds and discounts: cost included (net), tokens never; --exclude-credits leaves them out
-- the unit is checked per row: cost ≈ amount × unblended rate means the amount is in pricing units
-- days are the first ten characters of the date (YYYY-MM-DD as written; UTC for the Z times these exports write)
-- Export the result as CSV and read it with `tokenhedge ingest` (detected as aggregated usage).
WITH th_cells AS (
  SELECT
    COALESCE(TRIM(CAST(`line_item_usage_start_date` AS STRING)), '') AS `line_item_usage_start_date`,
    COALESCE(TRIM(CAST(`line_item_usage_type` AS STRING)), '') AS `line_item_usage_type`,
    COALESCE(TRIM(CAST(`line_item_usage_account_id` AS STRING)), '') AS `line_item_usage_account_id`,
    COALESCE(TRIM(CAST(`line_item_product_code` AS STRING)), '') AS `line_item_product_code`,
    COALESCE(TRIM(CAST(`line_item_line_item_type` AS STRING)), '') AS `line_item_line_item_type`,
    COALESCE(TRIM(CAST(`line_item_unblended_cost` AS STRING)), '') AS `line_item_unblended_cost`,
    COALESCE(TRIM(CAST(`line_item_currency_code` AS STRING)), '') AS `line_item_currency_code`,
    COALESCE(TRIM(CAST(`pricing_unit` AS STRING)), '') AS `pricing_unit`,
    COALESCE(TRIM(CAST(`line_item_unblended_rate` AS STRING)), '') AS `line_item_unblended_rate`,
    COALESCE(TRIM(CAST(`line_item_usage_amount` AS STRING)), '') AS `line_item_usage_amount`
  FROM `billing`.`usage_export`
), th_src AS (
  SELECT
    SUBSTR(`line_item_usage_start_date`, 1, 10) AS `usage_date`,
    'aws-bedrock' AS `provider`,
    CASE WHEN LOWER(CASE WHEN `line_item_usage_type` = '' THEN '' ELSE TRIM(COALESCE(regexp_extract(`line_item_usage_type`, '(?i)^(?:[A-Z]{2,4}\\d?-)?(?:MP:)?(.+?)[-_](?:cache-?(?:read|write)-?)?(?:input|output)', 1), '')) END) = '' THEN 'unspecified' ELSE LOWER(CASE WHEN `line_item_usage_type` = '' THEN '' ELSE TRIM(COALESCE(regexp_extract(`line_item_usage_type`, '(?i)^(?:[A-Z]{2,4}\\d?-)?(?:MP:)?(.+?)[-_](?:cache-?(?:read|write)-?)?(?:input|output)', 1), '')) END) END AS `model`,
    CASE WHEN `line_item_usage_account_id` = '' THEN 'unspecified' ELSE `line_item_usage_account_id` END AS `project`,
    CASE WHEN NOT (LOWER(`line_item_product_code`) = 'amazonbedrock') THEN 'skip' WHEN LOWER(`line_item_line_item_type`) IN ('credit', 'tax', 'refund', 'discount', 'bundleddiscount', 'edpdiscount', 'privateratediscount', 'savingsplannegation', 'fee') THEN 'cost' ELSE 'usage' END AS `row_class`,
    CASE WHEN NOT (LOWER(`line_item_product_code`) = 'amazonbedrock') THEN CAST(NULL AS STRING) WHEN LOWER(`line_item_line_item_type`) IN ('credit', 'tax', 'refund', 'discount', 'bundleddiscount', 'edpdiscount', 'privateratediscount', 'savingsplannegation', 'fee') THEN 'credit, tax, refund or discount' ELSE CAST(NULL AS STRING) END AS `cost_reason`,
    NOT (`line_item_unblended_cost` = '') AS `has_cost`,
    CASE WHEN `line_item_unblended_cost` = '' THEN CAST(NULL AS DECIMAL(38, 18)) ELSE CAST(NULLIF(regexp_replace(`line_item_unblended_cost`, '^[$€£]', ''), '') AS DECIMAL(38, 18)) END AS `cost`,
    CASE WHEN `line_item_unblended_cost` = '' THEN CAST(NULL AS STRING) ELSE UPPER(CASE WHEN UPPER(`line_item_currency_code`) = '' THEN 'USD' ELSE UPPER(`line_item_currency_code`) END) END AS `currency`,
    CASE WHEN (`line_item_usage_type` RLIKE '(?i)cache-?read') THEN 'input_cache_read' WHEN (`line_item_usage_type` RLIKE '(?i)cache-?write') THEN 'input_cache_write' WHEN (`line_item_usage_type` RLIKE '(?i)input-?tokens?') THEN 'input_uncached' WHEN (`line_item_usage_type` RLIKE '(?i)output-?tokens?') THEN 'output' WHEN (`line_item_usage_type` RLIKE '(?i)InputTokenCount') THEN 'input_uncached' WHEN (`line_item_usage_type` RLIKE '(?i)OutputTokenCount') THEN 'output' WHEN (`line_item_usage_type` RLIKE '(?i).') THEN '#ignore' ELSE CONCAT('unmatched kind: ', `line_item_usage_type`) END AS `kind`,
    `pricing_unit` AS `unit_text`,
    CASE WHEN LOWER(regexp_replace(`pricing_unit`, '\\s+', '')) = '1ktokens' THEN 1000 WHEN LOWER(regexp_replace(`pricing_unit`, '\\s+', '')) = '1mtokens' THEN 1000000 WHEN LOWER(regexp_replace(`pricing_unit`, '\\s+', '')) = 'tokens' THEN 1 WHEN LOWER(regexp_replace(`pricing_unit`, '\\s+', '')) = 'token' THEN 1 ELSE NULL END AS `factor`,
    COALESCE(CAST(NULLIF(`line_item_unblended_cost`, '') AS DOUBLE), 0) AS `check_cost`,
    COALESCE(CAST(NULLIF(`line_item_unblended_rate`, '') AS DOUBLE), 0) AS `check_price`,
    COALESCE(CAST(NULLIF(`line_item_usage_amount`, '') AS DOUBLE), 0) AS `check_quantity`,
    COALESCE(CAST(NULLIF(`line_item_usage_amount`, '') AS DECIMAL(38, 9)), 0) AS `quantity`
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
