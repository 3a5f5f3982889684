/** `simulate --method parametric`: the delta-normal Cost-at-Risk alone, on the Monte Carlo's own inputs. */
import { describe, expect, it } from "vitest";
import { PLAN_ARGS, ACME, runCli } from "../helpers/run-cli.js";

interface Parts {
  method: string;
  price: number;
  volume: number;
  basis: number;
  total: number;
}
interface Side {
  mean: number;
  sd: number;
  costAtRisk: number;
}
interface Doc {
  method?: string;
  paths: number;
  contracts: number;
  parametric: { method: string; confidence: number; z: number; unhedged: Side; hedged: Side };
  costAtRiskParts: { unhedged: Parts; hedged: Parts };
  varianceReduction: number | null;
  probOverBudget: number | null;
  sweep?: unknown;
}

const BASE = ["simulate", ACME.usage, ...PLAN_ARGS, "--history", ACME.priceHistory, "--paths", "2000"];

describe("simulate --method parametric on the fixtures", () => {
  const parametric = runCli([...BASE, "--method", "parametric", "--json"]);
  const doc = JSON.parse(parametric.stdout) as Doc;
  const monteCarlo = JSON.parse(runCli([...BASE, "--json"]).stdout) as Doc;

  it("gives the same delta-normal figures and Euler parts as the Monte Carlo run's table, without its paths", () => {
    expect(parametric.code).toBe(0);
    expect(doc.method).toBe("parametric");
    expect(doc.parametric).toEqual(monteCarlo.parametric);
    expect(doc.costAtRiskParts).toEqual(monteCarlo.costAtRiskParts);
    expect(doc.contracts).toBe(monteCarlo.contracts);
    expect(doc.sweep).toBeUndefined();
  });

  it("CaR = z·σ, and the parts sum to the total to the cent", () => {
    for (const side of ["unhedged", "hedged"] as const) {
      const f = doc.parametric[side];
      expect(f.costAtRisk).toBeCloseTo(doc.parametric.z * f.sd, 0);
      const p = doc.costAtRiskParts[side];
      expect(Math.abs(p.price + p.volume + p.basis - p.total)).toBeLessThanOrEqual(0.02);
      expect(p.total).toBe(f.costAtRisk);
    }
  });

  it("P(over budget) is the normal tail of the hedged cost: budget = mean + z·σ gives 5%", () => {
    const h = doc.parametric.hedged;
    const budget = (h.mean + h.costAtRisk).toFixed(2);
    const r = JSON.parse(runCli([...BASE, "--method", "parametric", "--budget", budget, "--json"]).stdout) as Doc;
    expect(r.probOverBudget).toBeCloseTo(0.05, 4);
  });

  it("--sizing chooses the hedge ratios with --method parametric, and is refused without it (exit 2)", () => {
    const plan = JSON.parse(
      runCli(["plan", ACME.usage, ...PLAN_ARGS, "--history", ACME.priceHistory, "--method", "mvhr", "--json"]).stdout,
    ) as { totals: { contracts: number } };
    const sized = JSON.parse(runCli([...BASE, "--method", "parametric", "--sizing", "mvhr", "--json"]).stdout) as Doc;
    expect(sized.contracts).toBe(plan.totals.contracts);
    const refused = runCli([...BASE, "--sizing", "mvhr"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--sizing applies with --method parametric only");
  });

  it("prints the table and writes CSV rows figure,unhedged,hedged", () => {
    const human = runCli([...BASE, "--method", "parametric"]);
    expect(human.stdout).toContain("Delta-normal Cost-at-Risk (no price paths)");
    expect(human.stdout).toContain("of which basis");
    const csv = runCli([...BASE, "--method", "parametric", "--csv"])
      .stdout.trim()
      .split("\n");
    expect(csv[0]).toBe("figure,unhedged,hedged");
    expect(csv.map((l) => l.split(",")[0])).toEqual(["figure", "mean", "sd", "costAtRisk", "price", "volume", "basis"]);
  });
});
