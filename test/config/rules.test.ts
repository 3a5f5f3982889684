/** Check rules (src/config/rules.ts) on small hand-made plans and paths. */
import { describe, expect, it } from "vitest";
import {
  basisRule,
  atLeast,
  atMost,
  bandsFor,
  effectivenessRules,
  hedgeRatioBandRules,
  limitText,
  missingDaysRule,
  overHedgeProbability,
  staleDays,
  staleDataRule,
  summarise,
} from "../../src/config/rules.js";
import type { HedgePlan, PlanMonth } from "../../src/hedge/plan.js";
import type { HedgePolicy } from "../../src/hedge/policy.js";

/** A plan of 1,000,000-token contracts, rounded down in lots of `lot`; each month's exposure 10,000,000 tokens unless given. */
function plan(months: Partial<PlanMonth>[], rounding: HedgePlan["rounding"] = "down", lot = 1): HedgePlan {
  return {
    contract: { contractSize: 1_000_000 },
    rounding,
    lot,
    months: months.map(
      (m, i) => ({ tenor: i + 1, exposureUnits: 10_000_000, tailFactor: null, contracts: 0, ...m }) as PlanMonth,
    ),
  } as HedgePlan;
}

const POLICY: HedgePolicy = {
  ladder: [
    { fromMonth: 1, toMonth: 3, ratio: 0.8, min: 0.7, max: 0.9 },
    { fromMonth: 4, toMonth: 6, ratio: 0.6 },
  ],
  rounding: "down",
};

describe("limits", () => {
  it("a value on the limit passes (float noise on a bound does not fail it)", () => {
    expect(atMost(0.1 + 0.2, 0.3)).toBe(true);
    expect(atLeast(0.7999999999999999, 0.8)).toBe(true);
    expect(atMost(0.30001, 0.3)).toBe(false);
  });

  it("limit text in the rule's unit", () => {
    expect(limitText("ratio", 0.7, 0.9)).toBe("70% – 90%");
    expect(limitText("probability", undefined, 0.1)).toBe("≤ 10%");
    expect(limitText("USD", undefined, 600000)).toBe("≤ $600,000");
    expect(limitText("number", 0.8)).toBe("≥ 0.8");
    expect(limitText("days", undefined, 3)).toBe("≤ 3");
  });
});

