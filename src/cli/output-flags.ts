/**
 * The output flags that cannot go together (--json with --csv), checked before a command does any work (program.ts
 * runs this before every action) and again where the output is chosen (output.ts): a script that passes
 * `--json --csv` learns it at once, not after a forecast and a plan. Kept apart from output.ts, which loads the
 * renderers, so that the check costs start-up nothing.
 */
import { HedgeError } from "../errors.js";

/** --json with --csv, on any command. */
export function checkOutputFlags(flags: { json?: boolean; csv?: boolean }): void {
  if (flags.json && flags.csv)
    throw new HedgeError("USAGE", "--json and --csv cannot be used together", { hint: "pick one output format" });
}
