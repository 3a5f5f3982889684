import { Command, Option } from "commander";
import { basisHedge } from "../../book/basis.js";
import { parseRollLegs } from "../../book/roll-legs.js";
import { stackAndRoll } from "../../book/stack-roll.js";
import type { HedgeSide } from "../../book/rebalance.js";
import { HedgeError } from "../../errors.js";
import { basisDocument, basisHuman, stackAndRollDocument, stackAndRollHuman } from "../../report/views/basis.js";
import { readTextFile } from "../files.js";
import { parseNumberOption } from "../options.js";
import { emit, type OutputFlags } from "../output.js";
import type { CommandEnv } from "./shared.js";

interface BasisFlags extends OutputFlags {
  side: HedgeSide;
  f1?: number;
  f2?: number;
  s1?: number;
  s2?: number;
  quantity?: number;
  legs?: string;
}

const price = (flag: string): Option => new Option(`${flag} <price>`).argParser(parseNumberOption(flag, 0));

export function basisCommand(env: CommandEnv): Command {
  return env
    .output(new Command("basis"), { csv: false })
    .description(
      "the price a hedge locks in with basis risk (Hull ch. 3): S2 + F1 − F2, received by a short hedger and paid by a long one; " +
        "with --legs, a stack-and-roll hedge's gain over its legs",
    )
    .addOption(new Option("--side <side>", "short (a seller hedging a sale) or long (a buyer hedging a purchase)").choices(["long", "short"]).makeOptionMandatory())
    .addOption(price("--f1"))
    .addOption(price("--f2"))
    .addOption(price("--s1"))
    .addOption(price("--s2"))
    .addOption(new Option("--quantity <units>", "units hedged, for the total").argParser(parseNumberOption("--quantity", 0)))
    .option("--legs <file>", "stack and roll: CSV contract,open_date,close_date,open_price,close_price, one row per leg (with --s1, --s2)")
    .action((flags: BasisFlags) => {
      const { ctx } = env;
      const need = (v: number | undefined, flag: string, what: string): number => {
        if (v === undefined) throw new HedgeError("USAGE_MISSING_FLAG", `missing ${flag}`, { expected: `${flag} PRICE (${what})`, hint: "see tokenhedge basis --help" });
        return v;
      };
      if (flags.legs) {
        const legs = parseRollLegs(readTextFile(flags.legs, ctx.cwd), flags.legs);
        const r = stackAndRoll({ side: flags.side, legs, quantity: flags.quantity ?? 1, initialSpot: need(flags.s1, "--s1", "the spot price when the hedge is put on"), finalSpot: need(flags.s2, "--s2", "the spot price when it is closed") });
        emit(ctx, flags, { json: () => stackAndRollDocument(flags.legs!, flags.side, flags.quantity ?? 1, r), human: () => stackAndRollHuman(flags.side, flags.quantity ?? 1, r) }, [flags.legs]);
        return;
      }
      const r = basisHedge({
        side: flags.side,
        f1: need(flags.f1, "--f1", "the futures price when the hedge is put on"),
        f2: need(flags.f2, "--f2", "the futures price when it is closed out"),
        s2: need(flags.s2, "--s2", "the spot price when it is closed out"),
        ...(flags.quantity !== undefined ? { quantity: flags.quantity } : {}),
      });
      emit(ctx, flags, { json: () => basisDocument(r), human: () => basisHuman(r) });
    });
}