describe("hedge-ratio bands", () => {
  it("'policy' takes the ladder's min/max, a rung without a band is tested against its own ratio", () => {
    expect(bandsFor("policy", POLICY)).toEqual([
      { fromMonth: 1, toMonth: 3, min: 0.7, max: 0.9, byPolicy: true },
      { fromMonth: 4, toMonth: 6, min: 0.6, max: 0.6, byPolicy: true },
    ]);
    expect(bandsFor(undefined, POLICY)).toEqual([]);
  });

  it("one rule per month with a band; the achieved ratio decides", () => {
    const rules = hedgeRatioBandRules(
      plan([
        { month: "2027-01", achievedRatio: 0.79 },
        { month: "2027-02", achievedRatio: 0.69 },
        { month: "2027-03", achievedRatio: 0.9 },
        { month: "2027-04", achievedRatio: 0.6 },
        { month: "2027-05", achievedRatio: 0.55 },
        { month: "2027-06", achievedRatio: 0.6 },
        { month: "2027-07", achievedRatio: 0.1 }, // tenor 7: no band, not tested
      ]),
      bandsFor("policy", POLICY),
    );
    expect(rules.map((r) => [r.subject, r.pass])).toEqual([
      ["2027-01 (tenor 1)", true],
      ["2027-02 (tenor 2)", false],
      ["2027-03 (tenor 3)", true],
      ["2027-04 (tenor 4)", true],
      ["2027-05 (tenor 5)", false],
      ["2027-06 (tenor 6)", true],
    ]);
  });

  it("a policy band also passes as whole contracts by the policy's rounding, never beyond it", () => {
    // Rung 4–6 is the single ratio 60%. Exposure 10,450,000 tokens, contracts of 1,000,000: 0.6 × 10.45 = 6.27.
    // Rounded down: 6 contracts = 57.42% < 60%, yet no whole count is closer from below: a pass, noted.
    // 5 contracts (a cap, say) is one lot further: a breach. Lots of 5: 6.27 / 5 = 1.254 → 1 lot = 5 contracts.
    // Rounded to nearest with 10,900,000 tokens: 6.54 → 7 contracts = 64.22% > 60%: a pass.
    const month = (contracts: number, exposure = 10_450_000): Partial<PlanMonth> => ({
      month: "2027-04",
      tenor: 4,
      exposureUnits: exposure,
      contracts,
      achievedRatio: (contracts * 1_000_000) / exposure,
    });
    const bands = bandsFor("policy", POLICY);
    const verdict = (p: HedgePlan) => hedgeRatioBandRules(p, bands)[0]!;
    expect(verdict(plan([month(6)])).pass).toBe(true);
    expect(verdict(plan([month(6)])).withinRounding).toBe(true);
    expect(verdict(plan([month(6)])).note).toBe(
      "6 contract(s) are the policy's rounding (down, lot 1) of 60%: whole contracts reach no closer",
    );
    expect(verdict(plan([month(5)])).pass).toBe(false);
    expect(verdict(plan([month(5)])).withinRounding).toBeUndefined();
    expect(verdict(plan([month(5)], "down", 5)).pass).toBe(true);
    expect(verdict(plan([month(7, 10_900_000)], "nearest")).pass).toBe(true);
    expect(verdict(plan([month(7, 10_900_000)], "down")).pass).toBe(false);
    // A band the config lists itself is tested on the ratio alone.
    const listed = bandsFor([{ fromMonth: 4, toMonth: 6, min: 0.6, max: 0.6 }], POLICY);
    expect(hedgeRatioBandRules(plan([month(6)]), listed)[0]!.pass).toBe(false);
  });
});

describe("over-hedge probability", () => {
  it("share of paths below the hedged tokens, worst month reported", () => {
    // Month A hedges 100: paths 90, 110, 120, 95 → 2 of 4 below. Month B hedges 50: 60, 40, 70, 80 → 1 of 4.
    const paths = [
      [90, 60],
      [110, 40],
      [120, 70],
      [95, 80],
    ];
    const e = overHedgeProbability(
      plan([
        { month: "A", hedgedTokens: 100 },
        { month: "B", hedgedTokens: 50 },
      ]),
      ["A", "B"],
      paths,
    );
    expect(e.byMonth).toEqual([
      { month: "A", probability: 0.5 },
      { month: "B", probability: 0.25 },
    ]);
    expect(e).toMatchObject({ probability: 0.5, month: "A" });
  });

  it("plan months are found in the forecast months by name (the curve may start later)", () => {
    const e = overHedgeProbability(
      plan([{ month: "2027-01", hedgedTokens: 10 }]),
      ["2026-12", "2027-01"],
      [
        [0, 5],
        [0, 15],
      ],
    );
    expect(e.probability).toBe(0.5);
  });
});

describe("data quality", () => {
  it("stale days count from the last usage day to the as-of date", () => {
    expect(staleDays("2026-10-31", "2026-11-05")).toBe(5);
    expect(staleDays("2026-10-31", "2027-01-15")).toBe(76); // 30 + 31 + 15
    expect(staleDays("2026-10-31", "2026-10-01")).toBe(0); // data past the as-of date is not stale
    expect(staleDataRule("2026-10-31", "2026-11-30", 30).pass).toBe(true);
    expect(staleDataRule("2026-10-31", "2026-12-01", 30).pass).toBe(false);
  });

  it("missing days against the limit", () => {
    expect(missingDaysRule(["2026-01-02", "2026-01-03"], 2)).toMatchObject({ value: 2, pass: true });
    expect(missingDaysRule(["a", "b", "c", "d", "e", "f"], 2)).toMatchObject({
      value: 6,
      pass: false,
      note: "days with no usage rows: a, b, c, d, e, …",
    });
  });
});

