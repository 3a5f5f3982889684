/** `tokenhedge plan` with each method on the fixtures, through the real binary (run `npm run build` first). */
import { describe, expect, it } from "vitest";
import { ACME, PLAN_ARGS, runCli, runJson } from "../helpers/run-cli.js";

interface Month {
  month: string;
  forecastTokens: number;
  forecastP10: number;
  targetRatio: number;
  hedgeRatio: number;
  capTokens: number | null;
  contracts: number;
  hedgedTokens: number;
  probabilityOverHedge: number | null;
  flags: string[];
  band: { min: number | null; max: number | null } | null;
}
interface PlanDoc {
  method: { name: string; hedgeRatio?: number };
  volumeCap: string | null;
  contract: { contractSize: number; tokensPerGpuHour: number | null };
  conversion: {
    tokensPerGpuHour: number;
    sensitivity: { change: number; contracts: number }[];
    byModel: unknown[] | null;
  } | null;
  months: Month[];
  totals: { contracts: number; monthsCapped: number; monthsOutsideBand: number };
  summary: string;
  warnings: string[];
}

describe("plan: the default (policy ladder capped at the P10 volume)", () => {
  const plan = runJson<PlanDoc>(["plan", ACME.usage, ...PLAN_ARGS]);

  it("is the policy method with a p10 cap, and no month hedges above its P10", () => {
    expect(plan.method.name).toBe("policy");
    expect(plan.volumeCap).toBe("p10");
    for (const m of plan.months) {
      // capTokens = floor(P10); forecastP10 is P10 rounded to the nearest token.
      expect(Math.abs(m.capTokens! - m.forecastP10)).toBeLessThanOrEqual(1);
      expect(m.hedgedTokens).toBeLessThanOrEqual(m.capTokens!);
      expect(m.hedgeRatio).toBeLessThanOrEqual(m.targetRatio);
      expect(m.flags.includes("capped")).toBe(m.hedgeRatio < m.targetRatio);
      // Hedging at most the P10 volume: over-hedged in at most about 10% of the simulated paths.
      expect(m.probabilityOverHedge!).toBeGreaterThanOrEqual(0);
      expect(m.probabilityOverHedge!).toBeLessThan(0.13);
    }
  });

  it("has the plain-language summary", () => {
    expect(plan.summary).toMatch(
      /^Hedges \d+\.\d% of the next 12 months' forecast tokens with [\d,]+ contracts; locks in \$[\d.]+[KM] at an average \$\d\.\d\d\/Mtok; initial margin \$[\d.]+[KM]/,
    );
    const human = runCli(["plan", ACME.usage, ...PLAN_ARGS]);
    expect(human.stdout).toContain(plan.summary);
  });

  it("--volume-cap none follows the ladder exactly", () => {
    const free = runJson<PlanDoc>(["plan", ACME.usage, ...PLAN_ARGS, "--volume-cap", "none"]);
    expect(free.months.map((m) => m.hedgeRatio)).toEqual([
      0.8, 0.8, 0.8, 0.6, 0.6, 0.6, 0.4, 0.4, 0.4, 0.25, 0.25, 0.25,
    ]);
    expect(free.totals.monthsCapped).toBe(0);
  });
});

describe("plan --method mvhr and quantity on the fixtures", () => {
  it("mvhr: h* of fixtures/acme/index-linked-price-history.csv (0.852192) in every month, outside the far bands and flagged", () => {
    const plan = runJson<PlanDoc>([
      "plan",
      ACME.usage,
      ...PLAN_ARGS,
      "--method",
      "mvhr",
      "--history",
      "fixtures/acme/index-linked-price-history.csv",
    ]);
    expect(plan.method.name).toBe("mvhr");
    for (const m of plan.months) {
      expect(m.targetRatio).toBeCloseTo(0.852192, 6);
      if (m.band?.max !== null && m.band!.max! < 0.852192) expect(m.flags).toContain("above-band");
    }
    expect(plan.totals.monthsOutsideBand).toBeGreaterThan(0);
    expect(plan.warnings.join("\n")).toMatch(/kept, not clipped/);
  });

  it("mvhr needs --history (usage error)", () => {
    const r = runCli(["plan", ACME.usage, ...PLAN_ARGS, "--method", "mvhr"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--method mvhr needs --history/);
  });

  it("quantity with ρ = 0 hedges the expected volume (ratio 1, P = F), capped at P10; ρ < 0 lowers the target", () => {
    const zero = runJson<PlanDoc>(["plan", ACME.usage, ...PLAN_ARGS, "--method", "quantity"]);
    for (const m of zero.months) {
      expect(m.targetRatio).toBeCloseTo(1, 9);
      expect(m.flags).toContain("capped");
    }
    const neg = runJson<PlanDoc>([
      "plan",
      ACME.usage,
      ...PLAN_ARGS,
      "--method",
      "quantity",
      "--corr",
      "-0.3",
      "--price-vol",
      "0.6",
    ]);
    for (const m of neg.months) expect(m.targetRatio).toBeLessThan(1);
  });

  it("the GPU-hour cross hedge with the YAML per-model spec: blended k, conversion warning and k sensitivity", () => {
    const plan = runJson<PlanDoc>([
      "plan",
      ACME.usage,
      "--curve",
      ACME.gpuCurve,
      "--contract",
      "fixtures/acme/gpu-contract.yaml",
      "--policy",
      ACME.policy,
    ]);
    const k = plan.conversion!.tokensPerGpuHour;
    const gpuHours = 192_156_422_149 / 3e6 + 231_858_938_220 / 4e6 + 200_466_353_311 / 12e6;
    expect(k).toBeCloseTo(624_481_713_680 / gpuHours, 3);
    expect(plan.contract.tokensPerGpuHour).toBe(k);
    expect(plan.conversion!.byModel).toHaveLength(3);
    expect(plan.warnings[0]).toMatch(/itself a risk/);
    const s = new Map(plan.conversion!.sensitivity.map((x) => [x.change, x.contracts]));
    // A smaller k means more GPU-hours: more contracts; a larger k fewer.
    expect(s.get(-0.25)!).toBeGreaterThan(plan.totals.contracts);
    expect(s.get(0.25)!).toBeLessThan(plan.totals.contracts);
    for (const m of plan.months) {
      if (!m.flags.includes("capped"))
        expect(m.contracts).toBe(Math.floor((m.targetRatio * m.forecastTokens) / k / 1000 + 1e-9));
    }
  });

  it("--tail and --min-lot change the sizing: lots of 5 are whole multiples of 5", () => {
    const plan = runJson<PlanDoc>(["plan", ACME.usage, ...PLAN_ARGS, "--min-lot", "5"]);
    for (const m of plan.months) expect(m.contracts % 5).toBe(0);
    const history = ["--method", "mvhr", "--history", "fixtures/acme/index-linked-price-history.csv"];
    const tailed = runJson<PlanDoc & { months: (Month & { tailFactor: number })[] }>([
      "plan",
      ACME.usage,
      ...PLAN_ARGS,
      ...history,
      "--tail",
      "2.2",
      "--volume-cap",
      "none",
    ]);
    expect(tailed.months[0]!.tailFactor).toBeCloseTo(2.2 / 2.1, 12);
    // A policy ladder is not tailed: its ratios are shares of volume.
    const refused = runCli(["plan", ACME.usage, ...PLAN_ARGS, "--tail", "2.2"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--tail applies to the minimum-variance hedge/);
  });
});
