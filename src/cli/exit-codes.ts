/** The exit-code table (the README (conventions, exit codes)), printed by `tokenhedge help exit-codes`. */
import { EXIT } from "../errors.js";

export const EXIT_CODE_HELP = `Exit codes
  ${EXIT.ok}    success
  ${EXIT.breach}    a check found a breach (the report is still printed first)
  ${EXIT.usage}    bad usage: unknown flag, missing argument, invalid config or flag value
  ${EXIT.data}    bad input data: a CSV, curve, contract spec or policy file that cannot be read
  ${EXIT.internal}    I/O failure (disk full, read or write error: nothing partial is left) or internal error (a bug: please report it with the command line)
  ${EXIT.interrupted}  interrupted (Ctrl-C)
`;
