/** The held-positions flags of plan, scenarios and simulate, declared (position-read.ts reads their files). */
import { Option, type Command } from "commander";
import type { HedgeSide, RebalanceRule } from "../book/rebalance.js";

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
    .addOption(
      new Option(
        "--side <side>",
        "long: a buyer of tokens hedging with long futures; short: a seller of capacity hedging with short futures",
      )
        .choices(["long", "short"])
        .default("long"),
    )
    .option(
      "--book <file>",
      "the hedge book already held (CSV or YAML: trade_id, trade_date, contract, delivery_month, side, contracts, trade_price): trades to target, MTM and P&L",
    )
    .option(
      "--settlements <file>",
      "final settlement prices of delivered months (CSV month,settlement_price), for the book's realised P&L",
    )
    .option("--allow-short", "let a buyer's book go net short (a seller's net long) when the target asks for it")
    .addOption(
      new Option(
        "--rebalance <rule>",
        "with --book: trade both ways to target, or add only (never sell; flag an over-hedge); default the policy's rebalance, else both",
      ).choices(["both", "add-only"]),
    )
    .option(
      "--stack-month <month>",
      "forecast months past the curve are stacked in this listed month and rolled (default the last listed month)",
    );
}
