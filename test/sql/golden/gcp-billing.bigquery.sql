-- tokenhedge sql --profile gcp-billing --dialect bigquery
-- Google Cloud billing report (Vertex AI): day × provider × model × project × token kind × currency → tokens and cost.
-- tokens from "Usage amount" where "Usage unit" is count; kind and model from "SKU description"
-- cost from "Unrounded subtotal ($)" (the unrounded subtotal is preferred: rounded columns differ by cents)
-- days are the first ten characters of the date (YYYY-MM-DD as written; UTC for the Z times these exports write)
-- Export the result as CSV and read it with `tokenhedge ingest` (detected as aggregated usage).
WITH th_cells AS (
  SELECT
    COALESCE(TRIM(CAST(`Date` AS STRING)), '') AS `Date`,
    COALESCE(TRIM(CAST(`SKU description` AS STRING)), '') AS `SKU description`,
    COALESCE(TRIM(CAST(`Service description` AS STRING)), '') AS `Service description`,
    COALESCE(TRIM(CAST(`Usage unit` AS STRING)), '') AS `Usage unit`,
    COALESCE(TRIM(CAST(`Unrounded subtotal ($)` AS STRING)), '') AS `Unrounded subtotal ($)`,
    COALESCE(TRIM(CAST(`Usage amount` AS STRING)), '') AS `Usage amount`
  FROM `billing`.`usage_export`
), th_src AS (
  SELECT
    SUBSTR(`Date`, 1, 10) AS `usage_date`,
    'gcp-vertex' AS `provider`,
    CASE WHEN REGEXP_REPLACE(REGEXP_REPLACE(LOWER(CASE WHEN `SKU description` = '' THEN '' ELSE TRIM(COALESCE(REGEXP_EXTRACT(`SKU description`, '(?i)(gemini[ -]?\\d+(?:\\.\\d+)?(?:[ -](?:pro|flash|ultra|nano|lite))*)'), '')) END), '[^a-z0-9]+', '-'), '^-+|-+$', '') = '' THEN 'unspecified' ELSE REGEXP_REPLACE(REGEXP_REPLACE(LOWER(CASE WHEN `SKU description` = '' THEN '' ELSE TRIM(COALESCE(REGEXP_EXTRACT(`SKU description`, '(?i)(gemini[ -]?\\d+(?:\\.\\d+)?(?:[ -](?:pro|flash|ultra|nano|lite))*)'), '')) END), '[^a-z0-9]+', '-'), '^-+|-+$', '') END AS `model`,
    'all' AS `project`,
    CASE WHEN NOT (REGEXP_CONTAINS(`Service description`, '(?i)vertex ai|gemini|generative')) THEN 'skip' WHEN NOT (REGEXP_CONTAINS(`Usage unit`, '(?i)^(count|tokens?)$')) THEN 'skip' ELSE 'usage' END AS `row_class`,
    CASE WHEN NOT (REGEXP_CONTAINS(`Service description`, '(?i)vertex ai|gemini|generative')) THEN CAST(NULL AS STRING) WHEN NOT (REGEXP_CONTAINS(`Usage unit`, '(?i)^(count|tokens?)$')) THEN CAST(NULL AS STRING) ELSE CAST(NULL AS STRING) END AS `cost_reason`,
    NOT (`Unrounded subtotal ($)` = '') AS `has_cost`,
    CASE WHEN `Unrounded subtotal ($)` = '' THEN CAST(NULL AS BIGNUMERIC) ELSE CAST(NULLIF(REGEXP_REPLACE(REGEXP_REPLACE(`Unrounded subtotal ($)`, '^[$€£]', ''), ',', ''), '') AS BIGNUMERIC) END AS `cost`,
    CASE WHEN `Unrounded subtotal ($)` = '' THEN CAST(NULL AS STRING) ELSE 'USD' END AS `currency`,
    CASE WHEN REGEXP_CONTAINS(`SKU description`, '(?i)cach') THEN 'input_cache_read' WHEN REGEXP_CONTAINS(`SKU description`, '(?i)output|thinking|reasoning') THEN 'output' WHEN REGEXP_CONTAINS(`SKU description`, '(?i)input') THEN 'input_uncached' WHEN REGEXP_CONTAINS(`SKU description`, '(?i).') THEN '#ignore' ELSE CONCAT('unmatched kind: ', `SKU description`) END AS `kind`,
    `Usage unit` AS `unit_text`,
    CASE WHEN LOWER(REGEXP_REPLACE(`Usage unit`, '\\s+', '')) = 'count' THEN 1 WHEN LOWER(REGEXP_REPLACE(`Usage unit`, '\\s+', '')) = 'token' THEN 1 WHEN LOWER(REGEXP_REPLACE(`Usage unit`, '\\s+', '')) = 'tokens' THEN 1 ELSE NULL END AS `factor`,
    COALESCE(CAST(NULLIF(REGEXP_REPLACE(`Usage amount`, ',', ''), '') AS NUMERIC), 0) AS `quantity`
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
