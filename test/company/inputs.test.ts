/** Price file, mix file, commitments and usage-derived prices: parsing, errors with file:line, and the blend. */
import { describe, expect, it } from "vitest";
import { HedgeError } from "../../src/errors.js";
import { Dec } from "../../src/money/decimal.js";
import { parsePriceFile, priceFor } from "../../src/company/price-file.js";
import { blendedPrice, parseMixFile } from "../../src/company/mix.js";
import { applyCommitments, parseCommitments } from "../../src/company/commitments.js";
import { monthlyCompanyPrice, usagePrices } from "../../src/company/usage-prices.js";
import { resolveCompanyPricing } from "../../src/company/pricing.js";
import type { UsageCell } from "../../src/ingest/types.js";

const errorOf = (f: () => unknown): HedgeError => {
  try {
    f();
  } catch (e) {
    return e as HedgeError;
  }
  throw new Error("no error");
};

const PRICES_CSV = `provider,model,kind,usdPerMtok,effectiveFrom
openai,gpt-4.1,input,2.00,2025-01-01
openai,gpt-4.1,output,8.00,2025-01-01
openai,gpt-4.1,input,1.60,2027-03-01
*,*,cached_input,0.50,2025-01-01
`;

describe("price file", () => {
  it("reads CSV and takes the latest row in force by the month's first day", () => {
    const t = parsePriceFile(PRICES_CSV, "p.csv");
    expect(t.rows).toHaveLength(4);
    expect(priceFor(t, "openai", "gpt-4.1", "input", "2027-02")?.usdPerMtok).toBe(2);
    // The list-price cut dated 2027-03-01 applies from March.
    expect(priceFor(t, "openai", "gpt-4.1", "input", "2027-03")?.usdPerMtok).toBe(1.6);
    expect(priceFor(t, "anthropic", "claude", "cached_input", "2027-03")?.usdPerMtok).toBe(0.5);
    expect(priceFor(t, "openai", "gpt-4.1", "input", "2024-12")).toBeUndefined();
  });

  it("reads YAML with line numbers", () => {
    const yaml =
      "prices:\n  - {provider: openai, model: gpt-4.1, kind: input, usdPerMtok: 2.0, effectiveFrom: 2025-01-01}\n  - {provider: openai, model: gpt-4.1, kind: output, usdPerMtok: x, effectiveFrom: 2025-01-01}\n";
    const e = errorOf(() => parsePriceFile(yaml, "p.yaml"));
    expect(e.code).toBe("INPUT_NUMBER_PARSE");
    expect(e.location).toBe("p.yaml:3");
    expect(parsePriceFile(yaml.replace("x,", "8,"), "p.yaml").rows[1]!.usdPerMtok).toBe(8);
  });

  it("names the file and line of a bad date or a missing column", () => {
    const e = errorOf(() => parsePriceFile(PRICES_CSV.replace("2027-03-01", "2027-3-1"), "p.csv"));
    expect(e.code).toBe("INPUT_DATE_PARSE");
    expect(e.location).toBe("p.csv:4");
    expect(e.details.value).toBe("2027-3-1");
    const m = errorOf(() => parsePriceFile("provider,model,kind,price\n", "p.csv"));
    expect(m.code).toBe("INPUT_MISSING_COLUMN");
  });
});

const cell = (day: string, model: string, kind: string, tokens: bigint, cost: string): UsageCell => ({
  day,
  provider: "openai",
  model,
  project: "",
  kind,
  tokens,
  cost: new Dec(cost),
});

// Three complete months; in each: 1e9 input at 2.00 (2,000.00) and 0.25e9 output at 8.00 (2,000.00).
const CELLS: UsageCell[] = ["2026-08", "2026-09", "2026-10"].flatMap((m) => [
  cell(`${m}-01`, "gpt-4.1", "input", 1_000_000_000n, "2000.00"),
  cell(`${m}-01`, "gpt-4.1", "output", 250_000_000n, "2000.00"),
]);

