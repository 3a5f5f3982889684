-- tokenhedge sql --profile litellm --dialect snowflake
-- LiteLLM daily spend: day × provider × model × project × token kind × currency → tokens and cost.
-- cache_read_input_tokens and cache_creation_input_tokens are inside prompt_tokens (current LiteLLM): subtracted, not added; pass --containment disjoint for older exports
-- spend is USD
-- days are the first ten characters of the date (YYYY-MM-DD as written; UTC for the Z times these exports write)
-- Export the result as CSV and read it with `tokenhedge ingest` (detected as aggregated usage).
WITH th_cells AS (
  SELECT
    COALESCE(TRIM(CAST("date" AS VARCHAR)), '') AS "date",
    COALESCE(TRIM(CAST("custom_llm_provider" AS VARCHAR)), '') AS "custom_llm_provider",
    COALESCE(TRIM(CAST("model" AS VARCHAR)), '') AS "model",
    COALESCE(TRIM(CAST("user_id" AS VARCHAR)), '') AS "user_id",
    COALESCE(TRIM(CAST("spend" AS VARCHAR)), '') AS "spend",
    COALESCE(TRIM(CAST("prompt_tokens" AS VARCHAR)), '') AS "prompt_tokens",
    COALESCE(TRIM(CAST("cache_read_input_tokens" AS VARCHAR)), '') AS "cache_read_input_tokens",
    COALESCE(TRIM(CAST("cache_creation_input_tokens" AS VARCHAR)), '') AS "cache_creation_input_tokens",
    COALESCE(TRIM(CAST("completion_tokens" AS VARCHAR)), '') AS "completion_tokens"
  FROM "billing"."usage_export"
), th_src AS (
  SELECT
    SUBSTR("date", 1, 10) AS "usage_date",
    CASE WHEN "custom_llm_provider" = '' THEN 'unspecified' ELSE "custom_llm_provider" END AS "provider",
    CASE WHEN "model" = '' THEN 'unspecified' ELSE "model" END AS "model",
    CASE WHEN "user_id" = '' THEN 'unspecified' ELSE "user_id" END AS "project",
    'usage' AS "row_class",
    CAST(NULL AS VARCHAR) AS "cost_reason",
    NOT ("spend" = '') AS "has_cost",
    CASE WHEN "spend" = '' THEN CAST(NULL AS NUMBER(38, 18)) ELSE CAST(NULLIF(REGEXP_REPLACE("spend", '^[$€£]', ''), '') AS NUMBER(38, 18)) END AS "cost",
    CASE WHEN "spend" = '' THEN CAST(NULL AS VARCHAR) ELSE 'USD' END AS "currency",
    ((COALESCE(CAST(NULLIF("prompt_tokens", '') AS NUMBER(38, 9)), 0) - COALESCE(CAST(NULLIF("cache_read_input_tokens", '') AS NUMBER(38, 9)), 0)) - COALESCE(CAST(NULLIF("cache_creation_input_tokens", '') AS NUMBER(38, 9)), 0)) AS "t0",
    COALESCE(CAST(NULLIF("cache_read_input_tokens", '') AS NUMBER(38, 9)), 0) AS "t1",
    COALESCE(CAST(NULLIF("cache_creation_input_tokens", '') AS NUMBER(38, 9)), 0) AS "t2",
    COALESCE(CAST(NULLIF("completion_tokens", '') AS NUMBER(38, 9)), 0) AS "t3"
  FROM th_cells
), th_rows AS (
  -- input_uncached ← prompt_tokens − cache_read_input_tokens − cache_creation_input_tokens
  SELECT "usage_date", "provider", "model", "project", 'input_uncached' AS "token_kind", "t0" AS "tokens",
    CAST(NULL AS NUMBER(38, 18)) AS "cost", CAST(NULL AS VARCHAR) AS "currency", CAST(NULL AS VARCHAR) AS "cost_only"
  FROM th_src
  WHERE "row_class" = 'usage'
  UNION ALL
  -- input_cache_read ← cache_read_input_tokens
  SELECT "usage_date", "provider", "model", "project", 'input_cache_read' AS "token_kind", "t1" AS "tokens",
    CAST(NULL AS NUMBER(38, 18)) AS "cost", CAST(NULL AS VARCHAR) AS "currency", CAST(NULL AS VARCHAR) AS "cost_only"
  FROM th_src
  WHERE "row_class" = 'usage'
  UNION ALL
  -- input_cache_write ← cache_creation_input_tokens
  SELECT "usage_date", "provider", "model", "project", 'input_cache_write' AS "token_kind", "t2" AS "tokens",
    CAST(NULL AS NUMBER(38, 18)) AS "cost", CAST(NULL AS VARCHAR) AS "currency", CAST(NULL AS VARCHAR) AS "cost_only"
  FROM th_src
  WHERE "row_class" = 'usage'
  UNION ALL
  -- output ← completion_tokens
  SELECT "usage_date", "provider", "model", "project", 'output' AS "token_kind", "t3" AS "tokens",
    CAST(NULL AS NUMBER(38, 18)) AS "cost", CAST(NULL AS VARCHAR) AS "currency", CAST(NULL AS VARCHAR) AS "cost_only"
  FROM th_src
  WHERE "row_class" = 'usage'
  UNION ALL
  -- the row's cost (not one token kind's)
  SELECT "usage_date", "provider", "model", "project", '' AS "token_kind", CAST(NULL AS NUMBER(38, 9)) AS "tokens",
    "cost" AS "cost", "currency" AS "currency", CAST(NULL AS VARCHAR) AS "cost_only"
  FROM th_src
  WHERE ("row_class" = 'usage') AND ("has_cost")
)
SELECT "usage_date", "provider", "model", "project", "token_kind", "currency", SUM("tokens") AS "tokens", SUM("cost") AS "cost", "cost_only"
FROM th_rows
GROUP BY "usage_date", "provider", "model", "project", "token_kind", "currency", "cost_only"
ORDER BY "usage_date", "provider", "model", "project", "token_kind", "currency", "cost_only";
