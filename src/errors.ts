/**
 * Typed errors. Commands throw these; one handler in cli/main.ts turns them into a message and an
 * exit code (the README (conventions, exit codes)). `code` is a closed union so tests and scripts can match on it.
 */

export const EXIT = {
  ok: 0,
  breach: 1,
  usage: 2,
  data: 3,
  internal: 4,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export type ErrorCode =
  | "USAGE"
  | "USAGE_MISSING_FLAG"
  | "CONFIG_INVALID"
  | "INPUT_NOT_FOUND"
  | "INPUT_CSV_SYNTAX"
  | "INPUT_MISSING_COLUMN"
  | "INPUT_DATE_PARSE"
  | "INPUT_NUMBER_PARSE"
  | "INPUT_NEGATIVE_TOKENS"
  | "INPUT_FRACTIONAL_TOKENS"
  | "INPUT_EMPTY"
  | "INPUT_INVALID"
  | "INPUT_FUTURE_DATE"
  | "INPUT_DATE_AMBIGUOUS"
  | "INPUT_UNKNOWN_UNIT"
  | "INPUT_UNKNOWN_KIND"
  | "INPUT_CONTAINMENT"
  | "CURVE_INVALID"
  | "CONTRACT_INVALID"
  | "POLICY_INVALID"
  | "SERIES_TOO_SHORT"
  | "INTERRUPTED"
  | "IO_ERROR"
  | "INTERNAL";

/** Where in an input file a problem is, and what we saw there. */
export interface ErrorDetails {
  file?: string;
  line?: number;
  column?: number;
  /** Column name, when the input has a header. */
  field?: string;
  /** The raw text that could not be read. */
  value?: string;
  /** What would have been accepted. */
  expected?: string;
  /** A likely fix. */
  hint?: string;
  /** Key path inside a config, spec or policy file, e.g. `ladder[2].ratio`. */
  path?: string;
}

const EXIT_BY_CODE: Record<ErrorCode, ExitCode> = {
  USAGE: EXIT.usage,
  USAGE_MISSING_FLAG: EXIT.usage,
  CONFIG_INVALID: EXIT.usage,
  INPUT_NOT_FOUND: EXIT.data,
  INPUT_CSV_SYNTAX: EXIT.data,
  INPUT_MISSING_COLUMN: EXIT.data,
  INPUT_DATE_PARSE: EXIT.data,
  INPUT_NUMBER_PARSE: EXIT.data,
  INPUT_NEGATIVE_TOKENS: EXIT.data,
  INPUT_FRACTIONAL_TOKENS: EXIT.data,
  INPUT_EMPTY: EXIT.data,
  INPUT_INVALID: EXIT.data,
  INPUT_FUTURE_DATE: EXIT.data,
  INPUT_DATE_AMBIGUOUS: EXIT.data,
  INPUT_UNKNOWN_UNIT: EXIT.data,
  INPUT_UNKNOWN_KIND: EXIT.data,
  INPUT_CONTAINMENT: EXIT.data,
  CURVE_INVALID: EXIT.data,
  CONTRACT_INVALID: EXIT.data,
  POLICY_INVALID: EXIT.data,
  SERIES_TOO_SHORT: EXIT.data,
  INTERRUPTED: EXIT.interrupted,
  // A full disk or a failing device: not the user's data, not their flags.
  IO_ERROR: EXIT.internal,
  INTERNAL: EXIT.internal,
};

export class HedgeError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = "HedgeError";
    this.code = code;
    this.details = details;
  }

  get exitCode(): ExitCode {
    return EXIT_BY_CODE[this.code];
  }

  /** `file:line:column` prefix in the style of compilers and hledger, or "" when unknown. */
  get location(): string {
    const { file, line, column } = this.details;
    if (!file) return "";
    if (line === undefined) return file;
    return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
  }
}
