/**
 * One vocabulary: every command that reads a usage file takes ingest's reading flags
 * (--format, --date-format, --delimiter, --decimal, --thousands, --tz, --on-error, --mapping …), also as
 * keys of the config's `usage:` section, the flag winning; and a hint names only flags its command has.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command } from "commander";
import { ACME, PLAN_ARGS, ROOT, runCli } from "../helpers/run-cli.js";
import { addUsageReadOptions } from "../../src/cli/usage-flags.js";

const dir = mkdtempSync(join(tmpdir(), "tokenhedge-vocabulary-"));
const abs = (p: string): string => resolve(ROOT, p);

/** The acme usage as a European spreadsheet writes it: 13.408.161 tokens, 4,02 USD, 01/03/2025, semicolons. */
function europeanCopy(rows: string[][]): string {
  const out = [rows[0]!.join(";")];
  for (const r of rows.slice(1)) {
    const [y, m, d] = r[0]!.split("-");
    const tokens = BigInt(r[3]!)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    out.push([`${d}/${m}/${y}`, r[1], r[2], tokens, r[4]!.replace(".", ",")].join(";"));
  }
  return out.join("\n") + "\n";
}

const acmeRows = readFileSync(abs(ACME.usage), "utf8")
  .trim()
  .split("\n")
  .map((l) => l.split(","));
const EU = join(dir, "usage-eu.csv");
writeFileSync(EU, europeanCopy(acmeRows));
const EU_FLAGS = ["--date-format", "DD/MM/YYYY", "--delimiter", ";", "--decimal", ",", "--thousands", "."];

/** Only days 1–12 of each month, dates written DD/MM/YYYY: the day/month order cannot be told from the file. */
const AMBIGUOUS = join(dir, "usage-ambiguous.csv");
writeFileSync(
  AMBIGUOUS,
  [
    acmeRows[0]!.join(","),
    ...acmeRows
      .slice(1)
      .filter((r) => Number(r[0]!.slice(8, 10)) <= 12)
      .map((r) => {
        const [y, m, d] = r[0]!.split("-");
        return [`${d}/${m}/${y}`, ...r.slice(1)].join(",");
      }),
  ].join("\n") + "\n",
);

const planArgs = PLAN_ARGS.map((a) => (a.startsWith("fixtures/") ? abs(a) : a));

function config(name: string, usage: Record<string, string | boolean>): string {
  const file = join(dir, name);
  const lines = ["usage:", ...Object.entries(usage).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)];
  lines.push(`curve: ${abs(ACME.tokenCurve)}`, `contract: ${abs(ACME.tokenContract)}`, `policy: ${abs(ACME.policy)}`);
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

