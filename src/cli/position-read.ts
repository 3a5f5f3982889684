/**
 * The held-positions flags of `plan`, `scenarios` and `simulate` (--side, --book, --settlements, --allow-short,
 * --rebalance, --stack-month) and the reading of their files into the pipeline's `PositionSettings`.
 */
import { parseBook } from "../book/book.js";
import { parseSettlements } from "../book/settlements.js";
import { HedgeError } from "../errors.js";
import type { PositionSettings } from "../pipeline/index.js";
import { isMonth } from "../time/period.js";
import type { IoContext } from "./context.js";
import { readTextFile } from "./files.js";
import type { PositionFlags } from "./position-flags.js";

export { addPositionOptions, type PositionFlags } from "./position-flags.js";

/** The flags' files read and parsed; the book and settlement paths may come from the config instead. */
export function positionSettings(
  ctx: IoContext,
  flags: PositionFlags,
  files: { book?: string; settlements?: string; contractFile?: string },
): PositionSettings {
  const bookFile = files.book;
  const settlementsFile = files.settlements;
  if (flags.stackMonth !== undefined && !isMonth(flags.stackMonth)) {
    throw new HedgeError("USAGE", `--stack-month ${flags.stackMonth} is not a month`, {
      value: flags.stackMonth,
      expected: "a delivery month YYYY-MM on the curve",
    });
  }
  return {
    side: flags.side ?? "long",
    book: bookFile ? parseBook(readTextFile(bookFile, ctx.cwd), bookFile) : null,
    settlements: settlementsFile
      ? parseSettlements(readTextFile(settlementsFile, ctx.cwd), settlementsFile)
      : new Map(),
    settlementsFile: settlementsFile ?? null,
    ...(flags.rebalance ? { rebalance: flags.rebalance } : {}),
    allowShort: flags.allowShort === true,
    ...(files.contractFile ? { contractFile: files.contractFile } : {}),
    ...(flags.stackMonth !== undefined ? { stackMonth: flags.stackMonth } : {}),
  };
}
