/** `--config` on the commands that read usage, and the by-day default model. */
import { describe, expect, it } from "vitest";
import { ACME, runCli } from "../helpers/run-cli.js";

const CONFIG = "fixtures/config/acme.config.yaml";

describe("--config supplies the usage file", () => {
  it("ingest --config reads the config's usage file: the same totals as naming it", () => {
    const viaConfig = runCli(["ingest", "--config", CONFIG, "--json"]);
    const direct = runCli(["ingest", ACME.usage, "--json"]);
    expect(viaConfig.code).toBe(0);
    const a = JSON.parse(viaConfig.stdout) as { totals: { tokens: number; cost: number } };
    const b = JSON.parse(direct.stdout) as { totals: { tokens: number; cost: number } };
    expect(a.totals).toEqual(b.totals);
  });

  it("forecast --config works and names the usage file from the config", () => {
    const r = runCli(["forecast", "--config", CONFIG, "--horizon", "2", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { file: string; forecast: unknown[] };
    expect(doc.file).toMatch(/acme\/usage\.csv$/);
    expect(doc.forecast).toHaveLength(2);
  });

  it("without a file or a config, ingest is a usage error naming both ways", () => {
    const r = runCli(["ingest"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no usage file given/);
    expect(r.stderr).toMatch(/--config/);
  });
});

describe("forecast model defaults", () => {
  it("by day the default is the lowest rolling-origin MASE; --select combination still gives the combination", () => {
    const day = JSON.parse(runCli(["forecast", ACME.usage, "--period", "day", "--horizon", "7", "--json"]).stdout) as {
      selection: { method: string; rule: string };
      model: string;
    };
    expect(day.selection.method).toBe("backtest");
    expect(day.selection.rule).toBe(
      "the lowest rolling-origin MASE (12 origins, 1–28 days ahead); interval spread × 0.61, from 294 backtest actuals (75 effective; alone they ask for × 0.59), so that 80% fall inside the 80% interval",
    );
    const combo = JSON.parse(
      runCli(["forecast", ACME.usage, "--period", "day", "--horizon", "7", "--select", "combination", "--json"]).stdout,
    ) as { selection: { method: string } };
    expect(combo.selection.method).toBe("combination");
  });
});
