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

/** The export profiles' ids in the order of PROFILES (src/ingest/mapping/profiles/index.ts; a test keeps the two equal). */
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

/**
 * Field delimiters by name, as `--delimiter` and the config's `usage.delimiter` accept them; the canonical
 * name (the value) is what a config layer stores, so a tab survives the trimming of string settings.
 */
export const DELIMITER_NAMES: Readonly<Record<string, DelimiterName>> = {
  ",": ",",
  comma: ",",
  ";": ";",
  semicolon: ";",
  tab: "tab",
  "\\t": "tab",
  "\t": "tab",
  "|": "|",
  pipe: "|",
};
export type DelimiterName = "," | ";" | "tab" | "|";

/** Thousands separators by name (`--thousands`, `usage.thousands`); canonical names as the values. */
export const THOUSANDS_NAMES: Readonly<Record<string, ThousandsName>> = {
  none: "none",
  ",": ",",
  ".": ".",
  space: "space",
  " ": "space",
  "'": "'",
  apostrophe: "'",
};
export type ThousandsName = "none" | "," | "." | "space" | "'";

export const ON_ERROR_MODES = ["stop", "skip"] as const;
export const CONTAINMENT_RULES = ["nested", "disjoint"] as const;
/** builtin: tokenhedge's streaming reader; duckdb: DuckDB scans and groups (the optional @duckdb/node-api). */
export const USAGE_ENGINES = ["builtin", "duckdb"] as const;

/**
 * How a usage file is read, the same on every command that reads one (the shared flags of
 * src/cli/usage-flags.ts and the config's `usage:` section): the dialect of the CSV and which export it is.
 * `mapping` is the path of a mapping file; the shell reads it.
 */
export interface UsageDialect {
  format?: string;
  dateFormat?: DateFormat;
  delimiter?: DelimiterName;
  decimal?: "." | ",";
  thousands?: ThousandsName;
  tz?: string;
  onError?: (typeof ON_ERROR_MODES)[number];
  mapping?: string;
  containment?: (typeof CONTAINMENT_RULES)[number];
  dedupe?: boolean;
  excludeCredits?: boolean;
  currency?: string;
  engine?: (typeof USAGE_ENGINES)[number];
}

/** The keys of UsageDialect, in the order --help and the config document them. */
export const USAGE_DIALECT_KEYS = [
  "format",
  "dateFormat",
  "delimiter",
  "decimal",
  "thousands",
  "tz",
  "onError",
  "mapping",
  "containment",
  "dedupe",
  "excludeCredits",
  "currency",
  "engine",
] as const satisfies readonly (keyof UsageDialect)[];
