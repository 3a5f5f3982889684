/**
 * The names the ingest flags offer as choices (--date-format, --group-by, --format), apart from the code that uses
 * them: the command line declares its options from this file alone, so building them loads no reader.
 */
export const DATE_FORMATS = [
  "auto",
  "iso8601",
  "unix",
  "unix_ms",
  "YYYY-MM-DD",
  "YYYY-MM-DD HH:MM",
  "MM/DD/YYYY",
  "DD/MM/YYYY",
  "DD.MM.YYYY",
  "YYYYMMDD",
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const GROUP_BY = ["model", "provider", "project", "kind"] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** The export profiles' ids in the order of PROFILES (src/ingest/profiles/index.ts; a test keeps the two equal). */
export const PROFILE_IDS: readonly string[] = [
  "openai-usage",
  "openai-costs",
  "anthropic-usage",
  "anthropic-cost",
  "aws-cur",
  "azure-cost",
  "gcp-billing",
  "focus",
  "litellm",
  "openrouter",
  "deepseek",
  "aggregated",
  "generic",
];
