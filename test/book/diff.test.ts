import { describe, expect, it } from "vitest";
import { diffPlans } from "../../src/book/diff.js";
import { HedgeError } from "../../src/errors.js";

const month = (
  m: string,
  forecastTokens: number,
  contracts: number,
  lockedInCost: number,
  extra: Record<string, unknown> = {},
) => ({ month: m, forecastTokens, contracts, lockedInCost, probabilityOverHedge: 0.05, ...extra });

const oldPlan = {
  command: "plan",
  months: [month("2026-12", 81e9, 65, 136_500), month("2027-01", 88e9, 69, 141_450)],
  totals: { forecastTokens: 169e9, contracts: 134, lockedInCost: 277_950 },
};
const newReport = {
  command: "report",
  plan: {
    months: [
      month("2027-01", 70e9, 56, 113_120, {
        targetContracts: 56,
        heldContracts: 69,
        trade: { side: "sell", contracts: 13 },
      }),
      month("2027-02", 90e9, 72, 142_560, {
        targetContracts: 72,
        heldContracts: 0,
        trade: { side: "buy", contracts: 72 },
      }),
    ],
    totals: { forecastTokens: 160e9, contracts: 128, lockedInCost: 255_680 },
  },
  simulation: { costAtRisk: 41_000.5 },
  book: { totals: { realisedPnl: -1950, unrealisedPnl: -1800 } },
};

describe("diffPlans", () => {
  const d = diffPlans(oldPlan, "old.json", newReport, "new.json");

  it("matches delivery months across a plan and a report, added and removed months included", () => {
    expect(d.months.map((m) => [m.month, m.status])).toEqual([
      ["2026-12", "removed"],
      ["2027-01", "changed"],
      ["2027-02", "added"],
    ]);
    expect(d.old).toEqual({ file: "old.json", command: "plan", asOf: null });
    expect(d.new.command).toBe("report");
  });

  it("gives old, new and the change for each figure", () => {
    const jan = d.months[1]!;
    // forecast 88 → 70 B tokens: −18 B; target 69 → 56: −13; cost 141,450 → 113,120: −28,330.
    expect(jan.forecastTokens).toEqual({ old: 88e9, new: 70e9, change: -18e9 });
    expect(jan.targetContracts).toEqual({ old: 69, new: 56, change: -13 });
    expect(jan.heldContracts).toEqual({ old: null, new: 69, change: null });
    expect(jan.trade).toEqual({ old: null, new: "sell 13" });
    expect(jan.lockedInCost.change).toBe(-28_330);
    expect(d.totals.contracts).toEqual({ old: 134, new: 128, change: -6 });
    expect(d.totals.lockedInCost.change).toBe(-22_270); // 255,680 − 277,950
    expect(d.totals.costAtRisk).toEqual({ old: null, new: 41_000.5, change: null });
    expect(d.totals.realisedPnl.new).toBe(-1950);
  });

  it("two plans compare their delta-normal Cost-at-Risk (a plan has no Monte Carlo); two reports their Monte Carlo's", () => {
    const withRisk = (doc: object, car: number) => ({ ...doc, company: { risk: { hedged: { costAtRisk: car } } } });
    const plans = diffPlans(withRisk(oldPlan, 1_190_167.46), "a", withRisk(oldPlan, 1_208_744.29), "b");
    expect(plans.totals.costAtRisk.old).toBe(1_190_167.46);
    expect(plans.totals.costAtRisk.change).toBeCloseTo(18_576.83, 2);
    const reports = diffPlans(
      withRisk(newReport, 1),
      "a",
      withRisk({ ...newReport, simulation: { costAtRisk: 42_000.5 } }, 2),
      "b",
    );
    expect(reports.totals.costAtRisk).toEqual({ old: 41_000.5, new: 42_000.5, change: 1000 });
  });

  it("an identical document shows every month unchanged", () => {
    expect(diffPlans(oldPlan, "a", oldPlan, "b").months.every((m) => m.status === "unchanged")).toBe(true);
  });

  it("refuses a document that is not a plan, naming the key path and the value", () => {
    const err = (doc: unknown): HedgeError => {
      try {
        diffPlans(doc, "x.json", oldPlan, "y.json");
      } catch (e) {
        return e as HedgeError;
      }
      throw new Error("no error");
    };
    expect(err([1, 2]).details.path).toBe("(root)");
    expect(err({ command: "curve" }).details.path).toBe("months");
    expect(err({ months: [{ month: "2027-13" }] }).details).toMatchObject({
      path: "months[0].month",
      value: '"2027-13"',
      file: "x.json",
    });
    expect(err({ months: [{ month: "2027-01", forecastTokens: "lots" }] }).details.path).toBe(
      "months[0].forecastTokens",
    );
    expect(err({ months: [{ month: "2027-01", trade: { side: "hold" } }] }).details.path).toBe("months[0].trade");
    expect(err({ plan: { months: "x" } }).details.path).toBe("plan.months");
    expect(err([1]).exitCode).toBe(3);
  });
});