describe("the reading flags on every command that reads usage", () => {
  const original = runCli(["plan", ACME.usage, ...PLAN_ARGS, "--json"]);

  it("plan on a DD/MM/YYYY, semicolon, decimal-comma copy gives the original's plan JSON byte for byte", () => {
    expect(original.code, original.stderr).toBe(0);
    const eu = runCli(["plan", EU, ...planArgs, ...EU_FLAGS, "--json"]);
    expect(eu.code, eu.stderr).toBe(0);
    expect(eu.stdout).toBe(original.stdout);
    // Without the flags the copy is not the same file: proof the flags did the work.
    const bare = runCli(["plan", EU, ...planArgs, "--json"]);
    expect(bare.stdout).not.toBe(original.stdout);
  });

  it("forecast reads the copy with the flags to the original's forecast", () => {
    const a = runCli(["forecast", ACME.usage, "--json", "--paths", "200"]);
    const b = runCli(["forecast", EU, ...EU_FLAGS, "--json", "--paths", "200"]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const withoutFile = (text: string) => ({ ...(JSON.parse(text) as object), file: null });
    expect(withoutFile(b.stdout)).toEqual(withoutFile(a.stdout));
  });

  // Before: forecast, plan, scenarios and simulate said "pass --date-format", then refused --date-format (exit 2).
  const commands: [string, string[]][] = [
    ["forecast", ["--paths", "200"]],
    ["plan", planArgs],
    ["scenarios", planArgs],
    ["simulate", [...planArgs, "--paths", "200"]],
  ];
  for (const [command, rest] of commands) {
    it(`${command}: the ambiguous-date hint names --date-format, and ${command} takes it`, () => {
      const refused = runCli([command, AMBIGUOUS, ...rest]);
      expect(refused.code, refused.stderr).toBe(3);
      expect(refused.stderr).toMatch(/hint: .*pass --date-format/);
      const ok = runCli([command, AMBIGUOUS, ...rest, "--date-format", "DD/MM/YYYY", "--json"]);
      expect(ok.code, ok.stderr).toBe(0);
    });
  }

  it("one declaration: the reading flags, their choices and help are the same object on every command", () => {
    const names = addUsageReadOptions(new Command("x")).options.map((o) => o.long);
    expect(names).toEqual([
      "--format",
      "--date-format",
      "--delimiter",
      "--decimal",
      "--thousands",
      "--tz",
      "--on-error",
      "--map",
      "--mapping",
      "--containment",
      "--dedupe",
      "--exclude-credits",
      "--currency",
      "--engine",
    ]);
    for (const command of ["ingest", "forecast", "plan", "scenarios", "simulate", "check", "report", "init"]) {
      const help = runCli([command, "--help"]);
      expect(help.code).toBe(0);
      for (const n of names) expect(help.stdout, `${command} ${n}`).toContain(n);
    }
  });
});

describe("the reading keys in the config's usage: section", () => {
  const original = runCli(["plan", ACME.usage, ...PLAN_ARGS, "--json"]);

  it("usage.dateFormat, delimiter (by name), decimal and thousands read the copy to the original's plan", () => {
    const cfg = config("eu.config.yaml", {
      file: EU,
      dateFormat: "DD/MM/YYYY",
      delimiter: "semicolon",
      decimal: ",",
      thousands: ".",
    });
    const r = runCli(["plan", "--config", cfg, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(original.stdout);
  });

  it("a flag beats the key: --date-format DD/MM/YYYY over the config's MM/DD/YYYY", () => {
    const cfg = config("wrong-order.config.yaml", {
      file: EU,
      dateFormat: "MM/DD/YYYY",
      delimiter: ";",
      decimal: ",",
    });
    const wrong = runCli(["plan", "--config", cfg, "--json"]);
    expect(wrong.code).toBe(3); // 13/03/2025 is no MM/DD date
    const r = runCli(["plan", "--config", cfg, "--date-format", "DD/MM/YYYY", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(original.stdout);
  });

  it("a bad key is a config error naming the key (exit 2)", () => {
    const cfg = config("bad.config.yaml", { file: EU, delimiter: "colon" });
    const r = runCli(["plan", "--config", cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage\.delimiter/);
    expect(r.stderr).toMatch(/one of , ; tab \|/);
  });

  it("the report's resolved parameters say where each reading setting came from", () => {
    const cfg = config("report.config.yaml", {
      file: EU,
      dateFormat: "MM/DD/YYYY",
      delimiter: "semicolon",
      decimal: ",",
    });
    const out = join(dir, "report");
    const r = runCli([
      "report",
      "--config",
      cfg,
      "--out",
      out,
      "--as-of",
      "2026-11-05",
      "--paths",
      "100",
      "--date-format",
      "DD/MM/YYYY",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as {
      audit: { parameters: { key: string; value: unknown; source: string }[] };
    };
    const p = (key: string) => doc.audit.parameters.find((x) => x.key === key);
    expect(p("usage.dateFormat")).toEqual({
      key: "usage.dateFormat",
      value: "DD/MM/YYYY",
      source: "flag --date-format",
    });
    expect(p("usage.delimiter")).toEqual({ key: "usage.delimiter", value: ";", source: `config ${cfg}` });
    expect(p("usage.decimal")?.source).toBe(`config ${cfg}`);
  });
});

describe("init keeps the reading flags in the config it writes", () => {
  it("init --yes on the European copy with its flags writes a config whose plan is the original's", () => {
    const out = join(dir, "init-eu.config.yaml");
    const init = runCli([
      "init",
      "--yes",
      "--usage",
      EU,
      ...EU_FLAGS,
      "--curve",
      abs(ACME.tokenCurve),
      "--contract",
      abs(ACME.tokenContract),
      "--policy",
      abs(ACME.policy),
      "--out",
      out,
    ]);
    expect(init.code, init.stderr).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toMatch(/dateFormat: DD\/MM\/YYYY/);
    const original = runCli(["plan", ACME.usage, ...PLAN_ARGS, "--json"]);
    const fromConfig = runCli(["plan", "--config", out, "--json"]);
    expect(fromConfig.code, fromConfig.stderr).toBe(0);
    expect(JSON.parse(fromConfig.stdout).months).toEqual(JSON.parse(original.stdout).months);
  });
});
