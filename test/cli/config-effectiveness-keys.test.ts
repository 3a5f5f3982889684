/**
 * The config's designated effectiveness criteria reach every output that states them: a stricter
 * thresholds.minEffectiveness.rSquared is the regression test's own R² in `effectiveness`, the report's section and
 * its memo (so a report cannot say "pass" beside a failing policy row), and report.framework is effectiveness's.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/run-cli.js";

function config(edit: (text: string) => string): string {
  const text = readFileSync(join(ROOT, "fixtures/config/acme.config.yaml"), "utf8").replaceAll(
    "../acme/",
    `${join(ROOT, "fixtures/acme")}/`,
  );
  const file = join(mkdtempSync(join(tmpdir(), "th-cfgeff-")), "hedge.config.yaml");
  writeFileSync(file, edit(text));
  return file;
}

interface EffDoc {
  regression: { rSquared: number; pass: boolean; criteria: { minRSquared: number } };
}

describe("the config's effectiveness criteria, in every output", () => {
  it("a stricter R² (0.85) fails the regression test at R² 0.8099 in effectiveness and in the report's memo", () => {
    const file = config((t) => t.replace("    rSquared: 0.75", "    rSquared: 0.85"));
    const r = runCli(["effectiveness", "--config", file, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as EffDoc;
    expect(doc.regression.rSquared).toBeCloseTo(0.8099, 4);
    expect(doc.regression.criteria.minRSquared).toBe(0.85);
    expect(doc.regression.pass).toBe(false);
    const out = join(mkdtempSync(join(tmpdir(), "th-cfgeff-")), "r");
    const rep = runCli(["report", "--config", file, "--out", out, "--as-of", "2026-11-05", "--paths", "500"]);
    expect(rep.code, rep.stderr).toBe(0);
    const md = readFileSync(join(out, "report.md"), "utf8");
    expect(md).toContain("with R² ≥ 0.85, slope between");
    expect(md).toMatch(/regression R² 0\.810, slope -0\.950 \(fail\)/);
  });

  it("a looser policy R² (the Acme config's 0.75) leaves the test at 0.8, which R² 0.8099 passes", () => {
    const r = runCli(["effectiveness", "--config", "fixtures/config/acme.config.yaml", "--json"]);
    const doc = JSON.parse(r.stdout) as EffDoc;
    expect(doc.regression.criteria.minRSquared).toBe(0.8);
    expect(doc.regression.pass).toBe(true);
  });

  it("report.framework is effectiveness's framework when --framework is not typed", () => {
    const file = config((t) => t.replace("report:\n", "report:\n  framework: ifrs9\n"));
    const r = runCli(["effectiveness", "--config", file]);
    expect(r.stdout).toMatch(/framework ifrs9: reserve \(OCI\)/);
  });
});
