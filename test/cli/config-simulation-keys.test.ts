/**
 * The config's simulation and company keys mean the same in every command that runs the Monte Carlo or the
 * delta-normal figures, as their flags do: simulation.volumePriceCorrelation (--corr) and company.history
 * (--history, whose volatility wins over simulation.priceVolatility, as simulate documents).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/run-cli.js";

/** The Acme config with absolute paths and `extra` YAML appended under its keys. */
function config(edit: (text: string) => string): string {
  const text = readFileSync(join(ROOT, "fixtures/config/acme.config.yaml"), "utf8").replaceAll(
    "../acme/",
    `${join(ROOT, "fixtures/acme")}/`,
  );
  const file = join(mkdtempSync(join(tmpdir(), "th-cfgsim-")), "hedge.config.yaml");
  writeFileSync(file, edit(text));
  return file;
}

const json = <T>(args: string[]): T => {
  const r = runCli([...args, "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};

describe("config keys of the simulation, in every command", () => {
  it("simulation.volumePriceCorrelation is simulate's and plan's correlation, and a typed --corr still wins", () => {
    const file = config((t) => t.replace("simulation:\n", "simulation:\n  volumePriceCorrelation: 0.5\n"));
    expect(json<{ corr: number }>(["simulate", "--config", file, "--paths", "300"]).corr).toBe(0.5);
    expect(json<{ corr: number }>(["simulate", "--config", file, "--paths", "300", "--corr", "0.2"]).corr).toBe(0.2);
    const plan = json<{ company: { risk: { volumePriceCorrelation: number } } }>(["plan", "--config", file]);
    expect(plan.company.risk.volumePriceCorrelation).toBe(0.5);
  });

  it("company.history sets simulate's volatility as --history does, and check says the same figure", () => {
    const history = join(ROOT, "fixtures/acme/index-linked-price-history.csv");
    const file = config((t) => `${t}company:\n  history: ${history}\n`);
    const sim = json<{ model: { vol: number; volSource: string } }>(["simulate", "--config", file, "--paths", "300"]);
    const flag = json<{ model: { vol: number } }>([
      "simulate",
      "--config",
      file,
      "--paths",
      "300",
      "--history",
      history,
    ]);
    expect(sim.model.vol).toBe(flag.model.vol);
    expect(sim.model.vol).toBeCloseTo(0.0551, 4);
    expect(sim.model.volSource).toMatch(/estimated from .*index-linked-price-history\.csv, 23 monthly changes/);
    const check = runCli(["check", "--config", file, "--paths", "300"]);
    expect(check.stdout).toMatch(/GBM volatility 5\.5% \(.*index-linked-price-history\.csv, 23 monthly changes\)/);
  });

  it("simulation.confidence is the level of plan's Cost-at-Risk and of the report's headline, which quote it", () => {
    const file = config((t) => t.replace("  confidence: 0.95\n", "  confidence: 0.9\n"));
    const plan = json<{ company: { risk: { confidence: number } } }>(["plan", "--config", file]);
    expect(plan.company.risk.confidence).toBe(0.9);
    const out = join(mkdtempSync(join(tmpdir(), "th-cfgsim-")), "r");
    const r = runCli(["report", "--config", file, "--out", out, "--as-of", "2026-11-05", "--paths", "1000"]);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(out, "report.md"), "utf8");
    const doc = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as { summary: { costAtRisk: number } };
    // The headline's hedged figure is the summary's 90% Cost-at-Risk, rounded as headlines are ($851K, $1.00M).
    const headline = /What it buys\*\*: Cost-at-Risk \(90%\) \$[\d.]+[KM] unhedged → \$([\d.]+)([KM]) hedged/.exec(md);
    expect(headline, md.slice(0, 800)).not.toBeNull();
    const [value, unit] = [Number(headline![1]), headline![2]];
    const scale = unit === "M" ? 1e6 : 1e3;
    expect(Math.abs(value * scale - doc.summary.costAtRisk)).toBeLessThanOrEqual(unit === "M" ? 5000 : 500);
  });
});
