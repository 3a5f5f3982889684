/** A bad row: a HedgeError that also knows the raw record and the mapping rule that was applied. */
import { HedgeError, type ErrorCode, type ErrorDetails } from "../../errors.js";
import { fieldText, type CsvRecord } from "../../csv/scanner.js";
import type { Column } from "./row-lookups.js";

export class IngestRowError extends HedgeError {
  record = "";

  constructor(
    code: ErrorCode,
    message: string,
    details: ErrorDetails,
    /** The mapping rule in force, e.g. `input_uncached ← "input_tokens" − "input_cached_tokens"`. */
    readonly rule: string,
  ) {
    super(code, message, details);
  }

  /** The error as the user sees it in strict mode: the message, the raw record and the rule. */
  withContext(): HedgeError {
    const extra = [
      this.record !== "" ? `  record:   ${this.record}` : "",
      this.rule !== "" ? `  rule:     ${this.rule}` : "",
    ].filter((s) => s !== "");
    return new HedgeError(
      this.code,
      extra.length ? `${this.message}\n${extra.join("\n")}` : this.message,
      this.details,
    );
  }
}

/**
 * The error for one cell of a record — file, line, column, the raw value, what was expected and a
 * hint — under the mapping rule that read it. Returned, so the caller writes `throw cellError(…)`.
 */
export function cellError(
  code: ErrorCode,
  message: string,
  file: string,
  rec: CsvRecord,
  column: Column,
  expected: string,
  hint: string,
  rule: string,
): IngestRowError {
  return new IngestRowError(
    code,
    message,
    {
      file,
      line: rec.line,
      column: column.index + 1,
      field: column.name,
      value: fieldText(rec, column.index),
      expected,
      hint,
    },
    rule,
  );
}
