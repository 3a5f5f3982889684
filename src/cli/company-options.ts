/**
 * The company-cost flags of plan, scenarios, simulate (docs/company-cost.md): `--prices`, `--price-window`, `--mix`,
 * `--basis`, `--commitments`, and the word `index` for `--company-price` (which otherwise stays the quantity
 * method's number). Reads the files and hands the pipeline a `CompanySettings`.
 */
import { parseCommitments } from "../company/commitments.js";
import { parseMixFile } from "../company/mix.js";
import { parsePriceFile } from "../company/price-file.js";
import type { CompanySettings } from "../pipeline/index.js";
import type { IoContext } from "./context.js";
import { readTextFile } from "./files.js";
import type { CompanyFlags } from "./company-flags.js";

export { addCompanyOptions, parseCompanyPrice, type CompanyFlags } from "./company-flags.js";

export function companyFromFlags(ctx: IoContext, flags: CompanyFlags): { settings: CompanySettings; files: string[] } {
  const files = [flags.prices, flags.mix, flags.commitments].filter((f): f is string => f !== undefined);
  return {
    settings: {
      ...(flags.prices ? { prices: parsePriceFile(readTextFile(flags.prices, ctx.cwd), flags.prices) } : {}),
      ...(flags.priceWindow !== undefined ? { window: flags.priceWindow } : {}),
      ...(flags.mix ? { mix: parseMixFile(readTextFile(flags.mix, ctx.cwd), flags.mix) } : {}),
      ...(flags.companyPrice === "index" ? { useIndex: true } : {}),
      ...(flags.basis ? { basis: flags.basis } : {}),
      ...(flags.commitments
        ? { commitments: parseCommitments(readTextFile(flags.commitments, ctx.cwd), flags.commitments) }
        : {}),
      ...(flags.kDrift !== undefined ? { kDrift: flags.kDrift } : {}),
    },
    files,
  };
}
