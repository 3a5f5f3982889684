/** `simulate` through the real binary on the fixtures: the risk figures, the ratio sweep, determinism, the human output. */
import { describe, expect, it } from "vitest";
import { PLAN_ARGS, ACME, runCli } from "../helpers/run-cli.js";

interface Risk {
  mean: number;
  sd: number;
  p5: number;
  p50: number;
  p95: number;
  p99: number;
  costAtRisk95: number;
  cvar95: number;
}
interface SimDoc {
  schemaVersion: number;
  seed: number;
  paths: number;
  unhedged: Risk;
  hedged: Risk;
  varianceReduction: number;
  probOverBudget: number | null;
  probOverHedge: number;
  peakMarginP95: number;
  sweep: { ratio: number; mean: number; sd: number; costAtRisk95: number }[];
  minVarianceRatio: number;
  minCarRatio: number;
}

const ARGS = ["simulate", ACME.usage, ...PLAN_ARGS, "--paths", "20000", "--vol", "0.45"];

describe("simulate on the fixtures", () => {
  const first = runCli([...ARGS, "--json"]);
  const doc = JSON.parse(first.stdout) as SimDoc;

  it("at the company's sticky list price (no --history) the futures add risk; the risk figures are consistent", () => {
    expect(first.code).toBe(0);
    expect(doc).toMatchObject({ schemaVersion: 1, seed: 42, paths: 20000 });
    // A sticky basis: the company's cost does not follow the index, so the futures P&L is new risk, not an offset.
    expect(doc.hedged.costAtRisk95).toBeGreaterThan(doc.unhedged.costAtRisk95);
    expect((doc as unknown as { basis: { method: string } }).basis.method).toBe("sticky");
    for (const r of [doc.unhedged, doc.hedged]) {
      expect(r.p5).toBeLessThanOrEqual(r.p50);
      expect(r.p50).toBeLessThanOrEqual(r.p95);
      expect(r.p95).toBeLessThanOrEqual(r.p99);
      expect(r.costAtRisk95).toBeCloseTo(r.p95 - r.mean, 1);
      // CVaR 95% is the mean of the worst 5%: at least the P95.
      expect(r.cvar95).toBeGreaterThanOrEqual(r.p95);
    }
    expect(doc.varianceReduction).toBeCloseTo(1 - doc.hedged.sd ** 2 / doc.unhedged.sd ** 2, 6);
  });

  it("with --basis index the company's price follows the index and the hedge cuts Cost-at-Risk", () => {
    const r = runCli([
      "simulate",
      ACME.usage,
      ...PLAN_ARGS,
      "--paths",
      "4000",
      "--vol",
      "0.45",
      "--basis",
      "index",
      "--json",
    ]);
    type Side = { mean: number; sd: number; costAtRisk: number };
    const d = JSON.parse(r.stdout) as SimDoc & { parametric: { z: number; unhedged: Side; hedged: Side } };
    expect(d.hedged.costAtRisk95).toBeLessThan(d.unhedged.costAtRisk95);
    // Delta-normal CaR beside the Monte Carlo one: z₀.₉₅·σ with z₀.₉₅ = 1.644854, and the hedge lowers it too.
    expect(d.parametric.z).toBeCloseTo(1.644854, 6);
    expect(d.parametric.hedged.costAtRisk).toBeCloseTo(1.644854 * d.parametric.hedged.sd, -1);
    expect(d.parametric.hedged.costAtRisk).toBeLessThan(d.parametric.unhedged.costAtRisk);
  });

  it("sweeps 0% … 150% in 151 points and names the minimisers", () => {
    expect(doc.sweep).toHaveLength(151);
    expect(doc.sweep[0]!.ratio).toBe(0);
    expect(doc.sweep[150]!.ratio).toBeCloseTo(1.5, 12);
    const minSd = doc.sweep.reduce((a, b) => (b.sd < a.sd ? b : a));
    expect(doc.minVarianceRatio).toBeCloseTo(minSd.ratio, 12);
    // With a 0% hedge the "hedged" cost is the unhedged cost.
    expect(doc.sweep[0]!.sd).toBeCloseTo(doc.unhedged.sd, 2);
  });

  it("the same seed gives byte-identical JSON; another seed moves figures only within sampling error", () => {
    expect(runCli([...ARGS, "--json"]).stdout).toBe(first.stdout);
    const other = JSON.parse(runCli([...ARGS, "--json", "--seed", "7"]).stdout) as SimDoc;
    expect(other.unhedged.mean).not.toBe(doc.unhedged.mean);
    // Standard error of the mean = sd/√n; allow 5 of them.
    const se = doc.unhedged.sd / Math.sqrt(doc.paths);
    expect(Math.abs(other.unhedged.mean - doc.unhedged.mean)).toBeLessThan(5 * se * Math.SQRT2);
  });

  it("prints the risk table, the histogram and the sweep", () => {
    const r = runCli(ARGS);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Cost-at-Risk 95%/);
    expect(r.stdout).toMatch(/distribution of total cost, hedged vs unhedged/);
    expect(r.stdout).toMatch(/hedge-ratio sweep/);
    expect(r.stdout.includes("\u001b[")).toBe(false); // NO_COLOR: no escape codes
  });
});

describe("simulate's basis warning", () => {
  const base = ["simulate", ACME.usage, ...PLAN_ARGS, "--paths", "300"];

  it("says the sticky basis is assumed when nothing chose one", () => {
    const r = runCli(base);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: basis: sticky \(no --history\)/);
  });

  it("names its two peak-margin figures by their paths: month ends here, daily in the liquidity stress", () => {
    const r = runCli(base);
    expect(r.stdout).toMatch(/^variation margin at month ends, peak cumulative outflow: P50 /m);
    expect(r.stdout).toMatch(/variation margin of \d+ contracts along daily price paths/);
  });

  it("says nothing of it when the basis is typed in (--basis-noise): the typed basis is the one simulated", () => {
    const r = runCli([...base, "--basis-noise", "0.2", "--corr", "0.3"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/company price = 0 \+ 1 × index \+ noise \(sd 0\.2 USD\/Mtok\) \(flags\)/);
    expect(r.stderr).not.toMatch(/basis: sticky/);
  });
});
