/**
 * Which price the exposure is valued at, resolved once per run, in this order:
 *   1. a price file (`--prices FILE`): dated rows per provider × model × kind;
 *   2. else the usage export's own cost ÷ tokens per line over the last complete months (`--price-window N`);
 *   3. else, only when asked (`--company-price index`), the index itself (S₀ = F₀ of each month).
 * The blended price of a future month is the mix (recent months' or `--mix FILE`) × those prices.
 * The basis (basis.ts): `--basis` if given; else regression when a price history is given; else sticky, with a
 * warning that the futures then hedge none of the company's price. With the index as the price the default
 * basis is index (S = F).
 */
import { HedgeError } from "../errors.js";
import type { UsageCell } from "../ingest/types.js";
import { INDEX_BASIS, regressionBasis, STICKY_BASIS, type Basis, type BasisMethod } from "./basis.js";
import type { CommitmentFile } from "./commitments.js";
import { blendedPrice, usageMix, type Mix } from "./mix.js";
import type { PriceTable } from "./price-file.js";
import { DEFAULT_PRICE_WINDOW, monthlyCompanyPrice, usagePrices, type UsagePrices } from "./usage-prices.js";

export type PriceSource = "prices" | "usage" | "index";

export interface CompanyPricingInput {
  cells: readonly UsageCell[];
  /** The usage's complete months, oldest first. */
  completeMonths: readonly string[];
  /** Delivery months and their futures prices in USD/Mtok (a GPU-hour price converted). */
  months: readonly { month: string; indexPrice: number }[];
  prices?: PriceTable;
  mix?: Mix;
  window?: number;
  /** `--company-price index`. */
  useIndex?: boolean;
  basis?: BasisMethod;
  /** Price levels of the company (S) and the index (F) for `--basis regression`. */
  history?: { spot: readonly number[]; futures: readonly number[]; file: string };
  commitments?: CommitmentFile;
  /** Set for a GPU-hour cross hedge: σ of ln k a year and where it came from. */
  conversionDrift?: { sigma: number; source: string };
}

export interface CompanyPricing {
  source: PriceSource;
  /** The price file, or the usage file's window, in words: printed in every output. */
  sourceDetail: string;
  window: UsagePrices | null;
  mix: Mix | null;
  /** S₀ per delivery month, USD/Mtok. */
  priceByMonth: Map<string, number>;
  /** The export's own cost per Mtok for each complete history month (null where it has no cost). */
  historyPrices: Map<string, number | null>;
  basis: Basis;
  commitments: CommitmentFile | null;
  /**
   * A GPU-hour cross hedge's conversion drift: ln k (tokens per GPU-hour) moves with efficiency gains at this annual
   * volatility, so the index converted per Mtok is a noisier proxy of the token price. Null for a token contract.
   */
  conversionDrift: { sigma: number; source: string } | null;
  warnings: string[];
}

/** Said when no --history or --basis chose the basis; a run whose basis is typed in (simulate's --basis-a/-b/-noise) drops it. */
export const STICKY_BASIS_WARNING =
  "basis: sticky (no --history): the company's price is taken to follow its own schedule, so futures on the index hedge none of it; give --history for a regression basis or --basis index";

/** The model mix future months are priced (and commitments matched) at: `--mix FILE`, else the window's token shares. */
export function resolveMix(i: Pick<CompanyPricingInput, "cells" | "completeMonths" | "mix" | "window">): Mix | null {
  if (i.mix) return i.mix;
  const fromUsage = usagePrices(i.cells, i.completeMonths, i.window ?? DEFAULT_PRICE_WINDOW);
  return fromUsage ? usageMix(fromUsage) : null;
}

export function resolveCompanyPricing(i: CompanyPricingInput): CompanyPricing {
  const warnings: string[] = [];
  const window = i.window ?? DEFAULT_PRICE_WINDOW;
  const fromUsage = usagePrices(i.cells, i.completeMonths, window);
  const historyPrices = monthlyCompanyPrice(i.cells, i.completeMonths);
  let source: PriceSource;
  let detail: string;
  if (i.prices) {
    source = "prices";
    detail = `price file ${i.prices.file}`;
  } else if (fromUsage) {
    source = "usage";
    detail = `usage cost ÷ tokens, ${fromUsage.months[0]}..${fromUsage.months[fromUsage.months.length - 1]} (${fromUsage.months.length} months)`;
  } else if (i.useIndex) {
    source = "index";
    detail = "the index (--company-price index)";
  } else {
    throw new HedgeError(
      "USAGE_MISSING_FLAG",
      "no company price: the usage file has no cost and no price file was given",
      {
        expected: "a usage file with a cost column, or --prices FILE",
        hint: "give --prices FILE, or --company-price index to value the exposure at the index",
      },
    );
  }
  if (i.useIndex && source !== "index")
    warnings.push(
      `--company-price index ignored: the ${source === "prices" ? "price file" : "usage cost"} gives the company's price`,
    );
  const mix = source === "index" ? null : (i.mix ?? (fromUsage ? usageMix(fromUsage) : null));
  if (source === "prices" && !mix) {
    throw new HedgeError(
      "USAGE_MISSING_FLAG",
      "a price file needs a model mix: the usage file has no cost-bearing lines to take it from",
      { expected: "--mix FILE", hint: "give --mix FILE with provider,model,kind,share" },
    );
  }
  const priceByMonth = new Map<string, number>();
  for (const m of i.months) {
    priceByMonth.set(
      m.month,
      source === "index"
        ? m.indexPrice
        : blendedPrice(mix!, { ...(i.prices ? { table: i.prices } : {}), usage: fromUsage }, m.month),
    );
  }
  let basis: Basis;
  const method = i.basis ?? (source === "index" ? "index" : i.history ? "regression" : "sticky");
  if (method === "regression") {
    if (!i.history) {
      throw new HedgeError("USAGE_MISSING_FLAG", "--basis regression needs a price history", {
        expected: "--history FILE with the company's price and the index",
        hint: "e.g. --history fixtures/acme/price-history.csv, or --basis sticky",
      });
    }
    basis = regressionBasis(i.history.spot, i.history.futures, i.history.file);
  } else basis = method === "index" ? INDEX_BASIS : STICKY_BASIS;
  if (i.basis === undefined && method === "sticky") {
    warnings.push(STICKY_BASIS_WARNING);
  }
  return {
    source,
    sourceDetail: detail,
    window: fromUsage,
    mix,
    priceByMonth,
    historyPrices,
    basis,
    commitments: i.commitments ?? null,
    conversionDrift: i.conversionDrift ?? null,
    warnings,
  };
}
