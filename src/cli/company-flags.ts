/** The company-cost flags of plan, scenarios and simulate, declared (company-options.ts reads their files). */
import { InvalidArgumentError, Option, type Command } from "commander";
import { BASIS_METHODS, type BasisMethod } from "../company/basis-methods.js";
import { parseIntOption, parseRateOption } from "./options.js";

export interface CompanyFlags {
  prices?: string;
  priceWindow?: number;
  mix?: string;
  basis?: BasisMethod;
  commitments?: string;
  companyPrice?: number | "index";
  kDrift?: number;
}

/** `--company-price`: a price per Mtok for the quantity method, or `index` to value the exposure at the index. */
export function parseCompanyPrice(value: string): number | "index" {
  const v = value.trim();
  if (v.toLowerCase() === "index") return "index";
  const n = Number(v);
  if (v === "" || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError(`--company-price must be a price per Mtok such as 2.40, or index; got "${value}"`);
  return n;
}

export function addCompanyOptions(cmd: Command): Command {
  return cmd
    .option(
      "--prices <file>",
      "the company's prices: CSV or YAML with provider,model,kind,usdPerMtok,effectiveFrom (default: the usage file's cost ÷ tokens)",
    )
    .addOption(
      new Option("--price-window <n>", "months of usage cost ÷ tokens the company's price is taken from").argParser(
        parseIntOption("--price-window", 1),
      ),
    )
    .option(
      "--mix <file>",
      "model mix of future months: CSV provider,model,kind,share (default: the --price-window months' mix)",
    )
    .addOption(
      new Option(
        "--basis <method>",
        "how the company's price follows the index: sticky, regression (on changes of --history) or index (default: regression with --history, else sticky)",
      ).choices([...BASIS_METHODS]),
    )
    .option(
      "--commitments <file>",
      "committed-use contracts: CSV provider,model,kind,from,to,tokensPerMonth,usdPerMtok (take-or-pay)",
    )
    .addOption(
      new Option(
        "--k-drift <sigma>",
        "GPU-hour cross hedge: annual volatility of the tokens-per-GPU-hour conversion, e.g. 20% or 0.2 (default 20%, illustrative; 0 to ignore)",
      ).argParser(parseRateOption("--k-drift")),
    );
}
