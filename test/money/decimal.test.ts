import { describe, expect, it } from "vitest";
import { centsString, Dec, parseDecimal, toCents } from "../../src/money/decimal.js";

describe("exact money", () => {
  it("sums input money exactly where binary floats drift", () => {
    // 0.1 + 0.2 = 0.30000000000000004 in float64; ten thousand cents of 0.01 sum to 100.00 exactly.
    expect(new Dec("0.1").plus("0.2").toString()).toBe("0.3");
    let total = new Dec(0);
    for (let i = 0; i < 10_000; i++) total = total.plus("0.01");
    expect(centsString(total)).toBe("100.00");
    let float = 0;
    for (let i = 0; i < 10_000; i++) float += 0.01;
    expect(float).not.toBe(100); // the drift the decimal sum avoids
  });

  it("rounds to cents half away from zero", () => {
    expect(toCents(new Dec("2.345"))).toBe(2.35);
    expect(toCents(new Dec("2.344999"))).toBe(2.34);
    expect(toCents(new Dec("-2.345"))).toBe(-2.35);
    // 1.005 is 1.00499999999999989… as a float, but its shortest decimal text is "1.005": rounded as written.
    expect(toCents(1.005)).toBe(1.01);
  });

  it("writes two decimals, the JSON twin of a money number", () => {
    expect(centsString(18900)).toBe("18900.00");
    expect(centsString(new Dec("-0.005"))).toBe("-0.01");
    expect(centsString(new Dec("12.3"))).toBe("12.30");
  });

  it("parses plain decimal literals only", () => {
    expect(parseDecimal(" 12.50 ")?.toString()).toBe("12.5");
    expect(parseDecimal("-.5")?.toString()).toBe("-0.5");
    expect(parseDecimal("+7.")?.toString()).toBe("7");
    for (const bad of ["1e3", "1,000", "12.5.1", "", "-", ".", "NaN", "Infinity", "0x10", "$5"]) {
      expect(parseDecimal(bad), bad).toBeUndefined();
    }
  });

  it("keeps 40 significant digits, whatever the global Decimal settings", () => {
    const third = new Dec(1).dividedBy(3);
    expect(third.toString()).toBe(`0.${"3".repeat(40)}`);
  });
});
