/**
 * One test per export profile: the fixture under fixtures/formats/<profile>/ is detected as that
 * export, and its monthly token and cost totals equal an independent reduction of the same file
 * written out here (csv-parse with named columns and the export's documented rules applied by hand:
 * which rows are tokens, which columns contain which, what unit the amounts are in).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { ingestUsage, totalsByPeriod } from "../../src/ingest/index.js";
import { Dec } from "../../src/money/decimal.js";

const DIR = join(__dirname, "../../fixtures/formats");

function load(profile: string, name: string): { text: string; rows: Record<string, string>[] } {
  const text = readFileSync(join(DIR, profile, name), "utf8");
  const rows = parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return { text, rows };
}

/** Monthly sums kept as exact BigInt tokens and Dec cost. */
class Expected {
  tokens = new Map<string, bigint>();
  cost = new Map<string, Dec>();
  addTokens(month: string, n: bigint): void {
    this.tokens.set(month, (this.tokens.get(month) ?? 0n) + n);
    if (!this.cost.has(month)) this.cost.set(month, new Dec(0));
  }
  addCost(month: string, amount: string): void {
    this.cost.set(month, (this.cost.get(month) ?? new Dec(0)).plus(new Dec(amount)));
    if (!this.tokens.has(month)) this.tokens.set(month, 0n);
  }
}

const int = (s: string | undefined): bigint => BigInt((s ?? "0").replace(/\.0+$/, "").replace(/,/g, "") || "0");
const unixMonth = (s: string): string => new Date(Number(s) * 1000).toISOString().slice(0, 7);

function check(profile: string, text: string, exp: Expected, withCost: boolean, file = "x.csv") {
  const s = ingestUsage(text, { file });
  expect(s.profile!.id).toBe(profile);
  const months = totalsByPeriod(s, "month");
  expect(months.map((m) => [m.period, m.tokens])).toEqual([...exp.tokens.entries()].sort());
  if (withCost)
    expect(months.map((m) => [m.period, m.cost!.toFixed()])).toEqual(
      [...exp.cost.entries()].sort().map(([k, v]) => [k, v.toFixed()]),
    );
  else expect(s.totalCost).toBeNull();
  return s;
}

