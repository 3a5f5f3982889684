/**
 * `--confidence` (config key simulation.confidence, TOKENHEDGE_SIMULATION_CONFIDENCE): one Cost-at-Risk level for
 * simulate, plan, check and report. simulate reports its tail at that level beside the fixed 95% and 99% figures;
 * the same draws give check and simulate the same hedged figure.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/run-cli.js";

interface Tail {
  quantile: number;
  costAtRisk: number;
  cvar: number;
}
interface SimDoc {
  unhedged: { mean: number; p95: number; costAtRisk95: number; cvar95: number };
  hedged: { mean: number; p95: number; costAtRisk95: number; cvar95: number };
  atConfidence: { confidence: number; unhedged: Tail; hedged: Tail };
  parametric: { confidence: number };
}

const CFG = join(ROOT, "fixtures/config/acme.config.yaml");
const PATHS = ["--paths", "2000"];

/** The Acme config (confidence 0.95) with its simulation.confidence replaced. */
function configAt(confidence: number): string {
  const text = readFileSync(CFG, "utf8")
    .replaceAll("../acme/", `${join(ROOT, "fixtures/acme")}/`)
    .replace("confidence: 0.95", `confidence: ${confidence}`);
  const file = join(mkdtempSync(join(tmpdir(), "th-conf-")), "hedge.config.yaml");
  writeFileSync(file, text);
  return file;
}

function json<T>(args: string[], env?: Record<string, string>): T {
  const r = runCli([...args, "--json"], env ? { env } : {});
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

const maxCostAtRisk = (doc: { rules: { rule: string; value: number; note: string }[] }) =>
  doc.rules.find((r) => r.rule === "maxCostAtRisk")!;

describe("--confidence", () => {
  it("at the default 95% the tail simulate reports is its 95% figures", () => {
    const doc = json<SimDoc>(["simulate", "--config", CFG, ...PATHS]);
    expect(doc.atConfidence.confidence).toBe(0.95);
    for (const side of ["unhedged", "hedged"] as const) {
      expect(doc.atConfidence[side].quantile).toBe(doc[side].p95);
      expect(doc.atConfidence[side].costAtRisk).toBe(doc[side].costAtRisk95);
      expect(doc.atConfidence[side].cvar).toBe(doc[side].cvar95);
    }
    expect(doc.parametric.confidence).toBe(0.95);
  });

  it("at 90% simulate adds the 90% tail, and check tests the same hedged figure from the same draws", () => {
    const doc = json<SimDoc>(["simulate", "--config", CFG, ...PATHS, "--confidence", "90%"]);
    const at = doc.atConfidence;
    expect(at.confidence).toBe(0.9);
    expect(doc.parametric.confidence).toBe(0.9);
    for (const side of ["unhedged", "hedged"] as const) {
      // P90 − mean, to the cent; a 90% tail sits below the 95% one, and its CVaR below the 95% CVaR.
      expect(Math.abs(at[side].quantile - doc[side].mean - at[side].costAtRisk)).toBeLessThanOrEqual(0.011);
      expect(at[side].costAtRisk).toBeLessThan(doc[side].costAtRisk95);
      expect(at[side].cvar).toBeLessThan(doc[side].cvar95);
      expect(at[side].cvar).toBeGreaterThan(at[side].quantile);
    }
    const check = json<{ rules: { rule: string; value: number; note: string }[] }>([
      "check",
      "--config",
      CFG,
      ...PATHS,
      "--as-of",
      "2026-11-05",
      "--confidence",
      "0.9",
    ]);
    const rule = maxCostAtRisk(check);
    expect(rule.note).toContain("P90 − mean");
    expect(Math.round(rule.value * 100) / 100).toBe(at.hedged.costAtRisk);
  });

  it("the human table adds the level's rows and the sentence speaks of it", () => {
    const r = runCli(["simulate", "--config", CFG, ...PATHS, "--confidence", "0.9"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Cost-at-Risk 95% (P95 − mean)");
    expect(r.stdout).toMatch(/^Cost-at-Risk 90% \(P90 − mean\) +\$/m);
    expect(r.stdout).toMatch(/^CVaR 90% \(mean of worst 10%\) +\$/m);
    expect(r.stdout).toContain("Cost-at-Risk 90% = z·σ");
    expect(r.stdout).toMatch(/; Cost-at-Risk 90% \$[\d.]+[KM] → \$[\d.]+[KM] \(/);
    const plain = runCli(["simulate", "--config", CFG, ...PATHS]);
    expect(plain.stdout).not.toContain("CVaR 90%");
  });

  it("the config's simulation.confidence sets it, the environment overrides the config, a typed flag wins", () => {
    const file = configAt(0.9);
    expect(json<SimDoc>(["simulate", "--config", file, ...PATHS]).atConfidence.confidence).toBe(0.9);
    expect(
      json<SimDoc>(["simulate", "--config", file, ...PATHS], { TOKENHEDGE_SIMULATION_CONFIDENCE: "0.975" }).atConfidence
        .confidence,
    ).toBe(0.975);
    expect(json<SimDoc>(["simulate", "--config", file, ...PATHS, "--confidence", "99%"]).atConfidence.confidence).toBe(
      0.99,
    );
    const plan = json<{ company: { risk: { confidence: number } } }>(["plan", "--config", CFG, "--confidence", "0.9"]);
    expect(plan.company.risk.confidence).toBe(0.9);
  });

  it("report at 90%: its risk tables add a CaR 90% column, simulate's figures on the same draws", () => {
    const out = join(mkdtempSync(join(tmpdir(), "th-conf-rep-")), "r");
    const r = runCli([
      "report",
      "--config",
      CFG,
      ...PATHS,
      "--as-of",
      "2026-11-05",
      "--confidence",
      "0.9",
      "--out",
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const sim = json<SimDoc>(["simulate", "--config", CFG, ...PATHS, "--confidence", "0.9"]);
    const money = (x: number) =>
      `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const md = readFileSync(join(out, "report.md"), "utf8");
    expect(md).toContain("| mean | P95 | CaR 95% | CVaR 95% | CaR 90% |");
    expect(md).toMatch(
      new RegExp(`\\| hedged \\|.*\\| ${money(sim.atConfidence.hedged.costAtRisk).replace("$", "\\$")} \\|`),
    );
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("<th>CaR 90%</th>");
    const plain = join(mkdtempSync(join(tmpdir(), "th-conf-rep-")), "r");
    expect(runCli(["report", "--config", CFG, ...PATHS, "--as-of", "2026-11-05", "--out", plain]).code).toBe(0);
    expect(readFileSync(join(plain, "report.md"), "utf8")).not.toContain("CaR 90%");
  });

  it("a level outside (50%, 100%) is a usage error (exit 2) that says what it takes", () => {
    for (const bad of ["0.5", "100%", "1.2", "ninety"]) {
      const r = runCli(["simulate", "--config", CFG, "--confidence", bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain("--confidence");
      expect(r.stderr).toMatch(/0\.9 or 90%|above 0\.5 and below 1/);
      expect(r.stdout).toBe("");
    }
  });
});
