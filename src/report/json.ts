/**
 * The canonical JSON document of a command. Every command's `--json` goes through here, so the
 * format is the same everywhere: `schemaVersion` first, two-space indentation, a trailing newline,
 * BigInt token counts written as exact JSON integers (JSON numbers have no size limit; JavaScript
 * readers lose precision above 2^53, which is why token totals up to 2^63 stay BigInt inside).
 */

export const SCHEMA_VERSION = 1;

const BIG = "\u0000bigint:";

export function toJson(doc: Record<string, unknown>): string {
  const text = JSON.stringify(
    { schemaVersion: SCHEMA_VERSION, ...doc },
    (_k, v: unknown) => (typeof v === "bigint" ? `${BIG}${v.toString()}` : v),
    2,
  );
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, "$1") + "\n";
}

/** A BigInt as a number when it is exactly representable, otherwise kept BigInt for toJson. */
export function exactInt(n: bigint): number | bigint {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}
