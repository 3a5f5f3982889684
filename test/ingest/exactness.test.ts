/**
 * Exactness: token sums are exact past 2^53 (BigInt), money is exact to the last decimal and is
 * summed per currency, never across currencies; the `ingest --json` document's totals equal an
 * independent recomputation from the raw text.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ingestUsage, totalsByPeriod } from "../../src/ingest/index.js";
import { ExactDecimal, ExactInt } from "../../src/ingest/values/exact.js";
import { ingestDocument, ingestHuman } from "../../src/report/views/ingest.js";
import { toJson } from "../../src/report/json.js";

describe("exact sums", () => {
  it("ExactInt moves into BigInt before a float sum could round", () => {
    // 2^53 − 1 + 2 is 9007199254740993, which a float64 cannot hold (it rounds to …992).
    const a = new ExactInt();
    a.add(Number.MAX_SAFE_INTEGER);
    a.add(2);
    expect(a.value).toBe(9007199254740993n);
    expect(Number.MAX_SAFE_INTEGER + 2).toBe(9007199254740992); // the float answer is wrong
  });

  it("ExactDecimal sums mixed scales, negative amounts and long decimals exactly", () => {
    const d = new ExactDecimal();
    d.add(1, 1); // 0.1
    d.add(2, 1); // 0.2
    d.add(895874, 6); // 0.895874
    d.add(-5, 0); // −5
    d.addBig(123456789012345678901234567890n, 28); // 12.3456789012345678901234567890
    // 0.1 + 0.2 + 0.895874 − 5 + 12.345678901234567890123456789 = 8.541552901234567890123456789
    expect(d.toDec().toFixed()).toBe("8.541552901234567890123456789");
  });

  it("token totals up to 2^63 are exact, through the float fast path and the BigInt path", () => {
    // Two rows of 4,611,686,018,427,387,903 (2^62 − 1) plus rows of 2^52 that overflow the float path.
    const big = "4611686018427387903";
    const rows = ["date,tokens", `2026-01-01,${big}`, `2026-01-01,${big}`];
    for (let i = 0; i < 4; i++) rows.push("2026-01-02,4503599627370496");
    const s = ingestUsage(rows.join("\n"), { file: "big.csv" });
    // 2 × (2^62 − 1) + 4 × 2^52 = 2^63 − 2 + 2^54 = 9223372036854775806 + 18014398509481984
    expect(s.totalTokens).toBe(9223372036854775806n + 18014398509481984n);
    expect(s.days.map((d) => d.tokens)).toEqual([9223372036854775806n, 18014398509481984n]);
    // JSON writes them as exact integers.
    const json = toJson(ingestDocument(s, "day"));
    expect(json).toContain('"tokens": 9241386435364257790');
  });

  it("1,000 rows of one cent are 10.00 exactly (in floats the sum drifts)", () => {
    const rows = ["date,tokens,cost_usd"];
    let float = 0;
    for (let i = 0; i < 1000; i++) {
      rows.push("2026-01-01,1,0.01");
      float += 0.01;
    }
    expect(float).not.toBe(10);
    expect(ingestUsage(rows.join("\n"), { file: "c.csv" }).totalCost!.toFixed()).toBe("10");
  });

  it("a cost column that does not foot by rounding says so; one that foots says nothing", () => {
    // Three months of $0.005: each rounds (half up) to $0.01, the column adds to $0.03, the total 0.015 is $0.02.
    const text = "date,tokens,cost_usd\n2025-01-01,100,0.005\n2025-02-01,100,0.005\n2025-03-01,100,0.005\n";
    const out = ingestHuman(ingestUsage(text, { file: "f.csv" }), "month", false);
    expect(out).toContain(
      "costs are rounded to the cent per month: the column adds to $0.03, the total is $0.02 (exact 0.015 USD)",
    );
    const even = "date,tokens,cost_usd\n2025-01-01,100,0.25\n2025-02-01,100,0.005\n2025-03-01,100,0.004\n";
    // $0.25 + $0.01 + $0.00 = $0.26, and 0.259 rounds to $0.26: it foots.
    expect(ingestHuman(ingestUsage(even, { file: "g.csv" }), "month", false)).not.toContain("rounded to the cent");
  });

  it("currencies are never added together; --currency picks one", () => {
    const text = [
      "date,tokens,cost,currency",
      "2026-01-01,10,1.50,usd",
      "2026-01-01,20,2.25,EUR",
      "2026-01-02,30,0.75,USD",
    ].join("\n");
    const s = ingestUsage(text, { file: "m.csv" });
    expect(s.totalCost).toBeNull();
    expect(Object.fromEntries([...s.costByCurrency!].map(([k, v]) => [k, v.toFixed()]))).toEqual({
      USD: "2.25",
      EUR: "2.25",
    });
    expect(s.findings!.map((f) => f.id)).toContain("mixed-currencies");
    const eur = ingestUsage(text, { file: "m.csv", currency: "eur" });
    expect(eur.currency).toBe("EUR");
    expect(totalsByPeriod(eur, "day").map((d) => d.cost!.toFixed())).toEqual(["2.25", "0"]);
    // Tokens are not currency-specific: all 60 stay.
    expect(eur.totalTokens).toBe(60n);
  });
});

describe("ingest --json totals equal an independent recomputation", () => {
  it("on the per-request fixture", () => {
    const text = readFileSync(join(__dirname, "../../fixtures/formats/generic/requests.csv"), "utf8");
    const doc = JSON.parse(toJson(ingestDocument(ingestUsage(text, { file: "requests.csv" }), "month"))) as {
      periods: { period: string; tokens: number; costExact: string }[];
      totals: { tokens: number; cost: number; costExact: string; currency: string };
    };
    // By hand from the raw lines: tokens = input + output (cached is inside input); cost in micro-dollars.
    let tokens = 0n;
    let micro = 0n;
    const monthly = new Map<string, bigint>();
    for (const line of text.trim().split("\n").slice(1)) {
      const f = line.split(",");
      const t = BigInt(f[4]!) + BigInt(f[6]!);
      tokens += t;
      monthly.set(f[0]!.slice(0, 7), (monthly.get(f[0]!.slice(0, 7)) ?? 0n) + t);
      const [w, frac] = f[7]!.replace(/"/g, "").split(".");
      micro += BigInt(w!) * 1_000_000n + BigInt(frac!.padEnd(6, "0"));
    }
    expect(BigInt(doc.totals.tokens)).toBe(tokens);
    expect(doc.totals.currency).toBe("USD");
    const exact = `${micro / 1_000_000n}.${String(micro % 1_000_000n).padStart(6, "0")}`.replace(/\.?0+$/, "");
    expect(doc.totals.costExact).toBe(exact);
    expect(doc.periods.map((p) => [p.period, BigInt(p.tokens)])).toEqual([...monthly.entries()].sort());
  });
});
