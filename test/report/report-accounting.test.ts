import { describe, expect, it } from "vitest";
import { accountingSections } from "../../src/report/views/report-accounting.js";
import { buildPlan } from "../../src/hedge/plan.js";
import { contractSpecSchema } from "../../src/curve/contract.js";
import { policySchema } from "../../src/hedge/policy.js";

const spec = contractSpecSchema.parse({
  name: "c",
  underlying: "token-index",
  quoteUnit: "USD/Mtok",
  contractSize: 1e9,
  sizeUnit: "tokens",
  tickSize: 0.01,
  currency: "USD",
  initialMargin: 300,
  maintenanceMargin: 240,
});
const plan = buildPlan({
  forecast: [
    { month: "2027-01", mean: 70e9, p10: 60e9, p50: 70e9, p90: 80e9 },
    { month: "2027-02", mean: 90e9, p10: 80e9, p50: 90e9, p90: 99e9 },
  ],
  curve: [
    { month: "2027-01", price: 2 },
    { month: "2027-02", price: 1.9 },
  ],
  spec,
  policy: policySchema.parse({ ladder: [{ fromMonth: 1, toMonth: 2, ratio: 0.5 }] }),
});

describe("the memo's framework sections", () => {
  it("states the framework, the designation and the de-designated excess", () => {
    // The book holds 80 B tokens of January against a 70 B forecast: 10 B de-designated; February (45 B of 90 B) is not.
    const [fw, de] = accountingSections(
      {
        framework: "asc815",
        contractReferencesIndex: false,
        hedgedTokensByMonth: new Map([
          ["2027-01", 80e9],
          ["2027-02", 45e9],
        ]),
      },
      plan,
      "Token Index",
    );
    expect(fw!.paragraphs[0]).toContain("ASU 2017-12");
    expect(fw!.paragraphs[0]).toContain("no ineffectiveness is measured or recorded separately");
    expect(fw!.paragraphs[1]).toContain("the whole price risk");
    expect(de!.paragraphs[0]).toContain(
      "2027-01 10,000,000,000 tokens (hedged 80,000,000,000, forecast 70,000,000,000)",
    );
    expect(de!.paragraphs[0]).not.toContain("2027-02");
  });

  it("IFRS 9 with an index-linked purchase contract designates the price component and applies the lower-of test", () => {
    const [fw, de] = accountingSections({ framework: "ifrs9", contractReferencesIndex: true }, plan, "Token Index");
    expect(fw!.paragraphs[0]).toContain("§6.5.11(a)");
    expect(fw!.paragraphs[1]).toContain("the Token Index price component");
    expect(de!.paragraphs[0]).toContain("nothing is de-designated");
  });
});
