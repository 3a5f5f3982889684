/**
 * The quantity method: the variance-minimising futures position when both price and volume are uncertain
 * (McKinnon 1967; Rolfo 1980; formula and its exactness in ../quantity-risk.ts, docs/METHODOLOGY.md):
 *   N* = [E[Q]·Cov(P, F) + E[P]·Cov(Q, F)] / Var(F),
 * computed per delivery month from
 *   - E[Q], σ_Q: the month's volume forecast (mean; σ from its seeded sample paths),
 *   - σ_F(t): the futures price's spread at the month's horizon t (months after the history):
 *       from an annualised volatility v of log prices (`--price-vol`), F₀·v·√(t/12) (lognormal, first order);
 *       else from a price history, σ_ΔF·√t (a random walk in levels, one period = one month);
 *   - Cov(P, F) = β·Var(F): β = h* of the history (scaled to exposure units, see mvhr-method.ts), or 1 when the
 *     company pays the index itself (P = F at settlement, basis b = 1, docs/METHODOLOGY.md);
 *   - Cov(Q, F) = ρ·σ_Q·σ_F with ρ the price–volume correlation (`--corr`, default 0);
 *   - E[P]: the company's price (given, or the history's last spot level), scaled to exposure units, else F₀.
 * Published cases (McKinnon's, Rolfo's) come as statistics: σ_Q and σ_F can be typed in (`--volume-sd`, `--price-sd`)
 * instead of being derived from the forecast and a volatility.
 * The plan's ratio is N* over the exposure it hedges. With ρ = 0 it reduces to β (the price hedge of expected
 * volume); demand that falls when prices rise (ρ < 0) lowers it; ρ > 0 can push it above 100% of expected volume,
 * which collides with a volume cap: the plan shows that, it does not clip it silently.
 */
import { HedgeError } from "../../errors.js";
import type { HedgeRatioResult } from "../mvhr.js";
import { quantityRiskHedgeFromMoments } from "../quantity-risk.js";
import type { HedgeRatioMethod } from "./types.js";
import { volumeStandardDeviation } from "./volume.js";

export interface QuantityMethodSettings {
  /** ρ(Q, F), −1 … 1. */
  correlation: number;
  /** Annualised volatility of log futures prices, e.g. 0.45 (used when there is no history). */
  priceVolatility?: number;
  /** h* and σ_ΔF from a monthly price history. */
  history?: { result: HedgeRatioResult; source: string; lastSpot: number | null };
  /** The company's current price per Mtok (E[P]); default the history's last spot level. */
  spotPrice?: number;
  /** σ_Q per month, tokens, typed in (overrides the forecast's). */
  volumeSd?: number;
  /** σ_F at settlement in the contract's quote unit, typed in (overrides the volatility's). */
  priceSd?: number;
  /** A GPU-hour contract: there is no P = F shortcut, so β must come from a history. */
  crossHedge: boolean;
}

export function quantityMethod(s: QuantityMethodSettings): HedgeRatioMethod {
  if (!(s.correlation >= -1 && s.correlation <= 1)) {
    throw new HedgeError("USAGE", `--corr ${s.correlation} is outside −1 … 1`, {
      value: String(s.correlation),
      expected: "a correlation between -1 and 1",
    });
  }
  if (s.crossHedge && !s.history) {
    throw new HedgeError("USAGE_MISSING_FLAG", "the quantity method with a GPU-hour contract needs --history", {
      expected: "--history FILE with the company's token price (spot) and the GPU-hour index (futures)",
      hint: "the token price does not settle on the GPU-hour index, so Cov(P, F) must be estimated",
    });
  }
  if (s.correlation !== 0 && !s.history && s.priceVolatility === undefined && s.priceSd === undefined) {
    throw new HedgeError("USAGE_MISSING_FLAG", "the quantity method with --corr needs the futures price volatility", {
      expected: "--price-vol V (annualised, e.g. 0.45) or --history FILE",
    });
  }
  const beta = s.history ? s.history.result.hedgeRatio : 1;
  const companyPrice = s.spotPrice ?? s.history?.lastSpot ?? undefined;
  return {
    name: "quantity",
    description:
      `price and volume risk (McKinnon–Rolfo), ρ(volume, price) = ${s.correlation}` +
      (s.history ? `, Cov(P, F)/Var(F) from ${s.history.source}` : ", company pays the index (P = F)"),
    ratioFor: (ctx) => {
      const t = ctx.forecast.step ?? ctx.tenor;
      // An explicit volatility wins over the history's (which may be a short or quiet sample).
      const sigmaF =
        s.priceSd !== undefined
          ? s.priceSd
          : s.priceVolatility !== undefined
            ? ctx.futuresPrice * s.priceVolatility * Math.sqrt(t / 12)
            : s.history
              ? s.history.result.sigmaFutures * Math.sqrt(t)
              : 1; // ρ = 0: σ_F cancels out of N*
      const exposure = ctx.exposureTokens / ctx.tokensPerUnit;
      const meanQuantity = ctx.forecast.mean / ctx.tokensPerUnit;
      const sigmaQ = (s.volumeSd ?? volumeStandardDeviation(ctx.forecast)) / ctx.tokensPerUnit;
      const meanPrice = companyPrice !== undefined ? companyPrice * ctx.priceScale : ctx.futuresPrice;
      const h = quantityRiskHedgeFromMoments({
        meanPrice,
        meanQuantity,
        covariancePriceFutures: beta * ctx.priceScale * sigmaF * sigmaF,
        covarianceQuantityFutures: s.correlation * sigmaQ * sigmaF,
        varianceFutures: sigmaF * sigmaF,
      });
      const ratio = exposure > 0 ? h.hedgeQuantity / exposure : 0;
      return {
        ratio,
        detail: {
          positionTokens: h.hedgeQuantity * ctx.tokensPerUnit,
          priceTermTokens: h.priceTerm * ctx.tokensPerUnit,
          quantityTermTokens: h.quantityTerm * ctx.tokensPerUnit,
          sigmaVolumeTokens: sigmaQ * ctx.tokensPerUnit,
          sigmaFutures: s.history || s.priceVolatility !== undefined || s.priceSd !== undefined ? sigmaF : null,
          horizonMonths: t,
        },
        ...(h.warnings.length > 0 ? { warning: `${ctx.month}: ${h.warnings[0]}` } : {}),
      };
    },
    summary: {
      correlation: s.correlation,
      priceVolatility: s.priceVolatility ?? null,
      volumeSd: s.volumeSd ?? null,
      priceSd: s.priceSd ?? null,
      priceHedgeRatio: beta,
      history: s.history?.source ?? null,
      companyPrice: companyPrice ?? null,
    },
    warnings: s.history ? [...s.history.result.warnings] : [],
  };
}
