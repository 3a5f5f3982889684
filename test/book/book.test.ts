import { describe, expect, it } from "vitest";
import { checkContract, netContracts, parseBook } from "../../src/book/book.js";
import { parseSettlements } from "../../src/book/settlements.js";
import { HedgeError } from "../../src/errors.js";

const HEADER = "trade_id,trade_date,contract,delivery_month,side,contracts,trade_price";

function errorOf(fn: () => unknown): HedgeError {
  try {
    fn();
  } catch (err) {
    if (err instanceof HedgeError) return err;
    throw err;
  }
  throw new Error("no error thrown");
}

describe("parseBook", () => {
  it("reads a CSV book with exact prices and nets a month", () => {
    const book = parseBook(
      `${HEADER}\nT1,2026-11-20,token-contract,2027-01,long,50,2.05\nT2,2026-11-25,token-contract,2027-01,short,8,2.11\n`,
      "book.csv",
    );
    expect(book.trades).toHaveLength(2);
    expect(book.trades[0]).toEqual({
      tradeId: "T1",
      tradeDate: "2026-11-20",
      contract: "token-contract",
      deliveryMonth: "2027-01",
      side: "long",
      contracts: 50,
      tradePrice: 2.05,
      source: "line 2",
      line: 2,
    });
    expect(netContracts(book.trades)).toBe(42); // 50 − 8
  });

  it("reads the same book from YAML, with or without a trades: key", () => {
    const list =
      "- { tradeId: T1, tradeDate: 2026-11-20, contract: c, deliveryMonth: 2027-01, side: long, contracts: 50, tradePrice: 2.05 }\n";
    expect(parseBook(list, "b.yaml").trades[0]!.tradePrice).toBe(2.05);
    const wrapped = parseBook(
      `trades:\n  - tradeId: T1\n    tradeDate: "2026-11-20"\n    contract: c\n    deliveryMonth: "2027-01"\n    side: short\n    contracts: 3\n    tradePrice: 1.9\n`,
      "b.yml",
    );
    expect(wrapped.trades[0]!.side).toBe("short");
    expect(wrapped.trades[0]!.source).toBe("trades[0]");
  });

  it("names file:line:column, the value and what was expected (exit 3)", () => {
    const e = errorOf(() => parseBook(`${HEADER}\nT1,2026-11-20,c,2027-01,long,-5,2.05\n`, "book.csv"));
    expect(e.exitCode).toBe(3);
    expect(e.location).toBe("book.csv:2:6");
    expect(e.details.value).toBe("-5");
    expect(e.details.expected).toBe("a whole number of contracts ≥ 1");
    expect(e.details.hint).toContain("side short");
    const side = errorOf(() => parseBook(`${HEADER}\nT1,2026-11-20,c,2027-01,buy,5,2.05\n`, "book.csv"));
    expect(side.location).toBe("book.csv:2:5");
    expect(side.details.value).toBe("buy");
    expect(errorOf(() => parseBook(`${HEADER}\nT1,2026-13-20,c,2027-01,long,5,2.05\n`, "b.csv")).location).toBe(
      "b.csv:2:2",
    );
    expect(errorOf(() => parseBook(`${HEADER}\nT1,2026-11-20,c,2027-1,long,5,2.05\n`, "b.csv")).location).toBe(
      "b.csv:2:4",
    );
    expect(errorOf(() => parseBook(`${HEADER}\nT1,2026-11-20,c,2027-01,long,5,abc\n`, "b.csv")).details.value).toBe(
      "abc",
    );
    expect(errorOf(() => parseBook(`${HEADER}\nT1,2027-02-01,c,2027-01,long,5,2\n`, "b.csv")).message).toContain(
      "after its delivery month",
    );
    const dup = errorOf(() =>
      parseBook(`${HEADER}\nT1,2026-11-20,c,2027-01,long,5,2\nT1,2026-11-21,c,2027-02,long,5,2\n`, "b.csv"),
    );
    expect(dup.location).toBe("b.csv:3:1");
    expect(dup.message).toContain("line 2 and line 3");
  });

  it("a missing column, a YAML type error and an unknown YAML key are errors with a place", () => {
    expect(errorOf(() => parseBook("trade_id,trade_date\nT1,2026-11-20\n", "b.csv")).code).toBe("INPUT_MISSING_COLUMN");
    const y = errorOf(() =>
      parseBook(
        "- tradeId: T1\n  tradeDate: 2026-11-20\n  contract: c\n  deliveryMonth: 2027-01\n  side: long\n  contracts: 2.5\n  tradePrice: 2\n",
        "b.yaml",
      ),
    );
    expect(y.location).toBe("b.yaml:6:14");
    expect(y.details.path).toBe("[0].contracts");
    const k = errorOf(() => parseBook("- tradeId: T1\n  qty: 3\n", "b.yaml"));
    expect(k.details.path).toBe("[0].qty");
    expect(errorOf(() => parseBook("a: 1\n", "b.yaml")).message).toContain("a list of trades");
    expect(errorOf(() => parseBook(`${HEADER}\n`, "b.csv")).code).toBe("INPUT_EMPTY");
  });

  it("a trade in another contract is refused", () => {
    const book = parseBook(
      `${HEADER}\nT1,2026-11-20,fixtures/acme/token-contract.json,2027-01,long,5,2\nT2,2026-11-20,Other,2027-01,long,5,2\n`,
      "b.csv",
    );
    const e = errorOf(() => checkContract(book, "Illustrative", "acme/token-contract.json"));
    expect(e.message).toContain("trade T2");
    expect(e.location).toBe("b.csv:3");
    expect(() =>
      checkContract({ ...book, trades: book.trades.slice(0, 1) }, "Illustrative", "../token-contract.json"),
    ).not.toThrow();
    expect(() => checkContract({ ...book, trades: book.trades.slice(1) }, "other", null)).not.toThrow();
  });
});

describe("parseSettlements", () => {
  it("reads month,settlement_price and refuses bad rows with their place", () => {
    expect([...parseSettlements("month,settlement_price\n2026-11,2.07\n2026-12,2.0\n", "s.csv")]).toEqual([
      ["2026-11", 2.07],
      ["2026-12", 2],
    ]);
    const e = errorOf(() => parseSettlements("month,settlement_price\n2026-11,-1\n", "s.csv"));
    expect(e.location).toBe("s.csv:2:2");
    expect(e.exitCode).toBe(3);
    expect(
      errorOf(() => parseSettlements("month,settlement_price\n2026-11,2\n2026-11,2\n", "s.csv")).message,
    ).toContain("settled twice");
    expect(errorOf(() => parseSettlements("m,p\n", "s.csv")).code).toBe("INPUT_MISSING_COLUMN");
  });
});
