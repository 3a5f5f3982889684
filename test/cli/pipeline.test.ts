/** The whole pipeline through the real binary on the bundled fixtures: ingest, forecast, curve, plan and scenarios. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ACME, PLAN_ARGS, ROOT, runCli, runJson } from "../helpers/run-cli.js";

interface PlanDoc {
  schemaVersion: number;
  months: {
    month: string;
    forecastTokens: number;
    targetRatio: number;
    hedgeRatio: number;
    contracts: number;
    hedgedTokens: number;
    futuresPrice: number;
    lockedInCost: number;
    initialMargin: number;
  }[];
  totals: { contracts: number; lockedInCost: number };
  contract: { contractSize: number };
}

interface ScenarioDoc {
  scenarios: {
    priceShock: number;
    volumeCase: string;
    unhedgedCost: number;
    futuresPnl: number;
    hedgedCost: number;
    effectivePrice: number;
  }[];
}

const cents = (x: number): number => Math.round(x * 100);

describe("plan on the fixtures", () => {
  const plan = runJson<PlanDoc>(["plan", ACME.usage, ...PLAN_ARGS]);

  it("has schemaVersion and one month per curve month", () => {
    expect(plan.schemaVersion).toBe(1);
    expect(plan.months.map((m) => m.month)).toEqual(
      readFileSync(join(ROOT, ACME.tokenCurve), "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split(",")[0]),
    );
  });

  it("every month's contracts = floor(hedgeRatio × forecastTokens / contract size)", () => {
    for (const m of plan.months) {
      expect(Number.isInteger(m.forecastTokens)).toBe(true);
      // A capped ratio is not a round number; allow 1e-9 of a contract for float noise at exact multiples.
      const expected = Math.floor((m.hedgeRatio * m.forecastTokens) / plan.contract.contractSize + 1e-9);
      expect(m.contracts).toBe(expected);
      expect(m.hedgedTokens).toBe(m.contracts * plan.contract.contractSize);
      expect(cents(m.lockedInCost)).toBe(Math.round(m.contracts * 1000 * m.futuresPrice * 100));
      expect(m.initialMargin).toBe(m.contracts * 300);
    }
  });

  it("targets the policy ladder 80/60/40/25, never above it (the default P10 volume cap may lower a month)", () => {
    const ladder = [0.8, 0.8, 0.8, 0.6, 0.6, 0.6, 0.4, 0.4, 0.4, 0.25, 0.25, 0.25];
    expect(plan.months.map((m) => m.targetRatio)).toEqual(ladder);
    plan.months.forEach((m, i) => expect(m.hedgeRatio).toBeLessThanOrEqual(ladder[i]!));
  });

  it("totals add up", () => {
    expect(plan.totals.contracts).toBe(plan.months.reduce((a, m) => a + m.contracts, 0));
    expect(cents(plan.totals.lockedInCost)).toBe(plan.months.reduce((a, m) => a + cents(m.lockedInCost), 0));
  });

  it("is byte-identical on a rerun", () => {
    const a = runCli(["plan", ACME.usage, ...PLAN_ARGS, "--json"]).stdout;
    const b = runCli(["plan", ACME.usage, ...PLAN_ARGS, "--json"]).stdout;
    expect(a).toBe(b);
  });
});

describe("scenarios on the fixtures", () => {
  const doc = runJson<ScenarioDoc>(["scenarios", ACME.usage, ...PLAN_ARGS]);

  it("covers the default shocks × P10/P50/P90", () => {
    expect(doc.scenarios).toHaveLength(18);
    expect([...new Set(doc.scenarios.map((s) => s.priceShock))]).toEqual([-0.5, -0.25, 0, 0.25, 0.5, 1]);
    expect([...new Set(doc.scenarios.map((s) => s.volumeCase))]).toEqual(["p10", "p50", "p90"]);
  });

  it("every scenario's hedgedCost = unhedgedCost − futuresPnl to the cent", () => {
    for (const s of doc.scenarios) expect(cents(s.hedgedCost)).toBe(cents(s.unhedgedCost) - cents(s.futuresPnl));
  });

  it("no shock: no futures P&L; +25%: the P&L is 25% of the locked-in cost", () => {
    const plan = runJson<PlanDoc>(["plan", ACME.usage, ...PLAN_ARGS]);
    for (const s of doc.scenarios.filter((x) => x.priceShock === 0)) expect(s.futuresPnl).toBe(0);
    for (const s of doc.scenarios.filter((x) => x.priceShock === 0.25))
      expect(s.futuresPnl).toBeCloseTo(plan.totals.lockedInCost * 0.25, 1);
  });

  it("a hedge lowers the cost when prices rise and raises it when they fall", () => {
    for (const s of doc.scenarios) {
      if (s.priceShock > 0) expect(s.hedgedCost).toBeLessThan(s.unhedgedCost);
      if (s.priceShock < 0) expect(s.hedgedCost).toBeGreaterThan(s.unhedgedCost);
    }
  });
});

describe("ingest, forecast and curve on the fixtures", () => {
  it("ingest --json totals equal an independent recomputation of the CSV", () => {
    const doc = runJson<{
      periods: { period: string; tokens: number; cost: number }[];
      totals: { tokens: number; cost: number };
    }>(["ingest", ACME.usage]);
    const lines = readFileSync(join(ROOT, ACME.usage), "utf8").trim().split("\n").slice(1);
    let tokens = 0n;
    let costCents = 0n;
    const monthly = new Map<string, bigint>();
    for (const line of lines) {
      const [date, , , t, c] = line.split(",");
      tokens += BigInt(t!);
      const [whole, frac = ""] = c!.split(".");
      costCents += BigInt(whole!) * 100n + BigInt(frac.padEnd(2, "0"));
      monthly.set(date!.slice(0, 7), (monthly.get(date!.slice(0, 7)) ?? 0n) + BigInt(t!));
    }
    expect(BigInt(doc.totals.tokens)).toBe(tokens);
    expect(BigInt(Math.round(doc.totals.cost * 100))).toBe(costCents);
    expect(doc.periods.map((p) => [p.period, BigInt(p.tokens)])).toEqual([...monthly.entries()]);
  });

  it("forecast --csv has the contract header and 12 months", () => {
    const r = runCli(["forecast", ACME.usage, "--horizon", "12", "--csv"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("period,mean,lo80,hi80,lo95,hi95");
    expect(lines).toHaveLength(13);
    expect(lines[1]!.startsWith("2026-11,")).toBe(true);
    for (const l of lines.slice(1)) {
      const [, mean, lo80, hi80, lo95, hi95] = l.split(",").map(Number);
      expect(lo95!).toBeLessThanOrEqual(lo80!);
      expect(lo80!).toBeLessThanOrEqual(mean!);
      expect(mean!).toBeLessThanOrEqual(hi80!);
      expect(hi80!).toBeLessThanOrEqual(hi95!);
    }
  });

  it("forecast --json names the model and gives intervals per period", () => {
    const doc = runJson<{
      model: string;
      forecast: { period: string; mean: number; lo80: number; hi80: number; lo95: number; hi95: number }[];
    }>(["forecast", ACME.usage, "--horizon", "6"]);
    expect(typeof doc.model).toBe("string");
    expect(doc.forecast).toHaveLength(6);
    expect(Object.keys(doc.forecast[0]!)).toEqual(
      expect.arrayContaining(["period", "mean", "lo80", "hi80", "lo95", "hi95"]),
    );
  });

  it("the token curve is in backwardation and the GPU curve in contango", () => {
    expect(runJson<{ shape: string }>(["curve", ACME.tokenCurve]).shape).toBe("backwardation");
    expect(runJson<{ shape: string }>(["curve", ACME.gpuCurve]).shape).toBe("contango");
  });

  it("the GPU-hour cross hedge plans on the fixtures", () => {
    const plan = runJson<PlanDoc & { contract: { tokensPerGpuHour: number } }>([
      "plan",
      ACME.usage,
      "--curve",
      ACME.gpuCurve,
      "--contract",
      ACME.gpuContract,
      "--policy",
      ACME.policy,
    ]);
    expect(plan.contract.tokensPerGpuHour).toBe(5_000_000);
    const m = plan.months[0]!;
    // GPU-hours = tokens / k; contracts = floor(0.8 × GPU-hours / 1,000).
    expect(m.contracts).toBe(Math.floor((0.8 * m.forecastTokens) / 5_000_000 / 1000));
  });

  it("npm start's demo prints a plan and a scenario table", () => {
    const r = runCli(["demo"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("== hedge plan ==");
    expect(r.stdout).toContain("== P&L scenarios ==");
    expect(r.stdout).toMatch(/Hedges \d+\.\d% of the next 12 months/);
    // Piped (as here), its tables are plain text like every command's, without box drawing.
    expect(r.stdout).toMatch(/^month +tokens +cost$/m);
    expect(r.stdout).not.toMatch(/^[┌│└]/m);
  });
});
