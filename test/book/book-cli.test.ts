/**
 * The hedge book through the CLI on the fixtures: plan → book → plan --book → diff, worked by hand; Hull's
 * stack-and-roll and basis examples through `basis`; bad books exit 3 with their place.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";

const CONFIG = "fixtures/config/acme.config.yaml";
const BOOK = ["--book", "fixtures/acme/book.csv", "--settlements", "fixtures/acme/settlements.csv"];

interface Doc {
  months: {
    month: string;
    contracts: number;
    targetContracts: number;
    heldContracts: number;
    trade: { side: string; contracts: number };
    unwindPnl: number;
  }[];
  trades: { month: string; side: string; contracts: number; price: number; value: number }[];
  book: {
    months: {
      month: string;
      status: string;
      realisedPnl: number;
      unrealisedPnl: number;
      lockedInPrice: number | null;
    }[];
    totals: Record<string, number>;
  };
}

describe("plan --book on the fixtures", () => {
  const doc = runJson<Doc>(["plan", "--config", CONFIG, ...BOOK]);

  it("trades each month from what is held to the target", () => {
    // 2026-12 (forecast 78.81 B, P10 71.20 B): target ⌊0.80 × 78.81⌋ = 63; maximum = min(⌊0.90 × 78.81⌋ = 70, ⌊P10 71.20⌋ = 71) = 70;
    // held 48 + 26 = 74 → sell 4.
    const dec = doc.months[0]!;
    expect([dec.targetContracts, dec.heldContracts, dec.trade]).toEqual([63, 74, { side: "sell", contracts: 4 }]);
    // Sold at 2.10: 4 × 1,000 Mtok × 2.10 = $8,400; against the average 161.28 / 74: 4,000 × (2.10 − 2.17946) = −$317.84.
    expect(doc.trades[0]).toMatchObject({ month: "2026-12", side: "sell", contracts: 4, price: 2.1, value: 8_400 });
    expect(dec.unwindPnl).toBe(-317.84);
    // 2027-01: 67 − 55 = buy 12; 2027-03: 57 − (38 − 4) = buy 23; 2027-06 (nothing held): buy 45.
    const trade = (m: string) => doc.months.find((x) => x.month === m)!.trade;
    expect([trade("2027-01"), trade("2027-03"), trade("2027-06")]).toEqual([
      { side: "buy", contracts: 12 },
      { side: "buy", contracts: 23 },
      { side: "buy", contracts: 45 },
    ]);
  });

  it("marks the book: realised on settled and closed months, unrealised on the curve", () => {
    const m = (month: string) => doc.book.months.find((x) => x.month === month)!;
    // Settled: 58 × 1,000 × (2.26 − 2.31) = −2,900; 61 × 1,000 × (2.19 − 2.28) = −5,490.
    expect([m("2026-09").realisedPnl, m("2026-10").realisedPnl]).toEqual([-2900, -5490]);
    // Closed before delivery: 60 × 1,000 × (2.15 − 2.24) = −5,400.
    expect(m("2026-11")).toMatchObject({ status: "closed", realisedPnl: -5400, lockedInPrice: null });
    // Open: 74,000 × 2.10 − (48,000 × 2.19 + 26,000 × 2.16) = 155,400 − 161,280 = −5,880.
    expect(m("2026-12")).toMatchObject({ status: "open", unrealisedPnl: -5880, lockedInPrice: 2.1795 });
    // 2027-03: 4 sold back at 2.00 realise 4,000 × (2.00 − 2.03) = −120; 34 open at 1.93: 34,000 × (1.93 − 2.03) = −3,400.
    expect(m("2027-03")).toMatchObject({ realisedPnl: -120, unrealisedPnl: -3400 });
    // Realised −2,900 − 5,490 − 5,400 − 120 = −13,910; unrealised −5,880 − 4,200 − 3,960 − 3,400 − 2,400 − 2,000 = −21,840.
    expect(doc.book.totals).toMatchObject({
      realisedPnl: -13_910,
      unrealisedPnl: -21_840,
      variationMarginToDate: -35_750,
      buyContracts: 383,
      sellContracts: 4,
    });
  });

  it("add-only keeps the over-hedge and flags it", () => {
    const r = runCli(["plan", "--config", CONFIG, ...BOOK, "--rebalance", "add-only"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2026-12 .*\+74 .*–.*add-only: kept/);
    expect(r.stderr).toContain("rebalance add-only: over-hedged in 1 month, not unwound: 2026-12 holds 74 > 70");
  });

  it("book: and settlements: in a config, and the policy's rebalance key, do the same as the flags", () => {
    const dir = mkdtempSync(join(tmpdir(), "tokenhedge-book-"));
    const policy = JSON.parse(readFileSync("fixtures/acme/policy.json", "utf8")) as Record<string, unknown>;
    writeFileSync(join(dir, "policy.json"), JSON.stringify({ ...policy, rebalance: "add-only" }));
    const root = process.cwd();
    writeFileSync(
      join(dir, "hedge.config.yaml"),
      [
        `usage: ${root}/fixtures/acme/usage.csv`,
        `curve: ${root}/fixtures/acme/token-curve.csv`,
        `contract: ${root}/fixtures/acme/token-contract.json`,
        "policy: policy.json",
        `book: ${root}/fixtures/acme/book.csv`,
        `settlements: ${root}/fixtures/acme/settlements.csv`,
        "",
      ].join("\n"),
    );
    const d = runJson<Doc & { rebalance: string }>(["plan", "--config", join(dir, "hedge.config.yaml")]);
    expect(d.rebalance).toBe("add-only");
    expect(d.months[0]!.trade).toEqual({ side: "none", contracts: 0 });
    expect(d.book.totals.realisedPnl).toBe(-13_910);
  });

  it("diff of the plan before and after the book shows held and trades", () => {
    const dir = mkdtempSync(join(tmpdir(), "tokenhedge-book-"));
    const a = join(dir, "plan-1.json");
    const b = join(dir, "plan-2.json");
    writeFileSync(a, runCli(["plan", "--config", CONFIG, "--json"]).stdout);
    writeFileSync(b, runCli(["plan", "--config", CONFIG, ...BOOK, "--json"]).stdout);
    const d = runJson<{
      months: { month: string; status: string; heldContracts: { new: number }; trade: { new: string } }[];
      totals: { realisedPnl: { new: number } };
    }>(["diff", a, b]);
    expect(d.months[0]).toMatchObject({
      month: "2026-12",
      status: "changed",
      heldContracts: { new: 74 },
      trade: { new: "sell 4" },
    });
    expect(d.totals.realisedPnl.new).toBe(-13_910);
    const human = runCli(["diff", a, b]);
    expect(human.stdout).toContain("12 changed, 0 added, 0 removed, 0 unchanged.");
  });

  it("a bad book exits 3 with file:line:column", () => {
    const dir = mkdtempSync(join(tmpdir(), "tokenhedge-book-"));
    const bad = join(dir, "book.csv");
    writeFileSync(
      bad,
      "trade_id,trade_date,contract,delivery_month,side,contracts,trade_price\nT1,2026-10-01,token-contract.json,2027-01,long,ten,2.05\n",
    );
    const r = runCli(["plan", "--config", CONFIG, "--book", bad]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("book.csv:2:6");
    const other = join(dir, "other.csv");
    writeFileSync(
      other,
      "trade_id,trade_date,contract,delivery_month,side,contracts,trade_price\nT1,2026-10-01,gpu-contract.json,2027-01,long,1,2.05\n",
    );
    expect(runCli(["plan", "--config", CONFIG, "--book", other]).code).toBe(3);
  });
});

describe("the report with the book", () => {
  it("has the book's P&L and a month-on-month section against the previous report", () => {
    const dir = mkdtempSync(join(tmpdir(), "tokenhedge-report-"));
    const args = ["report", "--config", CONFIG, "--as-of", "2026-11-05", "--paths", "500"];
    expect(runCli([...args, "--out", join(dir, "2026-10")]).code).toBe(0);
    expect(
      runCli([
        ...args,
        "--out",
        join(dir, "2026-11"),
        ...BOOK,
        "--previous",
        join(dir, "2026-10"),
        "--framework",
        "asc815",
      ]).code,
    ).toBe(0);
    const md = readFileSync(join(dir, "2026-11", "report.md"), "utf8");
    expect(md).toContain("## Hedge book");
    expect(md).toContain("## Month on month");
    expect(md).toContain("### Accounting framework");
    const doc = JSON.parse(readFileSync(join(dir, "2026-11", "report.json"), "utf8")) as {
      book: { totals: { realisedPnl: number } };
      monthOnMonth: { months: { month: string; trade: { new: string } }[] };
    };
    expect(doc.book.totals.realisedPnl).toBe(-13_910);
    expect(doc.monthOnMonth.months[0]).toMatchObject({ month: "2026-12", trade: { new: "sell 4" } });
    expect(readFileSync(join(dir, "2026-11", "report.html"), "utf8")).toContain('<section id="book">');
  });
});

describe("textbook examples through the CLI", () => {
  it("Hull's stack and roll: 1.70 a barrel, $170,000, effective price 87.70", () => {
    const r = runJson<{ gainPerUnit: number; totalGain: number; effectivePrice: number }>([
      "basis",
      "--side",
      "short",
      "--legs",
      "fixtures/hull/stack-and-roll.csv",
      "--s1",
      "89",
      "--s2",
      "86",
      "--quantity",
      "100000",
    ]);
    expect(r).toMatchObject({ gainPerUnit: 1.7, totalGain: 170_000, effectivePrice: 87.7 });
  });

  it("Hull's basis examples: short 0.7750 cents per yen; long $68.90 a barrel, $1,378,000", () => {
    expect(
      runJson(["basis", "--side", "short", "--f1", "0.78", "--f2", "0.725", "--s2", "0.72", "--quantity", "50000000"]),
    ).toMatchObject({ effectivePrice: 0.775, total: 38_750_000 });
    expect(
      runJson(["basis", "--side", "long", "--f1", "68", "--f2", "69.10", "--s2", "70", "--quantity", "20000"]),
    ).toMatchObject({ effectivePrice: 68.9, total: 1_378_000 });
  });

  it("a short plan, hedge-ratio and effectiveness", () => {
    const plan = runJson<{ side: string; trades: { side: string }[] }>([
      "plan",
      "--config",
      CONFIG,
      "--side",
      "short",
      "--book",
      "fixtures/acme/book.csv",
    ]);
    expect(plan.side).toBe("short");
    // A seller's book of long futures is on the wrong side: every month is traded by selling.
    expect(plan.trades.every((t) => t.side === "sell")).toBe(true);
    expect(
      runJson<{ position: { contracts: number } }>([
        "hedge-ratio",
        "--history",
        "fixtures/hull/airline-changes.csv",
        "--changes",
        "--exposure",
        "2000000",
        "--contract-size",
        "42000",
        "--side",
        "short",
      ]).position.contracts,
    ).toBe(-37);
    const e = runJson<{
      dollarOffset: { cumulative: number };
      everyPeriod: { failedPeriods: string[] };
      accounting: { framework: string; ineffectiveness: number };
    }>([
      "effectiveness",
      "--history",
      "fixtures/acme/index-linked-price-history.csv",
      "--side",
      "short",
      "--contracts",
      "60",
      "--contract-size",
      "1000000000",
      "--exposure",
      "60000000000",
      "--quote-unit-size",
      "1000000",
      "--framework",
      "asc815",
    ]);
    // The mirror image of the long hedge: the same 25,200 / 26,400 = 95.5%, and the same three interim failures.
    expect(e.dollarOffset.cumulative).toBeCloseTo(25_200 / 26_400, 6);
    expect(e.everyPeriod.failedPeriods).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(e.accounting).toMatchObject({ framework: "asc815", ineffectiveness: 0 });
  });
});
