/** The forecast table shows token figures in B tok like the plan table; JSON and CSV keep exact integers. */
import { describe, expect, it } from "vitest";
import { fmtTokens, tokenScale } from "../../src/report/render/format.js";
import { ACME, runCli, runJson } from "../helpers/run-cli.js";

describe("tokenScale / fmtTokens", () => {
  it("reads a table in the unit of its largest figure, two decimals", () => {
    const b = tokenScale(312_457_924_935);
    expect(b).toEqual({ unit: "B tok", divisor: 1e9 });
    expect(fmtTokens(78_904_680_095, b)).toBe("78.90");
    expect(fmtTokens(11_086_632_247, b)).toBe("11.09");
    expect(tokenScale(4_500_000)?.unit).toBe("M tok");
    expect(fmtTokens(4_567_890, tokenScale(4_567_890))).toBe("4.57");
    expect(tokenScale(2_000)?.unit).toBe("k tok");
    // Below a thousand the exact integers read fine.
    expect(tokenScale(999)).toBeNull();
    expect(fmtTokens(1234.4, null)).toBe("1,234");
  });
});

interface Doc {
  forecast: {
    period: string;
    mean: number;
    lo80: number;
    hi80: number;
    lo95: number;
    hi95: number;
    quantiles: { p50: number };
  }[];
}

describe("forecast on the usage fixture", () => {
  const doc = runJson<Doc>(["forecast", ACME.usage]);
  const human = runCli(["forecast", ACME.usage]);
  const csv = runCli(["forecast", ACME.usage, "--csv"]);

  it("prints the first forecast month in billions of tokens, under B tok headings", () => {
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /^month +mean B tok +P50 B tok +80% low B tok +80% high B tok +95% low B tok +95% high B tok$/m,
    );
    const p = doc.forecast[0]!;
    expect(p.period).toBe("2026-11");
    const b = (v: number): string => (v / 1e9).toFixed(2);
    const row = human.stdout.split("\n").find((l) => l.startsWith("2026-11 "));
    expect(row?.trim().split(/ +/)).toEqual([
      "2026-11",
      b(p.mean),
      b(p.quantiles.p50),
      b(p.lo80),
      b(p.hi80),
      b(p.lo95),
      b(p.hi95),
    ]);
    // The 11-digit integers are gone from the forecast table.
    expect(row).not.toMatch(/\d{1,3}(,\d{3}){3}/);
  });

  it("keeps exact integers in --json and --csv", () => {
    for (const p of doc.forecast)
      for (const v of [p.mean, p.lo80, p.hi80, p.lo95, p.hi95]) expect(Number.isInteger(v)).toBe(true);
    expect(doc.forecast[0]!.mean).toBeGreaterThan(1e9);
    const first = csv.stdout.split("\n")[1]!;
    const p = doc.forecast[0]!;
    expect(first).toBe([p.period, p.mean, p.lo80, p.hi80, p.lo95, p.hi95].join(","));
  });
});
