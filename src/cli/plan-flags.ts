/** `plan`'s flags, shared by scenarios and simulate, declared (plan-inputs.ts turns them into the pipeline's inputs). */
import { Option, type Command } from "commander";
import { ROUNDING_RULES } from "../hedge/rounding.js";
import { addForecastOptions } from "./commands/shared.js";
import { addCompanyOptions, parseCompanyPrice, type CompanyFlags } from "./company-flags.js";
import { withDeferredConfig } from "./config-flags.js";
import { parseIntOption, parseNumberOption, parseRateOption } from "./options.js";
import { addKnowledgeOptions, type KnowledgeFlags } from "./forecast-knowledge-flags.js";
import { addPositionOptions, type PositionFlags } from "./position-flags.js";
import { addUsageReadOptions, type UsageReadFlags } from "./usage-flags.js";

export interface PlanFlags extends PositionFlags, CompanyFlags, KnowledgeFlags, UsageReadFlags {
  curve?: string;
  contract?: string;
  policy?: string;
  ratio?: number;
  rounding?: string;
  horizon?: number;
  seed: number;
  map?: string;
  /** --plan FILE (scenarios, simulate, report; saved-plan-flags.ts): a saved plan instead of planning again. */
  plan?: string;
  /** --config FILE (see config-options.ts); the usage FILE argument becomes optional with it. */
  config?: string;
  /** Hedge-ratio method and sizing flags (planOptionsFromFlags). */
  method?: "policy" | "mvhr" | "quantity";
  volumeCap?: string;
  volumeBasis?: string;
  history?: string;
  spotColumn?: string;
  futuresColumn?: string;
  changes?: boolean;
  corr?: number;
  priceVol?: number;
  volumeSd?: number;
  priceSd?: number;
  corrVolumeFutures?: number;
  corrPriceVolume?: number;
  tail?: number;
  minLot?: number;
  tokensPerGpuHour?: number;
}

export function addPlanOptions(cmd: Command): Command {
  return addCompanyOptions(
    addPositionOptions(
      addKnowledgeOptions(addUsageReadOptions(addForecastOptions(withDeferredConfig(cmd, { usageArgument: true })))),
    ),
  )
    .option("--curve <file>", "futures curve CSV (month,price) or JSON")
    .option("--contract <file>", "contract spec JSON or YAML")
    .option("--policy <file>", "hedge policy JSON (a ladder of target ratios by tenor)")
    .addOption(
      new Option("--ratio <r>", "one target ratio for every month instead of a policy, e.g. 0.8 or 80%")
        .argParser(parseRateOption("--ratio"))
        .conflicts("policy"),
    )
    .addOption(
      new Option("--rounding <rule>", "contract rounding (default: the policy's, else down)").choices(ROUNDING_RULES),
    )
    .addOption(
      new Option(
        "--method <method>",
        "where target ratios come from: the policy ladder, the minimum-variance ratio of --history, or price-and-volume risk",
      )
        .choices(["policy", "mvhr", "quantity"])
        .default("policy"),
    )
    .option(
      "--volume-cap <quantile>",
      "never hedge more tokens than this quantile of a month's volume forecast (none to switch off)",
      "p10",
    )
    .option("--volume-basis <level>", "the forecast volume to hedge: mean or a quantile such as p50", "mean")
    .option("--history <file>", "price history CSV (period,spot,futures) for --method mvhr or quantity")
    .option("--spot-column <name>", "spot (company price) column of --history", "spot")
    .option("--futures-column <name>", "futures column of --history", "futures")
    .option("--changes", "--history holds per-period price changes, not levels")
    .addOption(
      new Option("--corr <rho>", "quantity method: correlation of volume with the futures price")
        .argParser(parseNumberOption("--corr", -1, 1))
        .default(0),
    )
    .addOption(
      new Option(
        "--price-vol <v>",
        "quantity method: annualised volatility of the futures price, e.g. 0.45 (default: from --history)",
      ).argParser(parseNumberOption("--price-vol", 0)),
    )
    .addOption(
      new Option(
        "--company-price <p>",
        "quantity method: the company's price per Mtok today (default: the history's last spot); index: value the exposure at the index",
      ).argParser(parseCompanyPrice),
    )
    .addOption(
      new Option(
        "--volume-sd <tokens>",
        "quantity method: σ of each month's volume, tokens (default: from the forecast's sample paths)",
      ).argParser(parseNumberOption("--volume-sd", 0)),
    )
    .addOption(
      new Option(
        "--price-sd <usd>",
        "quantity method: σ of the futures price at each month's settlement, in its quote unit (default: from --price-vol or --history)",
      ).argParser(parseNumberOption("--price-sd", 0)),
    )
    .addOption(
      new Option(
        "--corr-volume-futures <rho>",
        "quantity method: ρ(volume, futures price), typed in (overrides --corr for the sizing)",
      ).argParser(parseNumberOption("--corr-volume-futures", -1, 1)),
    )
    .addOption(
      new Option(
        "--corr-price-volume <rho>",
        "quantity method: ρ(company price, volume); used as ρ(volume, futures) when the company pays the index (no --history)",
      ).argParser(parseNumberOption("--corr-price-volume", -1, 1)),
    )
    .addOption(
      new Option(
        "--tail <spot>",
        "tail the hedge (Hull ch. 3): size on values with today's spot price S0 in the contract's quote unit",
      ).argParser(parseNumberOption("--tail", 0)),
    )
    .addOption(
      new Option(
        "--min-lot <n>",
        "contracts in whole multiples of n (default: the spec's minimumLot, else 1)",
      ).argParser(parseIntOption("--min-lot", 1)),
    )
    .addOption(
      new Option("--tokens-per-gpu-hour <k>", "GPU-hour contracts: override the spec's tokens per GPU-hour").argParser(
        parseNumberOption("--tokens-per-gpu-hour", 0),
      ),
    );
}
