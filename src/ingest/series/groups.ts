/** Breakdowns: totals per model, provider, project or token kind, overall and per period. */
import { Dec } from "../../money/decimal.js";
import type { UsageCell, UsageSeries } from "../types.js";
import { GROUP_BY, type GroupBy } from "../reading/option-names.js";

export { GROUP_BY, type GroupBy };

export interface GroupPeriod {
  period: string;
  tokens: bigint;
  cost: Dec | null;
}

export interface GroupTotal {
  key: string;
  tokens: bigint;
  cost: Dec | null;
  /** Share of all tokens (0–1). */
  share: number;
  periods: GroupPeriod[];
}

function keyOf(c: UsageCell, by: GroupBy): string {
  // Cost not attributable to one kind (wide rows, credits) is its own group under kind.
  if (by === "kind") return c.kind === "" ? "(cost without kind)" : c.kind;
  return c[by];
}

/** Totals per group, largest first (ties by name), each with its per-period totals. */
export function groupTotals(series: UsageSeries, by: GroupBy, period: "day" | "month"): GroupTotal[] {
  const hasCost = series.totalCost !== null;
  const groups = new Map<string, { tokens: bigint; cost: Dec | null; periods: Map<string, GroupPeriod> }>();
  for (const c of series.cells ?? []) {
    const key = keyOf(c, by);
    let g = groups.get(key);
    if (!g) {
      g = { tokens: 0n, cost: hasCost ? new Dec(0) : null, periods: new Map() };
      groups.set(key, g);
    }
    const p = period === "month" ? c.day.slice(0, 7) : c.day;
    let gp = g.periods.get(p);
    if (!gp) {
      gp = { period: p, tokens: 0n, cost: hasCost ? new Dec(0) : null };
      g.periods.set(p, gp);
    }
    g.tokens += c.tokens;
    gp.tokens += c.tokens;
    if (c.cost !== null && g.cost !== null && gp.cost !== null) {
      g.cost = g.cost.plus(c.cost);
      gp.cost = gp.cost.plus(c.cost);
    }
  }
  const total = series.totalTokens;
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      tokens: g.tokens,
      cost: g.cost,
      share: total > 0n ? Number((g.tokens * 1_000_000n) / total) / 1_000_000 : 0,
      periods: [...g.periods.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)),
    }))
    .sort((a, b) => (a.tokens === b.tokens ? (a.key < b.key ? -1 : 1) : a.tokens > b.tokens ? -1 : 1));
}
