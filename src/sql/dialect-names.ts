/** The SQL dialects `tokenhedge sql --dialect` offers (src/sql/dialects.ts spells each). */
export const DIALECTS = ["athena", "trino", "bigquery", "snowflake", "databricks", "spark", "duckdb"] as const;
export type DialectName = (typeof DIALECTS)[number];
