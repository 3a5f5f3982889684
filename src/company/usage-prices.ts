/**
 * What the company pays, read off its own usage export: cost ÷ tokens per provider, model and token kind over
 * the last N complete months (`--price-window N`, default 3), and the token mix of the same months (each
 * provider × model × kind's share of tokens). Sums are exact (BigInt tokens, decimal cost); the price per Mtok
 * is a float for modelling.
 */
import { Dec } from "../money/decimal.js";
import type { UsageCell } from "../ingest/types.js";

export const DEFAULT_PRICE_WINDOW = 3;

/** One provider × model × kind: its tokens and cost over the window, its price and its share of the window's tokens. */
export interface PriceLine {
  provider: string;
  model: string;
  kind: string;
  tokens: bigint;
  cost: Dec;
  /** cost ÷ tokens × 1e6; null without tokens. */
  usdPerMtok: number | null;
  /** Share of the window's tokens, 0..1. */
  share: number;
}

export interface UsagePrices {
  /** The complete months averaged over, oldest first. */
  months: string[];
  lines: PriceLine[];
  tokens: bigint;
  cost: Dec;
  /** Total cost ÷ total tokens × 1e6: the blended price the export shows for the window. */
  blendedUsdPerMtok: number;
}

export const lineKey = (provider: string, model: string, kind: string): string =>
  `${provider}\u0000${model}\u0000${kind}`;

/** Cost per Mtok by month (every month of `months`), exactly as the export has it: Σ cost ÷ Σ tokens. */
export function monthlyCompanyPrice(
  cells: readonly UsageCell[],
  months: readonly string[],
): Map<string, number | null> {
  const tokens = new Map<string, bigint>();
  const cost = new Map<string, Dec>();
  for (const c of cells) {
    const m = c.day.slice(0, 7);
    tokens.set(m, (tokens.get(m) ?? 0n) + c.tokens);
    if (c.cost) cost.set(m, (cost.get(m) ?? new Dec(0)).plus(c.cost));
  }
  return new Map(
    months.map((m) => {
      const t = tokens.get(m) ?? 0n;
      const k = cost.get(m);
      return [m, t > 0n && k ? k.div(t.toString()).times(1_000_000).toNumber() : null];
    }),
  );
}

/**
 * Prices and mix of the last `window` of the given complete months. Returns null when the export has no cost
 * (no cost column) or the window holds no tokens.
 */
export function usagePrices(
  cells: readonly UsageCell[],
  completeMonths: readonly string[],
  window = DEFAULT_PRICE_WINDOW,
): UsagePrices | null {
  const months = completeMonths.slice(Math.max(0, completeMonths.length - window));
  const inWindow = new Set(months);
  const acc = new Map<string, { provider: string; model: string; kind: string; tokens: bigint; cost: Dec }>();
  let anyCost = false;
  for (const c of cells) {
    if (!inWindow.has(c.day.slice(0, 7))) continue;
    const key = lineKey(c.provider, c.model, c.kind);
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { provider: c.provider, model: c.model, kind: c.kind, tokens: 0n, cost: new Dec(0) }));
    a.tokens += c.tokens;
    if (c.cost) {
      a.cost = a.cost.plus(c.cost);
      anyCost = true;
    }
  }
  let tokens = 0n;
  let cost = new Dec(0);
  for (const a of acc.values()) {
    tokens += a.tokens;
    cost = cost.plus(a.cost);
  }
  if (!anyCost || tokens === 0n) return null;
  const total = Number(tokens);
  const lines: PriceLine[] = [...acc.values()]
    .sort((a, b) => (a.provider + a.model + a.kind < b.provider + b.model + b.kind ? -1 : 1))
    .map((a) => ({
      ...a,
      usdPerMtok: a.tokens > 0n ? a.cost.div(a.tokens.toString()).times(1_000_000).toNumber() : null,
      share: Number(a.tokens) / total,
    }));
  return { months, lines, tokens, cost, blendedUsdPerMtok: cost.div(tokens.toString()).times(1_000_000).toNumber() };
}
