/** `scenarios --side short` through the CLI: a short position priced, a buyer's budget refused. */
import { describe, expect, it } from "vitest";
import { ACME, runCli } from "../helpers/run-cli.js";

const base = ["scenarios", ACME.usage, "--curve", ACME.tokenCurve, "--contract", ACME.tokenContract, "--ratio", "0.5"];

describe("scenarios --side short", () => {
  it("the short position's futures P&L is minus the long's in every scenario, and the table says revenue", () => {
    const long = JSON.parse(runCli([...base, "--json"]).stdout);
    const r = runCli([...base, "--side", "short", "--json"]);
    expect(r.code).toBe(0);
    const short = JSON.parse(r.stdout);
    expect(short.side).toBe("short");
    expect(short.signConvention).toMatch(/revenue negative/);
    short.scenarios.forEach((s: { futuresPnl: number; unhedgedCost: number; priceShock: number }, i: number) => {
      // === (not Object.is): the 0% shock's P&L is 0 on both sides.
      expect(s.futuresPnl === -long.scenarios[i].futuresPnl).toBe(true);
      expect(s.unhedgedCost === -long.scenarios[i].unhedgedCost).toBe(true);
      expect(long.scenarios[i].unhedgedCost).toBeGreaterThan(0);
    });
    const human = runCli([...base, "--side", "short"]).stdout;
    expect(human).toMatch(/contracts short/);
    expect(human).toMatch(/hedged revenue/);
  });

  it("--budget with --side short exits 2 naming the flag", () => {
    const r = runCli([...base, "--side", "short", "--budget", "4000000"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--budget is a buyer's cost budget/);
  });

  it("--commitments with --side short exits 2 (committed purchases are a buyer's)", () => {
    const r = runCli([...base, "--side", "short", "--commitments", "fixtures/acme/commitments.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--commitments are committed-use purchases/);
    expect(runCli([...base, "--commitments", "fixtures/acme/commitments.csv", "--json"]).code).toBe(0);
  });

  it("a config budget is left out for a seller with a warning, and the run goes on", () => {
    const r = runCli(["scenarios", "--config", "fixtures/config/acme.config.yaml", "--side", "short", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/the config's budget is a buyer's cost budget: left out for --side short/);
    expect(JSON.parse(r.stdout).budget).toBeNull();
  });
});
