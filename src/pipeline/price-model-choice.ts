/**
 * The simulation's price model and basis (`tokenhedge simulate`): which volatility, which mean
 * reversion and which company-price basis, each with where it came from. Precedence: flags, then the
 * price history, then the config, then an illustrative default (said to be so in the provenance).
 */
import { quoteToUsdPerMtok } from "../curve/contract.js";
import { HedgeError } from "../errors.js";
import type { HedgePlan } from "../hedge/plan.js";
import type { PriceHistory } from "../hedge/methods/price-history.js";
import type { SimulationProvenance } from "../report/views/simulate.js";
import { estimateGbmVol, estimateOu } from "../scenarios/estimate.js";
import { regressionBasis } from "../company/basis.js";
import type { PriceModel } from "../scenarios/price-model.js";
import type { Basis } from "../scenarios/simulate.js";
import { DEFAULT_PRICE_VOLATILITY } from "../defaults.js";

export interface PriceModelSettings {
  model: "gbm" | "ou";
  /** --vol */
  vol?: number;
  /** --price-vol (the quantity method's volatility), used when --vol is not given. */
  priceVol?: number;
  /** --mean-reversion */
  meanReversion?: number;
  /** The config's simulation.priceVolatility. */
  configVol?: number;
  /** --basis-a, --basis-b, --basis-noise (their defaults 0, 1, 0 when not typed). */
  basis: Basis;
  /** Which of the basis values were typed (they win over an estimate from the history). */
  basisTyped: { a: boolean; b: boolean; noise: boolean };
  /** --basis-from-history */
  basisFromHistory: boolean;
}

export interface PriceModelChoice {
  model: PriceModel;
  basis: Basis;
  /** Where each value came from; `volumeSource` is left for the caller (it knows the paths). */
  provenance: SimulationProvenance;
}

/** Decide the price model and basis from the settings and the price history (levels). */
export function choosePriceModel(
  s: PriceModelSettings,
  history: PriceHistory | undefined,
  plan: HedgePlan,
): PriceModelChoice {
  const notes: string[] = [];
  let vol: number;
  let volSource: string;
  let meanReversion = s.meanReversion;
  let meanReversionSource: string | undefined = meanReversion !== undefined ? "--mean-reversion" : undefined;
  const historyLabel = history ? `estimated from ${history.file}, ${history.futures.length - 1} monthly changes` : "";
  if (s.vol !== undefined) {
    vol = s.vol;
    volSource = "--vol";
  } else if (s.priceVol !== undefined) {
    vol = s.priceVol;
    volSource = "--price-vol";
  } else if (history) {
    vol = estimateGbmVol(history.futures).vol;
    volSource = historyLabel;
  } else if (s.configVol !== undefined) {
    vol = s.configVol;
    volSource = "config simulation.priceVolatility";
  } else {
    vol = DEFAULT_PRICE_VOLATILITY;
    volSource = `default ${DEFAULT_PRICE_VOLATILITY * 100}% — illustrative; give --vol or --history`;
    notes.push(`no --vol or --history: using an illustrative volatility of ${DEFAULT_PRICE_VOLATILITY * 100}% a year`);
  }
  let model: PriceModel = { kind: "gbm", vol };
  if (s.model === "ou") {
    if (meanReversion === undefined && history) {
      const ou = estimateOu(history.futures);
      if (ou) {
        meanReversion = ou.meanReversion;
        meanReversionSource = historyLabel;
        if (s.vol === undefined) {
          vol = ou.vol;
          volSource = `${historyLabel} (OU fit)`;
        }
      } else {
        notes.push(
          `${history.file}: the AR(1) slope of the log price is not in (0, 1), so no mean reversion can be estimated; simulating GBM`,
        );
      }
    }
    if (meanReversion === undefined && !history) {
      throw new HedgeError("USAGE_MISSING_FLAG", "--model ou needs --mean-reversion or --history", {
        expected: "--mean-reversion K (per year, e.g. 2) or --history FILE",
        hint: "or use --model gbm",
      });
    }
    if (meanReversion !== undefined) model = { kind: "ou", vol, meanReversion };
  } else if (meanReversion !== undefined) {
    notes.push("--mean-reversion is ignored with --model gbm");
  }
  if (model.kind === "gbm") model = { kind: "gbm", vol };
  const { basis, basisSource } = chooseBasis(s, history, plan);
  return {
    model,
    basis,
    provenance: {
      volSource,
      ...(model.kind === "ou" && meanReversionSource ? { meanReversionSource } : {}),
      basisSource,
      volumeSource: "",
      notes,
    },
  };
}

/**
 * company price = a + b·index + noise: the typed values, or (--basis-from-history) the regression on CHANGES of the
 * history, ΔS = β·ΔF + ε (src/company/basis.ts; a regression on levels reports a spurious fit for two trending
 * prices), anchored at the history's last pair: b = β, a = S_last − β·F_last, noise = σ(ε).
 */
function chooseBasis(
  s: PriceModelSettings,
  history: PriceHistory | undefined,
  plan: HedgePlan,
): { basis: Basis; basisSource: string } {
  const typed = s.basisTyped;
  if (!s.basisFromHistory)
    return {
      basis: s.basis,
      basisSource: typed.a || typed.b || typed.noise ? "flags" : "default: the company pays the index",
    };
  if (!history)
    throw new HedgeError("USAGE_MISSING_FLAG", "--basis-from-history needs --history", {
      expected: "--history FILE with period,spot,futures",
    });
  const perMtok = quoteToUsdPerMtok(plan.contract);
  const index = history.futures.map((f) => f * perMtok);
  const est = regressionBasis(history.spot, index, history.file);
  const a = history.spot[history.spot.length - 1]! - est.beta * index[index.length - 1]!;
  return {
    basis: {
      a: typed.a ? s.basis.a : Number(a.toFixed(6)),
      b: typed.b ? s.basis.b : Number(est.beta.toFixed(6)),
      noise: typed.noise ? s.basis.noise : Number(est.sigma.toFixed(6)),
    },
    basisSource: `OLS of the company's price changes on the index's in ${history.file} (R² ${est.rSquared!.toFixed(3)} on ${est.observations} changes), anchored at the last month`,
  };
}
