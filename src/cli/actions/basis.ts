/** `tokenhedge basis`'s action (its options: commands/basis.ts). */
import { basisHedge } from "../../book/basis.js";
import { parseRollLegs } from "../../book/roll-legs.js";
import { stackAndRoll } from "../../book/stack-roll.js";
import type { HedgeSide } from "../../book/rebalance.js";
import { HedgeError } from "../../errors.js";
import { basisDocument, basisHuman, stackAndRollDocument, stackAndRollHuman } from "../../report/views/basis.js";
import { readTextFile } from "../files.js";
import { emit, type OutputFlags } from "../output.js";
import type { CommandEnv } from "../commands/shared.js";

export interface BasisFlags extends OutputFlags {
  side: HedgeSide;
  f1?: number;
  f2?: number;
  s1?: number;
  s2?: number;
  quantity?: number;
  legs?: string;
}

export function basisAction(env: CommandEnv) {
  return (flags: BasisFlags): void => {
    const { ctx } = env;
    const need = (v: number | undefined, flag: string, what: string): number => {
      if (v === undefined)
        throw new HedgeError("USAGE_MISSING_FLAG", `missing ${flag}`, {
          expected: `${flag} PRICE (${what})`,
          hint: "see tokenhedge basis --help",
        });
      return v;
    };
    if (flags.legs) {
      const legs = parseRollLegs(readTextFile(flags.legs, ctx.cwd), flags.legs);
      const r = stackAndRoll({
        side: flags.side,
        legs,
        quantity: flags.quantity ?? 1,
        initialSpot: need(flags.s1, "--s1", "the spot price when the hedge is put on"),
        finalSpot: need(flags.s2, "--s2", "the spot price when it is closed"),
      });
      emit(
        ctx,
        flags,
        {
          json: () => stackAndRollDocument(flags.legs!, flags.side, flags.quantity ?? 1, r),
          human: () => stackAndRollHuman(flags.side, flags.quantity ?? 1, r),
        },
        [flags.legs],
      );
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
  };
}
