/** The executive summary's headline money (rounded) and the summary leading report.md / report.html of the Acme config. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmtMoneyShort } from "../../src/report/render/format.js";
import { runCli } from "../helpers/run-cli.js";

describe("fmtMoneyShort: three significant figures with K/M/B", () => {
  it("worked values", () => {
    expect([
      fmtMoneyShort(2_738_500),
      fmtMoneyShort(188_700),
      fmtMoneyShort(1_161_150),
      fmtMoneyShort(950),
      fmtMoneyShort(12_345),
      fmtMoneyShort(-4_000_000),
      fmtMoneyShort(3.2e9),
    ]).toEqual(["$2.74M", "$189K", "$1.16M", "$950", "$12.3K", "-$4.00M", "$3.20B"]);
  });

  it("under $100 the cents show when there are any, so a small total never reads $0", () => {
    expect([
      fmtMoneyShort(0.02),
      fmtMoneyShort(0),
      fmtMoneyShort(43.01),
      fmtMoneyShort(-0.5),
      fmtMoneyShort(99.996),
    ]).toEqual(["$0.02", "$0", "$43.01", "-$0.50", "$100"]);
  });
});

describe("executive summary on the Acme config", () => {
  const dir = mkdtempSync(join(tmpdir(), "th-exec-"));
  const r = runCli(["report", "--config", "fixtures/config/acme.config.yaml", "--out", dir, "--as-of", "2026-11-05"]);
  it("leads report.md with rounded headline money, the decisions and a sign-off block; the detail stays exact", () => {
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(dir, "report.md"), "utf8");
    const json = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as {
      summary: { contracts: number; lockedInCost: number; initialMargin: number };
    };
    expect(json.summary).toMatchObject({ contracts: 634, lockedInCost: 1171220, initialMargin: 190200 });
    expect(md.indexOf("## Executive summary")).toBeGreaterThan(0);
    expect(md.indexOf("## Executive summary")).toBeLessThan(md.indexOf("## Summary"));
    expect(md).toContain(
      "- **Recommendation**: Buy 634 Illustrative AI Token Price Index Futures (monthly) contracts, hedging 46.7% of the forecast (634.00 B tokens), locking in $1.17M.",
    );
    expect(md).toContain("- **Its cost**: Initial margin $190K held with the broker");
    // The exposure at the company's own price and at the curve: plan's company.totals, not the Monte Carlo's mean.
    const totals = (
      JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as {
        company: { totals: { companyCost: number; indexCost: number } };
      }
    ).company.totals;
    expect(totals).toMatchObject({ companyCost: 3260084.66, indexCost: 2414483.17 });
    expect(md).toContain("an expected $3.26M at the company's own price ($2.41M at today's futures prices).");
    expect(md).toMatch(/- \*\*Its cost\*\*: .*; simulated mean cost \$[\d.]+M hedged against \$[\d.]+M unhedged\./);
    expect(md).toMatch(/- \*\*What it buys\*\*: Cost-at-Risk \(95%\) \$[\d.]+M unhedged → \$[\d.]+M hedged/);
    expect(md).toContain("1. Approve the purchase of 634 contracts over 2026-12 … 2027-11 (12 months).");
    for (const role of ["Prepared by", "Reviewed by", "Approved by"]) expect(md).toContain(`| ${role} |`);
    expect(md).toContain("$1,171,220.00"); // the detail keeps exact money
  });
  it("its scenarios.csv is scenarios' own grid and default curve twists, variation margin included", () => {
    const own = runCli(["scenarios", "--config", "fixtures/config/acme.config.yaml", "--csv"]);
    expect(own.code, own.stderr).toBe(0);
    const csv = readFileSync(join(dir, "scenarios.csv"), "utf8");
    expect(csv).toBe(own.stdout);
    expect(csv.split("\n")[1]).toMatch(/,585610,,$/); // −50%: half the locked-in $1,171,220, paid as variation margin
  });

  it("leads report.html, on its own printed page", () => {
    const page = readFileSync(join(dir, "report.html"), "utf8");
    expect(page.indexOf('<section id="executive"')).toBeLessThan(page.indexOf('<section id="summary"'));
    expect(page).toContain("<dt>Recommendation</dt><dd>Buy 634 ");
    expect(page).toContain("section#executive{break-before:auto;break-after:page}");
    expect(page).toMatch(/<table class="signoff">.*Prepared by.*Reviewed by.*Approved by/s);
  });
});
