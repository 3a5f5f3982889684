/** `hedge-ratio`: the minimum-variance hedge ratio, its statistics, and optional contract counts. */
import type { HedgeExposure, RoundedContracts } from "../../hedge/contracts.js";
import type { HedgeRatioResult } from "../../hedge/mvhr.js";
import { renderCsv } from "../render/csv.js";
import { fmtInt } from "../render/format.js";

export interface HedgeRatioSource {
  /** "history" (a price file) or "statistics" (flags). */
  kind: "history" | "statistics";
  file?: string;
  /** Levels (differenced here) or changes, for a history. */
  series?: "levels" | "changes";
  spotColumn?: string;
  futuresColumn?: string;
}

export interface HedgeRatioView {
  source: HedgeRatioSource;
  result: HedgeRatioResult;
  exposure?: HedgeExposure;
  /** long (default): buy N* futures against a purchase; short: sell N* against a sale (same h*, opposite position). */
  side?: "long" | "short";
}

const r = (x: number | null | undefined, d = 10): number | null =>
  x === null || x === undefined ? null : Number(x.toFixed(d));

/** The `--json` document: stable field names (README, hedge-ratio), counts as whole numbers with their unrounded twins. */
export function hedgeRatioDocument(v: HedgeRatioView): Record<string, unknown> {
  const res = v.result;
  const counts = (name: string, c: RoundedContracts | undefined): Record<string, unknown> =>
    c ? { [name]: c.value, [`${name}Unrounded`]: r(c.unrounded) } : {};
  return {
    command: "hedge-ratio",
    source: v.source,
    hedgeRatio: r(res.hedgeRatio),
    correlation: r(res.correlation),
    sigmaSpot: r(res.sigmaSpot),
    sigmaFutures: r(res.sigmaFutures),
    rSquared: r(res.rSquared),
    standardError: r(res.standardError),
    ci95: res.ci95 ? [r(res.ci95[0]), r(res.ci95[1])] : null,
    observations: res.observations,
    convention: "sample statistics with the n − 1 divisor; h* is the OLS slope of ΔS (spot) on ΔF (futures)",
    ...(v.exposure
      ? {
          exposure: {
            quantity: v.exposure.quantity,
            contractSize: v.exposure.contractSize,
            spotPrice: v.exposure.spotPrice ?? null,
            futuresPrice: v.exposure.futuresPrice ?? null,
          },
          rounding: res.contracts?.rounding ?? v.exposure.rounding ?? "nearest",
        }
      : {}),
    ...counts("contracts", res.contracts),
    ...counts("contractsTailed", res.contractsTailed),
    side: v.side ?? "long",
    ...(res.contracts
      ? {
          position: {
            side: v.side ?? "long",
            contracts: (v.side === "short" ? -1 : 1) * (res.contractsTailed ?? res.contracts).value,
          },
        }
      : {}),
    warnings: res.warnings,
  };
}

export function hedgeRatioCsv(v: HedgeRatioView): string {
  const doc = hedgeRatioDocument(v);
  const rows: [string, string | number | null][] = [];
  for (const key of [
    "hedgeRatio",
    "correlation",
    "sigmaSpot",
    "sigmaFutures",
    "rSquared",
    "standardError",
    "observations",
    "contracts",
    "contractsUnrounded",
    "contractsTailed",
    "contractsTailedUnrounded",
  ]) {
    if (key in doc) rows.push([key, doc[key] as number | null]);
  }
  const ci = doc.ci95 as [number, number] | null;
  rows.splice(6, 0, ["ci95Low", ci ? ci[0] : null], ["ci95High", ci ? ci[1] : null]);
  return renderCsv(["statistic", "value"], rows);
}

const f = (x: number | null, d: number): string => (x === null ? "– (not known from these statistics)" : x.toFixed(d));

export function hedgeRatioHuman(v: HedgeRatioView): string {
  const res = v.result;
  const s = v.source;
  const from =
    s.kind === "history"
      ? `${s.file} (${res.observations} price changes${s.series === "levels" ? ", differenced from price levels" : ", given as changes"}; S = ${s.spotColumn}, F = ${s.futuresColumn})`
      : "statistics given on the command line";
  const lines = [
    `minimum-variance hedge ratio from ${from}`,
    `  h*  = ${res.hedgeRatio.toFixed(6)}   (OLS slope of ΔS on ΔF = ρ·σ_S/σ_F = Cov(ΔS,ΔF)/Var(ΔF); Hull ch. 3)`,
    `  ρ   = ${f(res.correlation, 6)}`,
    `  σ_S = ${f(res.sigmaSpot, 6)}   σ_F = ${res.sigmaFutures.toFixed(6)}   (sample, n − 1)`,
    `  hedge effectiveness R² = ρ² = ${f(res.rSquared, 6)}`,
  ];
  if (res.standardError !== null && res.ci95) {
    lines.push(
      `  standard error of h* ${res.standardError.toFixed(6)}; 95% interval ${res.ci95[0].toFixed(6)} … ${res.ci95[1].toFixed(6)} (t, ${res.observations! - 2} df)`,
    );
  } else {
    lines.push("  standard error and 95% interval: not known from statistics alone (the sample size is missing)");
  }
  const e = v.exposure;
  if (e && res.contracts) {
    const c = res.contracts;
    lines.push(
      `contracts: N* = h*·Q/QF = ${res.hedgeRatio.toFixed(6)} × ${fmtInt(e.quantity)} / ${fmtInt(e.contractSize)} = ${c.unrounded.toFixed(4)} → ${fmtInt(c.value)} (rounded ${c.rounding})`,
    );
    if (res.contractsTailed) {
      const t = res.contractsTailed;
      lines.push(
        `tailed:    N* = h*·(S0·Q)/(F0·QF) = ${res.hedgeRatio.toFixed(6)} × (${e.spotPrice} × ${fmtInt(e.quantity)}) / (${e.futuresPrice} × ${fmtInt(e.contractSize)}) = ${t.unrounded.toFixed(4)} → ${fmtInt(t.value)} (rounded ${t.rounding})`,
      );
    }
    const n = (res.contractsTailed ?? c).value;
    const short = v.side === "short";
    // A negative h* reverses the trade: the minimum-variance position then takes the other side of the hedge.
    const sells = short ? n > 0 : n < 0;
    const hedge = short ? "short hedge of a forecast sale" : "long hedge of a forecast purchase";
    lines.push(
      n === 0
        ? `position:  none (N* rounds to 0 contracts)`
        : `position:  ${sells ? "sell" : "buy"} ${fmtInt(Math.abs(n))} futures (${n > 0 ? hedge : `h* is negative: the opposite of a ${hedge}`})`,
    );
    if (res.ci95 && res.ci95[0] <= 0 && res.ci95[1] >= 0)
      lines.push(
        `note:      the 95% interval of h* includes 0 (R² ${f(res.rSquared, 4)}): these futures do not measurably hedge this spot price`,
      );
  }
  return lines.join("\n") + "\n";
}
