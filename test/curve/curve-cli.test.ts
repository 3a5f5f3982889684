/** `tokenhedge curve` through the real binary on the fixture curves (run `npm run build` first). */
import { describe, expect, it } from "vitest";
import { ACME, runCli, runJson } from "../helpers/run-cli.js";

interface CurveDoc {
  shape: string;
  kind: string;
  interpolated: string[];
  annualisedChange: number;
  rollYieldAnnualised: number;
  relativeToTrend: { shape: string; factorPerYear: number; curveAnnualChange: number } | null;
  months: { month: string; price: number; interpolated: boolean; trendPrice?: number }[];
}

const C = "fixtures/curves";

describe("curve on the fixtures: shape and the reading against the deflation trend", () => {
  it.each([
    [ACME.tokenCurve, [], "backwardation", "relative contango"],
    [`${C}/token-curve.json`, [], "backwardation", "relative contango"],
    [`${C}/token-gap.csv`, [], "backwardation", "relative contango"],
    [`${C}/token-steep.csv`, [], "backwardation", "relative backwardation"],
    [ACME.gpuCurve, ["--contract", ACME.gpuContract], "contango", null],
    [ACME.gpuCurve, ["--contract", ACME.gpuContract, "--deflation", "2x"], "contango", "relative contango"],
    [ACME.tokenCurve, ["--deflation", "none"], "backwardation", null],
  ])("%s %j: %s, %s", (file, extra, shape, relative) => {
    const doc = runJson<CurveDoc>(["curve", file, ...extra]);
    expect(doc.shape).toBe(shape);
    expect(doc.relativeToTrend?.shape ?? null).toBe(relative);
  });

  it("the token curve: −28.2% a year against the 10× trend, roll yield (2.10/1.55)^(12/11) − 1 = +39.28%", () => {
    const doc = runJson<CurveDoc>(["curve", ACME.tokenCurve]);
    expect(doc.kind).toBe("token");
    expect(doc.relativeToTrend!.factorPerYear).toBe(10);
    expect(doc.annualisedChange).toBeCloseTo(-0.282003, 6);
    expect(doc.rollYieldAnnualised).toBeCloseTo(0.392764, 6);
    expect(doc.months[12 - 1]!.trendPrice).toBeCloseTo(2.1 * Math.pow(10, -11 / 12), 6);
  });

  it("interpolated months are flagged in the JSON, the CSV, the table and on stderr", () => {
    const doc = runJson<CurveDoc>(["curve", `${C}/token-gap.csv`]);
    expect(doc.interpolated).toEqual(["2027-02", "2027-05"]);
    expect(doc.months.filter((m) => m.interpolated).map((m) => [m.month, m.price])).toEqual([
      ["2027-02", 1.99],
      ["2027-05", 1.835],
    ]);
    const human = runCli(["curve", `${C}/token-gap.csv`]);
    expect(human.stdout).toContain("2027-02 (interp.)");
    expect(human.stderr).toMatch(/no price for 2027-02, 2027-05; interpolated linearly/);
    const csv = runCli(["curve", `${C}/token-gap.csv`, "--csv"]).stdout.split("\n");
    expect(csv[0]).toBe("month,price,interpolated,change,changePct,rollYieldAnnualised,trendPrice,relativeToTrend");
    expect(csv[3]!.startsWith("2027-02,1.99,yes,")).toBe(true);
  });

  it("prints a terminal chart of the curve and the trend (and --no-chart leaves it out)", () => {
    const r = runCli(["--ascii", "curve", ACME.tokenCurve]);
    expect(r.stdout).toMatch(/futures curve 2026-12 … 2027-11/);
    expect(r.stdout).toMatch(/\* futures USD\/Mtok {3}\+ 10x\/yr deflation trend/);
    expect(runCli(["curve", ACME.tokenCurve, "--no-chart"]).stdout).not.toMatch(/futures curve 2026-12/);
  });

  it.each([
    [
      [`${C}/quarterly-unlisted.csv`, "--contract", `${C}/quarterly-contract.yaml`],
      3,
      /quarterly-unlisted\.csv:4:1: delivery month 2027-04 is not listed/,
    ],
    [[`${C}/bad-duplicate.json`], 3, /delivery month 2027-01 appears twice[\s\S]*key: +points\[2\]\.month/],
    [[`${C}/bad-price.json`], 3, /\[1\]\.price: a positive price/],
    [[ACME.tokenCurve, "--deflation", "fast"], 2, /--deflation "fast" is not a deflation rate/],
  ])("errors: %j → exit %i", (args, code, message) => {
    const r = runCli(["curve", ...args]);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });
});
