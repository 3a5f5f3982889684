/** A bad row: a HedgeError that also knows the raw record and the mapping rule that was applied. */
import { HedgeError, type ErrorCode, type ErrorDetails } from "../errors.js";

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
