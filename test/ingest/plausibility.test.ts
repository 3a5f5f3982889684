/**
 * Impossible values: token counts beyond 2^63 − 1, non-finite or absurd costs,
 * UTC offsets beyond ±14:00 and years outside 2000–2099 are rejected at file:line:column; contract
 * sizes are whole positive numbers; a contract in another currency than its quotes is refused;
 * curve and history prices are finite; histories are in order, unique and (monthly) gap-free.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ingestUsage } from "../../src/ingest/index.js";
import { parseContractSpec } from "../../src/curve/contract.js";
import { parseCurve } from "../../src/curve/parse-curve.js";
import { parsePriceHistory } from "../../src/hedge/methods/price-history.js";
import { checkPeriods } from "../../src/csv/periods.js";
import { errorOf } from "../helpers/error-of.js";
import { ACME, ROOT } from "../helpers/run-cli.js";

const usage = (row: string) => errorOf(() => ingestUsage(`date,model,tokens,cost\n${row}\n`, { file: "u.csv" }));

describe("plausibility: usage cells", () => {
  it("2^63 − 1 tokens are accepted, one more is refused at the cell", () => {
    // 9223372036854775807 = 2^63 − 1, the largest signed 64-bit count.
    expect(ingestUsage("date,model,tokens\n2026-01-01,m,9223372036854775807\n", { file: "u.csv" }).totalTokens).toBe(
      9223372036854775807n,
    );
    const e = usage("2026-01-01,m,9223372036854775808,1");
    expect(e.code).toBe("INPUT_NUMBER_PARSE");
    expect(e.location).toBe("u.csv:2:3");
    expect(e.message).toMatch(/beyond 2\^63 − 1/);
  });

  it("tokens 1e309 (∞ as a float) are refused", () => {
    expect(usage("2026-01-01,m,1e309,1").message).toMatch(/beyond 2\^63 − 1/);
  });

  it("a cost of 1e309 or 10^16 is refused as implausible; 10^14 is fine", () => {
    const e = usage("2026-01-01,m,5,1e309");
    expect(e.location).toBe("u.csv:2:4");
    expect(e.message).toMatch(/not plausible/);
    expect(usage("2026-01-01,m,5,10000000000000000").message).toMatch(/not plausible/);
    expect(
      ingestUsage("date,model,tokens,cost\n2026-01-01,m,5,100000000000000\n", { file: "u.csv" }).totalCost?.toFixed(),
    ).toBe("100000000000000");
  });

  it("a UTC offset of +25:00 (or minutes past 59) is not a date; +14:00 is", () => {
    const e = usage("2026-01-01T10:00:00+25:00,m,5,1");
    expect(e.code).toBe("INPUT_DATE_PARSE");
    expect(e.location).toBe("u.csv:2:1");
    expect(usage("2026-01-01T10:00:00+05:75,m,5,1").code).toBe("INPUT_DATE_PARSE");
    expect(ingestUsage("date,model,tokens\n2026-01-01T10:00:00+14:00,m,5\n", { file: "u.csv" }).totalTokens).toBe(5n);
  });

  it("a year-2999 typo is refused at the cell, not turned into 355,000 missing days", () => {
    const e = errorOf(() => ingestUsage("date,model,tokens\n2026-01-01,m,5\n2999-01-02,m,6\n", { file: "u.csv" }));
    expect(e.code).toBe("INPUT_DATE_PARSE");
    expect(e.location).toBe("u.csv:3:1");
    expect(e.message).toMatch(/not plausible/);
    expect(usage("1899-12-31,m,5,1").code).toBe("INPUT_DATE_PARSE");
  });
});

describe("plausibility: contracts and curves", () => {
  const spec = JSON.parse(readFileSync(join(ROOT, ACME.tokenContract), "utf8")) as Record<string, unknown>;
  const withSpec = (patch: Record<string, unknown>) =>
    errorOf(() => parseContractSpec(JSON.stringify({ ...spec, ...patch }), "c.json"));

  it("contract size 1e-300 and 1.5 are refused: whole positive units only", () => {
    expect(withSpec({ contractSize: 1e-300 }).message).toMatch(/contractSize: a whole number of units/);
    expect(withSpec({ contractSize: 1.5 }).message).toMatch(/contractSize: a whole number of units/);
    expect(withSpec({ contractSize: 0 }).code).toBe("CONTRACT_INVALID");
    expect(withSpec({ contractSize: 1e300 }).message).toMatch(/at most 1e15/);
  });

  it("a EUR contract quoted in USD/Mtok is refused (no FX input exists)", () => {
    const e = withSpec({ currency: "EUR" });
    expect(e.exitCode).toBe(3);
    expect(e.message).toMatch(/currency: the contract is quoted in USD\/Mtok, so its currency must be USD/);
  });

  it("a curve price of 1e309 is refused at file:line:column", () => {
    const e = errorOf(() => parseCurve("month,price\n2027-01,2.1\n2027-02,1e309\n", "c.csv"));
    expect(e.location).toBe("c.csv:3:2");
    expect(errorOf(() => parseCurve('[{"month":"2027-01","price":1e308}]', "c.json")).code).toBe("CURVE_INVALID");
  });
});

describe("plausibility: histories validated like curves", () => {
  it("a duplicated period is refused with both lines", () => {
    const e = errorOf(() => parsePriceHistory("period,spot,futures\n2026-01,1,1\n2026-02,2,2\n2026-02,3,3\n", "h.csv"));
    expect(e.message).toBe("period 2026-02 appears twice (lines 3 and 4)");
    expect(e.location).toBe("h.csv:4:1");
  });

  it("an out-of-order period is refused", () => {
    expect(errorOf(() => parsePriceHistory("month,spot,futures\n2026-02,1,1\n2026-01,2,2\n", "h.csv")).message).toMatch(
      /not in order: 2026-01 after 2026-02/,
    );
  });

  it("a missing month is a gap, not a one-month change", () => {
    expect(
      errorOf(() => parsePriceHistory("period,spot,futures\n2026-01,1,1\n2026-03,2,2\n", "h.csv")).message,
    ).toMatch(/gap: 2026-03 follows 2026-01/);
  });

  it("daily histories may skip days (weekends) but not repeat or go back; plain labels need only be unique", () => {
    expect(() =>
      checkPeriods(["2026-01-02", "2026-01-05"], [2, 3], { file: "h.csv", column: 1, field: "date" }),
    ).not.toThrow();
    expect(() =>
      checkPeriods(["2026-01-05", "2026-01-02"], [2, 3], { file: "h.csv", column: 1, field: "date" }),
    ).toThrow(/not in order/);
    expect(() => checkPeriods(["3", "1", "2"], [2, 3, 4], { file: "h.csv", column: 1, field: "period" })).not.toThrow();
    expect(() => checkPeriods(["a", "a"], [2, 3], { file: "h.csv", column: 1, field: "period" })).toThrow(
      /appears twice/,
    );
  });

  it("a non-finite price in a history is refused", () => {
    expect(errorOf(() => parsePriceHistory("period,spot,futures\n1,1e309,1\n", "h.csv")).code).toBe(
      "INPUT_NUMBER_PARSE",
    );
  });
});

describe("hostile reads: user regular expressions run in linear time", () => {
  it("a catastrophic pattern ^(a+)+$ on a long cell answers at once (RE2 semantics)", async () => {
    const { compileUserRegex } = await import("../../src/ingest/mapping/user-regex.js");
    const re = compileUserRegex("^(a+)+$");
    const started = performance.now();
    // Backtracking engines take exponential time here: 2^30 ways to split 30 a's, then the "b" fails them all.
    expect(re.test("a".repeat(30) + "b")).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
    expect(compileUserRegex("gpt-(\\d)").extract("x GPT-4o")).toBe("4");
    expect(compileUserRegex("claude").extract("Claude Sonnet")).toBe("Claude");
  });

  it("a mapping pattern with a backreference is refused when the mapping loads", async () => {
    const { parseMappingText } = await import("../../src/ingest/mapping/load.js");
    const e = errorOf(() =>
      parseMappingText(
        "quantity:\n  column: tokens\n  kind:\n    column: token_type\ndate:\n  column: date\nmodel:\n  column: model\n  pattern: '(a)\\1'\n",
        "m.yaml",
      ),
    );
    expect(e.code).toBe("CONFIG_INVALID");
    expect(e.details.expected).toMatch(/RE2 syntax/);
  });
});
