/** Scenarios and simulate answer in a sentence in their human output, not in --json or --csv. */
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const ARGS = ["fixtures/acme/usage.csv", "--config", "fixtures/config/acme.config.yaml"];

describe("scenarios", () => {
  it("answers after its tables, before the liquidity stress; not in --json or --csv", () => {
    const r = runCli(["scenarios", ...ARGS]);
    expect(r.code).toBe(0);
    const line = r.stdout.split("\n").find((l) => l.startsWith("At the P50 volume"));
    expect(line).toMatch(
      /^At the P50 volume the hedged cost is \$[\d.]+M–\$[\d.]+M across price shocks -50% … \+100% \(unhedged \$[\d.]+M\); worst of 18 scenarios \$[\d.]+M \(P90 volume, -50% shock\)/,
    );
    expect(r.stdout.indexOf(line!)).toBeLessThan(r.stdout.indexOf("liquidity stress"));
    for (const flag of ["--json", "--csv"])
      expect(runCli(["scenarios", ...ARGS, flag]).stdout).not.toContain("At the P50 volume");
  });
});

describe("simulate", () => {
  it("answers after its tables, before the liquidity stress; not in --json or --csv", () => {
    const r = runCli(["simulate", ...ARGS]);
    expect(r.code).toBe(0);
    const line = r.stdout.split("\n").find((l) => l.startsWith("Expected cost "));
    expect(line).toMatch(
      /^Expected cost \$[\d.]+M unhedged → \$[\d.]+M hedged; Cost-at-Risk 95% \$[\d.]+M → \$[\d.]+M \([+-]\d+\.\d%\); P\(over budget\) [\d.]+% → [\d.]+%; peak margin outflow P95 \$\d+K on top of \$190K initial margin \(5,000 paths\)\.$/,
    );
    expect(r.stdout.indexOf(line!)).toBeLessThan(r.stdout.indexOf("liquidity stress"));
    for (const flag of ["--json", "--csv"])
      expect(runCli(["simulate", ...ARGS, flag]).stdout).not.toContain("Expected cost $");
  });
});

describe("simulate --method parametric, and a seller", () => {
  it("parametric: the delta-normal answer after its table; not in --json", () => {
    const r = runCli(["simulate", ...ARGS, "--method", "parametric"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /\nDelta-normal Cost-at-Risk 95% \(z·σ\) \$[\d.]+M unhedged → \$[\d.]+M hedged \([+-]\d+\.\d%\): price \$[\d.]+K? → \$[\d.]+K, volume \$[\d.]+M → \$[\d.]+M; expected cost \$[\d.]+M → \$[\d.]+M; P\(over budget\), normal, [\d.]+% → [\d.]+%\.\n/,
    );
    expect(runCli(["simulate", ...ARGS, "--method", "parametric", "--json"]).stdout).not.toContain(
      "Delta-normal Cost-at-Risk 95% (z",
    );
  });

  it("--side short: simulate, parametric and scenarios answer in revenue", () => {
    const sim = runCli(["simulate", ...ARGS, "--side", "short", "--paths", "2000"]);
    expect(sim.code).toBe(0);
    expect(sim.stdout).toMatch(
      /\nHedging [\d,]+ contracts short (narrows|widens) the 95% revenue shortfall from \$[\d.]+[MK] to \$[\d.]+[MK] \([+-]\d+\.\d%\); expected revenue \$[\d.]+M unhedged → \$[\d.]+M hedged; peak margin outflow P95 \$\d+K on top of \$190K initial margin \(2,000 paths\)\.\n/,
    );
    expect(sim.stdout).not.toContain("Expected cost $");
    const parametric = runCli(["simulate", ...ARGS, "--side", "short", "--method", "parametric"]).stdout;
    expect(parametric).toMatch(
      /\nHedging [\d,]+ contracts short (narrows|widens) the 95% revenue shortfall \(delta-normal, z·σ\) from /,
    );
    // The header names the side (it said "long" for a seller) and the seller's sign convention.
    expect(parametric).toMatch(/\nplan: [\d,]+ contracts short\nside short: a seller's forecast sale/);
    expect(runCli(["scenarios", ...ARGS, "--side", "short"]).stdout).toMatch(
      /\nAt the P50 volume the hedged revenue is \$[\d.]+[MK]–\$[\d.]+M across price shocks -50% … \+100%/,
    );
  });
});
