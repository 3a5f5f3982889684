/**
 * The held-positions flags of `plan`, `scenarios` and `simulate` (--side, --book, --settlements, --allow-short,
 * --rebalance, --stack-month) and the reading of their files into the pipeline's `PositionSettings`.
 */
import { Command, Option } from "commander";
import { parseBook } from "../book/book.js";
import { parseSettlements } from "../book/settlements.js";
import type { HedgeSide, RebalanceRule } from "../book/rebalance.js";
import { HedgeError } from "../errors.js";
import type { PositionSettings } from "../pipeline/index.js";
import { isMonth } from "../time/period.js";
import type { IoContext } from "./context.js";
import { readTextFile } from "./files.js";

export interface PositionFlags {
  side?: HedgeSide;
  book?: string;
  settlements?: string;
  allowShort?: boolean;
  rebalance?: RebalanceRule;
  stackMonth?: string;
}

export function addPositionOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("--side <side>", "long: a buyer of tokens hedging with long futures; short: a seller of capacity hedging with short futures").choices(["long", "short"]).default("long"))
    .option("--book <file>", "the hedge book already held (CSV or YAML: trade_id, trade_date, contract, delivery_month, side, contracts, trade_price): trades to target, MTM and P&L")
    .option("--settlements <file>", "final settlement prices of delivered months (CSV month,settlement_price), for the book's realised P&L")
    .option("--allow-short", "let a buyer's book go net short (a seller's net long) when the target asks for it")
    .addOption(new Option("--rebalance <rule>", "with --book: trade both ways to target, or add only (never sell; flag an over-hedge); default the policy's rebalance, else both").choices(["both", "add-only"]))
    .option("--stack-month <month>", "forecast months past the curve are stacked in this listed month and rolled (default the last listed month)");
}

/** The flags' files read and parsed; the book and settlement paths may come from the config instead. */
export function positionSettings(ctx: IoContext, flags: PositionFlags, files: { book?: string; settlements?: string; contractFile?: string }): PositionSettings {
  const bookFile = files.book;
  const settlementsFile = files.settlements;
  if (flags.stackMonth !== undefined && !isMonth(flags.stackMonth)) {
    throw new HedgeError("USAGE", `--stack-month ${flags.stackMonth} is not a month`, { value: flags.stackMonth, expected: "a delivery month YYYY-MM on the curve" });
  }
  return {
    side: flags.side ?? "long",
    book: bookFile ? parseBook(readTextFile(bookFile, ctx.cwd), bookFile) : null,
    settlements: settlementsFile ? parseSettlements(readTextFile(settlementsFile, ctx.cwd), settlementsFile) : new Map(),
    settlementsFile: settlementsFile ?? null,
    ...(flags.rebalance ? { rebalance: flags.rebalance } : {}),
    allowShort: flags.allowShort === true,
    ...(files.contractFile ? { contractFile: files.contractFile } : {}),
    ...(flags.stackMonth !== undefined ? { stackMonth: flags.stackMonth } : {}),
  };
}
