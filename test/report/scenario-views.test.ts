import { describe, expect, it } from "vitest";
import { runScenario, scenarioGrid, twistGrid } from "../../src/scenarios/grid.js";
import { parseBudget } from "../../src/scenarios/budget.js";
import { heatMap, scenariosCsv, scenariosDocument, scenariosHuman } from "../../src/report/views/scenarios.js";
import { simulateDocument, simulateHuman } from "../../src/report/views/simulate.js";
import { simulate } from "../../src/scenarios/simulate.js";
import { fixedVolumes } from "../../src/scenarios/volumes.js";
import { Dec } from "../../src/money/decimal.js";
import { twoMonthPlan } from "../scenarios/fixtures.js";

const ESC = "\u001b[";

describe("scenarios views", () => {
  const plan = twoMonthPlan();
  const budget = parseBudget("2.0/Mtok")!;
  const options = { budget, asOf: "2026-11-01" };
  const results = scenarioGrid(plan, [-0.5, 0, 0.25], ["p50", "mean"], options);
  const twists = twistGrid(plan, 0.2, ["mean"], options);

  it("keeps the JSON contract: hedgedCost = unhedgedCost − futuresPnl exactly, in every scenario and twist", () => {
    const doc = scenariosDocument(plan, results, true, { twists, budget, asOf: "2026-11-01" });
    const rows = [...(doc.scenarios as Record<string, number>[]), ...(doc.twists as Record<string, number>[])];
    expect(rows).toHaveLength(8);
    for (const s of rows) {
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining([
          "volumeCase",
          "unhedgedCost",
          "futuresPnl",
          "hedgedCost",
          "effectivePrice",
          "vsBudget",
          "peakMarginOutflow",
        ]),
      );
      expect(s.hedgedCost).toBe(new Dec(s.unhedgedCost!).minus(s.futuresPnl!).toNumber());
    }
    expect((doc.scenarios as Record<string, unknown>[])[0]).toMatchObject({ priceShock: -0.5, volumeCase: "p50" });
  });

  it("heat map marks each cell against the budget in plain text", () => {
    // +25%, mean volume: hedged 54,075 against 2.0 × 24,900 Mtok = 49,800 → 4,275 over = +8.6% of budget.
    const text = heatMap(results, false);
    expect(text).toContain("$54.1K OVER +8.6%");
    expect(text).not.toContain(ESC);
    expect(heatMap(results, true)).toContain(ESC);
  });

  it("human output lists grid, twists, heat map and margin without colour codes", () => {
    const text = scenariosHuman(plan, results, false, { twists, budget, asOf: "2026-11-01" }, true);
    for (const part of [
      "price shock",
      "curve twists",
      "hedged cost against budget",
      "variation margin from 2026-11-01",
      "month end",
    ])
      expect(text).toContain(part);
    expect(text).not.toContain(ESC);
    expect(scenariosCsv(results, twists).split("\n")[0]).toBe(
      "priceShock,volumeCase,tokens,unhedgedCost,futuresPnl,hedgedCost,effectivePrice,unhedgedEffectivePrice,overHedgedTokens,budget,vsBudget,peakMarginOutflow,twist,twistAmount",
    );
    // The worked month again, through the CSV: P50 at −50% settles December at 1.05.
    expect(runScenario(plan, -0.5, "mean").months[0]!.settlementPrice).toBe(1.05);
  });
});

describe("simulate views", () => {
  const plan = twoMonthPlan();
  const r = simulate({
    plan,
    volumes: fixedVolumes(plan, 5_000),
    model: { kind: "gbm", vol: 0.5 },
    seed: 42,
    asOf: "2026-11-01",
    budget: { kind: "total", usd: 52_000 },
  });
  const provenance = {
    volSource: "--vol",
    basisSource: "default",
    volumeSource: "fixed",
    notes: [],
    budget: { kind: "total" as const, usd: 52_000 },
  };

  it("JSON has the issue's fields, money in cents", () => {
    const doc = simulateDocument(plan, r, provenance);
    for (const k of [
      "seed",
      "paths",
      "unhedged",
      "hedged",
      "varianceReduction",
      "probOverBudget",
      "probOverHedge",
      "peakMarginP95",
      "sweep",
      "minVarianceRatio",
      "minCarRatio",
    ]) {
      expect(doc).toHaveProperty(k);
    }
    const u = doc.unhedged as Record<string, number>;
    expect(Object.keys(u)).toEqual(["mean", "sd", "p5", "p50", "p95", "p99", "costAtRisk95", "cvar95"]);
    for (const v of Object.values(u)) expect(Math.round(v * 100) / 100).toBe(v);
    expect((doc.sweep as unknown[]).length).toBe(151);
    expect(doc.paths).toBe(5_000);
  });

  it("human output: risk table, histogram and sweep chart, plain with colour off", () => {
    const text = simulateHuman(plan, r, provenance, { colour: false });
    for (const part of [
      "Cost-at-Risk 95% (P95 − mean)",
      "distribution of total cost",
      "hedge-ratio sweep",
      "minimum variance at 100%",
      "P(cost over budget $52,000.00 for the horizon)",
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain(ESC);
    expect(simulateHuman(plan, r, provenance, { colour: true })).toContain(ESC);
  });
});