describe("export profiles: fixtures ingest to independently recomputed monthly totals", () => {
  it("OpenAI usage export: cached input is inside input_tokens, blank buckets skipped", () => {
    const { text, rows } = load("openai-usage", "completions_usage_2026-01-28_2026-02-03.csv");
    const exp = new Expected();
    let cached = 0n;
    let uncached = 0n;
    for (const r of rows) {
      if (r.input_tokens === "") continue; // an empty bucket
      // input_tokens already counts the cached tokens: total = input + output.
      exp.addTokens(unixMonth(r.start_time!), int(r.input_tokens) + int(r.output_tokens));
      cached += int(r.input_cached_tokens);
      uncached += int(r.input_tokens) - int(r.input_cached_tokens);
    }
    const s = check("openai-usage", text, exp, false);
    expect(s.byKind.get("input_cache_read")).toBe(cached);
    expect(s.byKind.get("input_uncached")).toBe(uncached);
    expect(s.skipped!.find((x) => x.category === "empty")!.count).toBe(1);
  });

  it("OpenAI costs export: tokens from token line items, cost of every line item and the ungrouped total", () => {
    const { text, rows } = load("openai-costs", "cost_2026-01-28_2026-02-03.csv");
    const exp = new Expected();
    for (const r of rows) {
      const month = unixMonth(r.start_time!);
      if (r.amount_value === "") continue;
      if (r.quantity_unit !== "" && r.quantity_unit !== "tokens") continue; // tool calls: not token usage
      if (r.line_item !== "") exp.addTokens(month, int(r.quantity));
      exp.addCost(month, r.amount_value!);
    }
    check("openai-costs", text, exp, true);
  });

  it("Anthropic usage export: five disjoint token columns", () => {
    const { text, rows } = load("anthropic-usage", "claude_api_tokens_2026_01.csv");
    const exp = new Expected();
    for (const r of rows) {
      const cols = [
        "usage_input_tokens_no_cache",
        "usage_input_tokens_cache_write_5m",
        "usage_input_tokens_cache_write_1h",
        "usage_input_tokens_cache_read",
        "usage_output_tokens",
      ];
      exp.addTokens(
        r.usage_date_utc!.slice(0, 7),
        cols.reduce((a, c) => a + int(r[c]), 0n),
      );
    }
    const s = check("anthropic-usage", text, exp, false);
    expect([...s.byModel.keys()].sort()).toEqual(["claude-haiku-4-5-20251001", "claude-sonnet-4-5-20250929"]);
  });

  it("Anthropic cost export: cost only, display names normalised", () => {
    const { text, rows } = load("anthropic-cost", "claude_api_cost_2026_01.csv");
    const exp = new Expected();
    for (const r of rows) exp.addCost(r.usage_date_utc!.slice(0, 7), r.cost_usd!);
    const s = check("anthropic-cost", text, exp, true);
    expect(new Set(s.cells!.map((c) => c.model))).toEqual(new Set(["claude-sonnet-4-5", "claude-haiku-4-5"]));
  });

  it("AWS CUR 2.0: Bedrock token usage types × 1000, credits and tax in cost only, EC2 and throughput left out", () => {
    const { text, rows } = load("aws-cur", "bedrock-cur2.csv");
    const exp = new Expected();
    for (const r of rows) {
      if (r.line_item_product_code !== "AmazonBedrock") continue;
      const month = r.line_item_usage_start_date!.slice(0, 7);
      if (r.line_item_line_item_type === "Credit" || r.line_item_line_item_type === "Tax") {
        exp.addCost(month, r.line_item_unblended_cost!);
        continue;
      }
      if (!/tokens|token-count/.test(r.line_item_usage_type!)) continue;
      // Amounts are in 1K tokens with three decimals: 1234.567 → 1234567 tokens.
      const [whole, frac = ""] = r.line_item_usage_amount!.split(".");
      exp.addTokens(month, BigInt(whole!) * 1000n + BigInt(frac.padEnd(3, "0")));
      exp.addCost(month, r.line_item_unblended_cost!);
    }
    const s = check("aws-cur", text, exp, true);
    const credit = s.skipped!.find((x) => x.category === "cost-only")!;
    // -25 credit + 4.12 tax.
    expect(credit.cost![0]!.amount.toFixed()).toBe("-20.88");
  });

  it("Azure cost details: MM/DD/YYYY, BOM, CRLF, 1K/1M units, the raw-token row told by its cost, EUR", () => {
    const { text, rows } = load("azure-cost", "azure-cost-details-2026-01.csv");
    const exp = new Expected();
    for (const r of rows) {
      if (r.meterCategory !== "Cognitive Services") continue;
      const [mm, , yyyy] = r.date!.split("/");
      const month = `${yyyy}-${mm}`;
      const unit = r.unitOfMeasure === "1M" ? 1_000_000n : 1000n;
      const qty = new Dec(r.quantity!);
      // Pricing units when cost = quantity × price (to the micro-unit); otherwise the quantity is raw tokens.
      const pricingUnits = qty.times(r.effectivePrice!).minus(r.costInPricingCurrency!).abs().lt("0.01");
      exp.addTokens(month, pricingUnits ? BigInt(qty.times(unit.toString()).toFixed(0)) : BigInt(qty.toFixed(0)));
      exp.addCost(month, r.costInBillingCurrency!);
    }
    const s = check("azure-cost", text, exp, true);
    expect(s.currency).toBe("EUR");
    expect(s.findings!.find((f) => f.id === "unit-check")!.message).toMatch(/1 rows already in tokens/);
  });

  it("GCP billing report: quoted thousands separators, Vertex AI count SKUs only, unrounded subtotal", () => {
    const { text, rows } = load("gcp-billing", "gcp-billing-report.csv");
    const exp = new Expected();
    for (const r of rows) {
      if (r["Service description"] !== "Vertex AI" || r["Usage unit"] !== "count") continue;
      exp.addTokens(r.Date!.slice(0, 7), int(r["Usage amount"]));
      exp.addCost(r.Date!.slice(0, 7), r["Unrounded subtotal ($)"]!);
    }
    const s = check("gcp-billing", text, exp, true);
    expect([...s.byModel.keys()].sort()).toEqual(["gemini-2-5-flash", "gemini-2-5-pro"]);
  });

  it("FOCUS 1.2: ConsumedUnit Tokens rows, the credit in cost only", () => {
    const { text, rows } = load("focus", "focus-1.2-bedrock.csv");
    const exp = new Expected();
    for (const r of rows) {
      const month = r.ChargePeriodStart!.slice(0, 7);
      if (r.ChargeCategory === "Credit") exp.addCost(month, r.BilledCost!);
      if (r.ConsumedUnit !== "Tokens") continue;
      exp.addTokens(month, int(r.ConsumedQuantity));
      exp.addCost(month, r.BilledCost!);
    }
    check("focus", text, exp, true);
  });

  it("LiteLLM daily spend: cache tokens inside prompt_tokens", () => {
    const { text, rows } = load("litellm", "LiteLLM_DailyUserSpend.csv");
    const exp = new Expected();
    let reads = 0n;
    for (const r of rows) {
      exp.addTokens(r.date!.slice(0, 7), int(r.prompt_tokens) + int(r.completion_tokens));
      exp.addCost(r.date!.slice(0, 7), r.spend!);
      reads += int(r.cache_read_input_tokens);
    }
    const s = check("litellm", text, exp, true);
    expect(s.byKind.get("input_cache_read")).toBe(reads);
  });

  it("OpenRouter activity: reasoning inside completion, BYOK not billed", () => {
    const { text, rows } = load("openrouter", "openrouter_activity.csv");
    const exp = new Expected();
    for (const r of rows) {
      exp.addTokens(r.Date!.slice(0, 7), int(r["Prompt Tokens"]) + int(r["Completion Tokens"]));
      exp.addCost(r.Date!.slice(0, 7), r.Usage!);
    }
    const s = check("openrouter", text, exp, true);
    expect([...s.byProvider!.keys()].sort()).toEqual(["anthropic", "deepseek", "openai"]);
  });

  it("DeepSeek amount CSV: long by type, request_count skipped, days as written (+08:00)", () => {
    const { text, rows } = load("deepseek", "amount-2026-01.csv");
    const exp = new Expected();
    for (const r of rows) if (r.type !== "request_count") exp.addTokens(r.start_time_iso!.slice(0, 7), int(r.amount));
    const s = check("deepseek", text, exp, false);
    expect(s.firstDay).toBe("2026-01-28");
    // In UTC each +08:00 midnight is the previous day: 2026-02-01T00:00+08:00 belongs to January.
    const utc = ingestUsage(text, { file: "x.csv", tz: "UTC" });
    expect(utc.firstDay).toBe("2026-01-27");
    const feb1 = rows
      .filter((r) => r.start_time_iso!.startsWith("2026-02-01") && r.type !== "request_count")
      .reduce((a, r) => a + int(r.amount), 0n);
    expect(totalsByPeriod(utc, "month")[0]!.tokens).toBe(exp.tokens.get("2026-01")! + feb1);
  });

  it("generic per-request log: *_tokens columns become kinds, cached ⊂ input assumed and said", () => {
    const { text, rows } = load("generic", "requests.csv");
    const exp = new Expected();
    for (const r of rows) {
      exp.addTokens(r.timestamp!.slice(0, 7), int(r.input_tokens) + int(r.output_tokens));
      exp.addCost(r.timestamp!.slice(0, 7), r.cost_usd!);
    }
    const s = check("generic", text, exp, true);
    expect(s.profile!.notes.join("\n")).toMatch(/cached_input_tokens ⊂ input_tokens[\s\S]*--containment disjoint/);
    // Disjoint: every column added as it is.
    const d = ingestUsage(text, { file: "x.csv", containment: "disjoint" });
    const sum = (c: string) => rows.reduce((a, r) => a + int(r[c]), 0n);
    expect(d.totalTokens).toBe(sum("input_tokens") + sum("cached_input_tokens") + sum("output_tokens"));
  });

  it("GCP cost-table download: the 8-line preamble above the header is found and skipped", () => {
    const preamble = [
      "Invoice number,1234567890,",
      "Invoice date,2026-02-28,",
      "Due date,2026-03-30,",
      "Billing ID,0000-0000-0000,",
      "Billing account ID,0A0A0A-0B0B0B-0C0C0C,",
      "Currency,USD,",
      "Currency exchange rate,1,",
      "Total amount due,$5.72,",
    ];
    const header =
      "Billing account name,Billing account ID,Project name,Project ID,Project hierarchy,Service description,Service ID,SKU description,SKU ID,Consumption model description,Credit type,Cost type,Usage start date,Usage end date,Usage amount,Usage unit,Unrounded Cost ($),Cost ($)";
    const rows = [
      'Acme,0A0A,Prod,prod-1,acme.com,Vertex AI,C7E2,Gemini 2.5 Flash Text Input - Predictions,A1,Default,,Usage,2026-02-01,2026-02-28,"1,000,000",count,0.300000,0.30',
      'Acme,0A0A,Prod,prod-1,acme.com,Vertex AI,C7E2,Gemini 2.5 Flash Text Output - Predictions,A2,Default,,Usage,2026-02-01,2026-02-28,"200,000",count,0.500000,0.50',
    ];
    const s = ingestUsage([...preamble, header, ...rows].join("\n") + "\n", { file: "gcp.csv" });
    expect(s.profile!.id).toBe("gcp-billing");
    expect(s.profile!.reason).toMatch(/header on line 9, 8 preamble lines skipped/);
    expect(s.headerLine).toBe(9);
    // 1,000,000 + 200,000 tokens; cost from the unrounded column: 0.30 + 0.50.
    expect(s.totalTokens).toBe(1_200_000n);
    expect(s.totalCost!.toFixed()).toBe("0.8");
    expect(Object.fromEntries(s.byKind)).toEqual({ input_uncached: 1_000_000n, output: 200_000n });
  });

  it("--exclude-credits leaves credit and tax rows out of cost too", () => {
    const { text } = load("aws-cur", "bedrock-cur2.csv");
    const all = ingestUsage(text, { file: "x.csv" });
    const net = ingestUsage(text, { file: "x.csv", excludeCredits: true });
    // The credit (−25) and the tax (+4.12) together are −20.88.
    expect(net.totalCost!.minus(all.totalCost!).toFixed()).toBe("20.88");
    expect(net.totalTokens).toBe(all.totalTokens);
    expect(net.skipped!.find((x) => x.reason.includes("--exclude-credits"))!.count).toBe(2);
  });
});
