/** `config show`, `--config` on plan / scenarios, precedence and config errors through the real binary. */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ACME, PLAN_ARGS, ROOT, runCli } from "../helpers/run-cli.js";

const CFG = "fixtures/config/acme.config.yaml";

interface ShowDoc {
  configFile: string | null;
  values: Record<string, unknown> & { usage: { file: string }; seed: number; horizon?: number };
  sources: Record<string, { kind: string; name?: string; file?: string }>;
  missing: string[];
}

function show(args: string[], env: Record<string, string> = {}): ShowDoc {
  const r = runCli(["config", "show", ...args, "--json"], { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ShowDoc;
}

describe("config show", () => {
  it("prints every value with its source; paths are relative to the working directory", () => {
    const doc = show(["--config", CFG]);
    expect(doc.configFile).toBe(CFG);
    expect(doc.values.usage.file).toBe("fixtures/acme/usage.csv");
    expect(doc.sources["usage.file"]).toEqual({ kind: "file", file: CFG });
    expect(doc.sources["simulation.paths"]).toEqual({ kind: "file", file: CFG });
    expect(doc.missing).toEqual([]);
  });

  it("flag > env > file > default", () => {
    const doc = show(["--config", CFG, "--horizon", "6"], { TOKENHEDGE_SEED: "9", TOKENHEDGE_HORIZON: "3" });
    expect(doc.values.seed).toBe(9);
    expect(doc.sources.seed).toEqual({ kind: "env", name: "TOKENHEDGE_SEED" });
    expect(doc.values.horizon).toBe(6);
    expect(doc.sources.horizon).toEqual({ kind: "flag", name: "--horizon" });
    const plain = show([]);
    expect(plain.configFile).toBeNull();
    expect(plain.sources.seed).toEqual({ kind: "default" });
    expect(plain.missing).toEqual(["usage.file", "curve", "contract", "policy"]);
  });

  it("the human table names the source of each value", () => {
    const r = runCli(["config", "show", "--config", CFG], { env: { TOKENHEDGE_SEED: "9" } });
    expect(r.stdout).toMatch(/seed\s+│ 9\s+│ env TOKENHEDGE_SEED/);
    expect(r.stdout).toMatch(/curve\s+│ fixtures\/acme\/token-curve.csv\s+│ config fixtures\/config\/acme.config.yaml/);
  });

  it("TOKENHEDGE_CONFIG names the config file", () => {
    expect(show([], { TOKENHEDGE_CONFIG: CFG }).configFile).toBe(CFG);
  });

  it("finds hedge.config.yaml in the working directory when nothing names a file", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-config-"));
    writeFileSync(join(dir, "hedge.config.yaml"), "curve: c.csv\nseed: 5\n");
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1" };
    delete env.TOKENHEDGE_CONFIG;
    const r = spawnSync(process.execPath, [join(ROOT, "bin/tokenhedge"), "config", "show", "--json"], {
      cwd: dir,
      env,
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as ShowDoc;
    expect(doc.configFile).toBe("hedge.config.yaml");
    expect(doc.values.seed).toBe(5);
  });
});

describe("config errors exit 2 naming the file, line and key path", () => {
  it("a value of the wrong range", () => {
    const r = runCli(["config", "show", "--config", "fixtures/config/invalid/wrong-type.config.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fixtures\/config\/invalid\/wrong-type.config.yaml:7:\d+: config is not valid/);
    expect(r.stderr).toMatch(/thresholds\.maxOverHedgeProbability: a ratio between 0 and 1/);
    expect(r.stdout).toBe("");
  });

  it("an unknown key (a typo) in a JSON config", () => {
    const r = runCli(["plan", "--config", "fixtures/config/invalid/unknown-key.config.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown key "polcy"/);
  });

  it("a config file that does not exist", () => {
    const r = runCli(["config", "show", "--config", "nope.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nope.yaml: config file not found");
  });

  it("a bad TOKENHEDGE_* value names the variable", () => {
    const r = runCli(["config", "show"], { env: { TOKENHEDGE_SEED: "abc" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TOKENHEDGE_SEED/);
  });

  it("plan with a config that lacks the curve says every way to give one", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-config-"));
    copyFileSync(join(ROOT, ACME.usage), join(dir, "usage.csv"));
    writeFileSync(join(dir, "h.yaml"), "usage: usage.csv\nratio: 0.5\n");
    const r = runCli(["plan", "--config", join(dir, "h.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no curve given/);
    expect(r.stderr).toMatch(/curve: in the config file, TOKENHEDGE_CURVE, or --curve FILE/);
  });
});

describe("--config on plan and scenarios", () => {
  // The config's simulation.priceVolatility (0.45) is, for plan's risk figures, what --price-vol is on the command line.
  const explicit = runCli(["plan", ACME.usage, ...PLAN_ARGS, "--price-vol", "0.45", "--json"]).stdout;

  it("plan --config gives the same plan as the same inputs as flags", () => {
    const r = runCli(["plan", "--config", CFG, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    // Identical but for where the volatility came from, which each names.
    const fromFlags = explicit.replaceAll("--price-vol", "config simulation.priceVolatility");
    expect(fromFlags).not.toBe(explicit);
    expect(r.stdout).toBe(fromFlags);
  });

  it("a config with the contract and policy written inline gives the same plan", () => {
    const r = runCli(["plan", "--config", "fixtures/config/inline.config.yaml", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as { months: unknown[]; totals: unknown };
    const b = JSON.parse(explicit) as { months: unknown[]; totals: unknown };
    expect(a.months).toEqual(b.months);
    expect(a.totals).toEqual(b.totals);
  });

  it("a flag overrides the config (--ratio replaces the config's policy) and the seed comes from env", () => {
    const r = runCli(["plan", "--config", CFG, "--ratio", "0.5", "--json"], { env: { TOKENHEDGE_SEED: "7" } });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      seed: number;
      months: { targetRatio: number; hedgeRatio: number; capTokens: number; exposureUnits: number }[];
    };
    expect(doc.seed).toBe(7);
    // Every month targets the flag's 0.5; the config's P10 volume cap still applies, and in the last months of
    // the fixture's forecast the P10 is below half the mean (the backtest-weighted mixture of combination, ETS,
    // Theta and drift is wider there), so the ratio is the cap's: min(0.5, P10 / exposure).
    expect(new Set(doc.months.map((m) => m.targetRatio))).toEqual(new Set([0.5]));
    for (const m of doc.months) expect(m.hedgeRatio).toBeCloseTo(Math.min(0.5, m.capTokens / m.exposureUnits), 9);
  });

  it("the usage FILE argument beats the config's usage file", () => {
    const r = runCli(["plan", "fixtures/acme/does-not-exist.csv", "--config", CFG]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/does-not-exist.csv/);
  });

  it("scenarios --config works too", () => {
    const r = runCli(["scenarios", "--config", CFG, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { scenarios: unknown[] }).scenarios).toHaveLength(18);
  });

  it("without a usage file or a config, plan is a usage error", () => {
    const r = runCli(["plan", ...PLAN_ARGS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no usage file given/);
  });
});

describe("withConfig: --config for any command (e.g. forecast)", () => {
  it("fills the usage argument and the options not typed, from the config; typed flags win", async () => {
    const { Command } = await import("commander");
    const { withConfig } = await import("../../src/cli/config-flags.js");
    const { addForecastOptions } = await import("../../src/cli/commands/shared.js");
    const dir = mkdtempSync(join(tmpdir(), "th-withconfig-"));
    writeFileSync(join(dir, "h.yaml"), "usage: data/u.csv\nhorizon: 6\nseed: 9\n");
    const ctx = {
      cwd: dir,
      env: {},
      stdout: { write: () => {}, isTTY: false },
      stderr: { write: () => {}, isTTY: false },
      stdinIsTTY: false,
    };
    const seen: unknown[] = [];
    const make = () => {
      const cmd = new Command("fc").argument("<file>").exitOverride();
      return withConfig(addForecastOptions(cmd, 12), ctx, { usageArgument: true }).action(
        (file: string, flags: { horizon: number; seed: number }) => void seen.push([file, flags.horizon, flags.seed]),
      );
    };
    await make().parseAsync(["--config", "h.yaml"], { from: "user" });
    await make().parseAsync(["--config", "h.yaml", "other.csv", "--seed", "1"], { from: "user" });
    await make().parseAsync(["x.csv"], { from: "user" });
    // the config's usage path is relative to the config file's directory, shown relative to the working directory
    expect(seen).toEqual([
      ["data/u.csv", 6, 9],
      ["other.csv", 6, 1],
      ["x.csv", 12, 42],
    ]);
  });
});