describe("effectiveness and the summary", () => {
  it("R² below the minimum fails; no regression fails rather than passing silently", () => {
    const [r2] = effectivenessRules(
      { dollarOffset: { cumulative: 0.9, pass: true }, regression: { rSquared: 0.79, pass: false } },
      { rSquared: 0.8 },
      "h.csv",
    );
    expect(r2).toMatchObject({ rule: "minEffectiveness.rSquared", value: 0.79, pass: false });
    const [none] = effectivenessRules(
      { dollarOffset: { cumulative: 0.9, pass: true }, regression: null },
      { rSquared: 0.8 },
      "h.csv",
    );
    expect(none!.pass).toBe(false);
  });

  it("the regression test is R², slope and p-value together, not R² alone", () => {
    // R² 0.85 passes, but a slope of −0.6 does not offset (band −1.25 … −0.8) and p = 0.08 is not significant.
    const rules = effectivenessRules(
      {
        dollarOffset: { cumulative: 0.9, pass: true },
        regression: { rSquared: 0.85, slope: -0.6, pValue: 0.08, pass: false },
      },
      { rSquared: 0.8 },
      "h.csv",
    );
    expect(rules.map((r) => [r.rule, r.pass])).toEqual([
      ["minEffectiveness.rSquared", true],
      ["minEffectiveness.slope", false],
      ["minEffectiveness.pValue", false],
    ]);
    const ok = effectivenessRules(
      {
        dollarOffset: { cumulative: 0.9, pass: true },
        regression: { rSquared: 0.81, slope: -0.9503, pValue: 5.1e-9, pass: true },
      },
      { rSquared: 0.8 },
      "h.csv",
    );
    expect(ok.every((r) => r.pass)).toBe(true);
  });

  it("dollarOffsetEveryPeriod fails on an interim period even when the last passes", () => {
    const byPeriod = [
      { period: "2025-01", cumulativePass: false },
      { period: "2025-02", cumulativePass: false },
      { period: "2025-03", cumulativePass: true },
    ];
    const [r] = effectivenessRules(
      { dollarOffset: { cumulative: 0.955, pass: true, byPeriod }, regression: null },
      { dollarOffsetEveryPeriod: true },
      "h.csv",
    );
    expect(r).toMatchObject({
      rule: "minEffectiveness.dollarOffsetEveryPeriod",
      value: 2,
      pass: false,
      note: "cumulative ratio outside 80–125% in 2025-01, 2025-02",
    });
  });

  it("not evaluated is not a breach", () => {
    const s = summarise([
      { rule: "a", subject: "", value: null, limit: "", unit: "USD", pass: null },
      { rule: "b", subject: "", value: 1, limit: "", unit: "days", pass: true },
    ]);
    expect(s).toMatchObject({ pass: true, breaches: 0, notEvaluated: 1 });
    expect(summarise([{ rule: "c", subject: "", value: 1, limit: "", unit: "days", pass: false }]).pass).toBe(false);
  });
});

describe("basisRSquared: how much of the company's price the index explains", () => {
  const regression = (r2: number) => ({ method: "regression", beta: 0.85, rSquared: r2, observations: 23 });
  it("regression: R² 0.81 ≥ 0.8 passes, 0.79 fails; a sticky price scores 0 and fails; the index itself passes with 1", () => {
    expect(basisRule(regression(0.81), 0.8, 10, "h.csv")).toMatchObject({
      rule: "basisRSquared",
      value: 0.81,
      min: 0.8,
      pass: true,
    });
    expect(basisRule(regression(0.79), 0.8, 10, "h.csv").pass).toBe(false);
    expect(
      basisRule({ method: "sticky", beta: 0, rSquared: null, observations: 0 }, 0.8, 10, "company price"),
    ).toMatchObject({ value: 0, pass: false });
    expect(
      basisRule({ method: "index", beta: 1, rSquared: null, observations: 0 }, 0.8, 10, "company price"),
    ).toMatchObject({ value: 1, pass: true });
  });
  it("is not evaluated for a plan without contracts or without a company price", () => {
    expect(basisRule(regression(0.1), 0.8, 0, "h.csv").pass).toBeNull();
    expect(basisRule(null, 0.8, 10, "company price").pass).toBeNull();
  });
});
