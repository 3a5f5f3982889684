/**
 * The basis between the company's price S and the index F: how much of a move in the index reaches the
 * price the company pays (Hull, Options, Futures and Other Derivatives, ch. 3, "basis risk").
 *   sticky      the company's price keeps its own schedule whatever the index does: ΔS = 0, β = 0. Futures then
 *               hedge nothing of the company's cost; a long hedge only adds the futures P&L as new risk.
 *   index       the company pays the index: ΔS = ΔF, β = 1, no basis noise.
 *   regression  ΔS = α + β·ΔF + ε, fitted by OLS on per-period CHANGES of a price history, never on levels:
 *               two trending levels regress on each other with a high R² whatever their link (Granger &
 *               Newbold, "Spurious regressions in econometrics", Journal of Econometrics 2(2), 1974).
 *               σ(ε), the residual standard error, is the basis risk per period in USD/Mtok.
 * A shocked month then settles the company's price at S = S₀ + β·(F_T − F₀); α, the drift per period the fit
 * finds, is reported and not added to scenarios (their price path is the curve's).
 */
import { HedgeError } from "../errors.js";
import { differences } from "../stats/descriptive.js";
import { simpleRegression } from "../stats/regression.js";
import { BASIS_METHODS, type BasisMethod } from "./basis-methods.js";

export { BASIS_METHODS, type BasisMethod };

/** The JSON `basis` block. */
export interface Basis {
  method: BasisMethod;
  beta: number;
  alpha: number;
  /** σ(ε) per period, USD/Mtok: the basis risk. */
  sigma: number;
  /** R² of ΔS on ΔF; null for sticky and index (nothing fitted). */
  rSquared: number | null;
  /** Number of changes fitted; 0 for sticky and index. */
  observations: number;
}

export const STICKY_BASIS: Basis = { method: "sticky", beta: 0, alpha: 0, sigma: 0, rSquared: null, observations: 0 };
export const INDEX_BASIS: Basis = { method: "index", beta: 1, alpha: 0, sigma: 0, rSquared: null, observations: 0 };

/** ΔS = α + β·ΔF + ε on the changes of paired price levels (company price S, index F). */
export function regressionBasis(spotLevels: readonly number[], futuresLevels: readonly number[], file?: string): Basis {
  const dS = differences(spotLevels);
  const dF = differences(futuresLevels);
  if (dS.length < 3) {
    throw new HedgeError(
      "SERIES_TOO_SHORT",
      `--basis regression needs at least 4 price levels (3 changes); the history has ${spotLevels.length}`,
      {
        ...(file ? { file } : {}),
        expected: "a price history of 4 or more periods",
        hint: "use --basis sticky or --basis index",
      },
    );
  }
  try {
    const fit = simpleRegression(dF, dS);
    return {
      method: "regression",
      beta: fit.slope,
      alpha: fit.intercept,
      sigma: fit.residualStandardError,
      rSquared: fit.rSquared,
      observations: fit.observations,
    };
  } catch (e) {
    throw new HedgeError("INPUT_INVALID", `--basis regression: ${(e as Error).message}`, {
      ...(file ? { file } : {}),
      expected: "an index that changes over the history",
      hint: "use --basis sticky",
    });
  }
}

/** The company's price after the index moves from F₀ to F_T. */
export function companyPriceAfter(
  basis: Basis,
  companyPrice: number,
  futuresPrice: number,
  settlementPrice: number,
): number {
  return companyPrice + basis.beta * (settlementPrice - futuresPrice);
}