describe("usage-derived prices", () => {
  it("cost ÷ tokens per model and kind over the window, and the blended price", () => {
    const u = usagePrices(CELLS, ["2026-08", "2026-09", "2026-10"], 2)!;
    expect(u.months).toEqual(["2026-09", "2026-10"]);
    expect(u.lines.map((l) => [l.kind, l.usdPerMtok, l.share])).toEqual([
      ["input", 2, 0.8],
      ["output", 8, 0.2],
    ]);
    // 8,000.00 ÷ 2,500 Mtok = 3.20 USD/Mtok.
    expect(u.blendedUsdPerMtok).toBe(3.2);
    expect(monthlyCompanyPrice(CELLS, ["2026-10"]).get("2026-10")).toBe(3.2);
  });

  it("a mix file and a dated price cut change the blend", () => {
    const mix = parseMixFile(
      "provider,model,kind,share\nopenai,gpt-4.1,input,0.5\nopenai,gpt-4.1,output,0.5\n",
      "mix.csv",
    );
    const table = parsePriceFile(PRICES_CSV, "p.csv");
    // 0.5·2.00 + 0.5·8.00 = 5.00; after the cut 0.5·1.60 + 0.5·8.00 = 4.80.
    expect(blendedPrice(mix, { table }, "2027-02")).toBeCloseTo(5, 12);
    expect(blendedPrice(mix, { table }, "2027-03")).toBeCloseTo(4.8, 12);
    expect(errorOf(() => parseMixFile("provider,model,kind,share\na,b,c,0.4\n", "mix.csv")).code).toBe("INPUT_INVALID");
  });

  it("resolves the source in order: price file, usage, index; the basis defaults to sticky with a warning", () => {
    const months = [{ month: "2027-01", indexPrice: 2 }];
    const base = { cells: CELLS, completeMonths: ["2026-08", "2026-09", "2026-10"], months };
    const usage = resolveCompanyPricing(base);
    expect(usage.source).toBe("usage");
    expect(usage.priceByMonth.get("2027-01")).toBeCloseTo(3.2, 12);
    expect(usage.basis.method).toBe("sticky");
    expect(usage.warnings.some((w) => w.includes("sticky"))).toBe(true);
    const file = resolveCompanyPricing({ ...base, prices: parsePriceFile(PRICES_CSV, "p.csv") });
    // Mix from the usage (0.8 input, 0.2 output) × the file's prices: 0.8·2 + 0.2·8 = 3.20.
    expect(file.source).toBe("prices");
    expect(file.priceByMonth.get("2027-01")).toBeCloseTo(3.2, 12);
    const index = resolveCompanyPricing({ ...base, cells: [], useIndex: true });
    expect(index.source).toBe("index");
    expect(index.basis.method).toBe("index");
    expect(index.priceByMonth.get("2027-01")).toBe(2);
    expect(errorOf(() => resolveCompanyPricing({ ...base, cells: [] })).code).toBe("USAGE_MISSING_FLAG");
  });
});

describe("commitments", () => {
  const file = parseCommitments(
    "provider,model,kind,from,to,tokensPerMonth,usdPerMtok\nopenai,gpt-4.1,*,2027-01,2027-06,1000000000,1.90\n",
    "c.csv",
  );
  const mix = [
    { provider: "openai", model: "gpt-4.1", kind: "input", share: 0.6 },
    { provider: "openai", model: "other", kind: "input", share: 0.4 },
  ];

  it("prices the committed volume at its fixed price and leaves the rest exposed", () => {
    // V = 2e9; gpt-4.1's share 0.6 → 1.2e9 covered; uses all 1e9 committed at 1.90 = 1,900.00; 1e9 uncommitted.
    const m = applyCommitments(file.commitments, mix, "2027-02", 2_000_000_000);
    expect(m).toEqual({
      committedTokens: 1e9,
      usedTokens: 1e9,
      uncommittedTokens: 1e9,
      committedCost: 1900,
      shortfallTokens: 0,
      shortfallCost: 0,
    });
  });

  it("shows the take-or-pay shortfall when volume falls below the commitment", () => {
    // V = 1e9 → 0.6e9 covered: 0.4e9 committed tokens unused, 0.4e3 Mtok × 1.90 = 760.00 paid for nothing.
    const m = applyCommitments(file.commitments, mix, "2027-02", 1_000_000_000);
    expect(m.usedTokens).toBe(600_000_000);
    expect(m.uncommittedTokens).toBe(400_000_000);
    expect(m.shortfallTokens).toBe(400_000_000);
    expect(m.shortfallCost).toBe(760);
    expect(m.committedCost).toBe(1900);
    // Outside the period nothing applies.
    expect(applyCommitments(file.commitments, mix, "2027-07", 1e9).committedTokens).toBe(0);
  });

  it("names file and line of a bad month", () => {
    const e = errorOf(() =>
      parseCommitments(
        "provider,model,kind,from,to,tokensPerMonth,usdPerMtok\nopenai,*,*,2027-1,2027-06,1,1\n",
        "c.csv",
      ),
    );
    expect(e.location).toBe("c.csv:2:4");
  });
});
