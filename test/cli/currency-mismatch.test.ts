/**
 * A usage cost in another currency than the contract's is refused at plan time,
 * exit 3, naming both currencies and both files, with the way forward (there is no FX input). The
 * check is one pure function (src/pipeline/currency.ts) called by buildPlanStage, so plan,
 * scenarios, simulate, check and report all refuse the same way. A EUR contract spec itself is
 * already refused by the spec's own check (its USD quote unit), before any plan.
 */
import { afterAll, describe, expect, it } from "vitest";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Dec } from "../../src/money/decimal.js";
import { checkCostCurrency, usageCostCurrency } from "../../src/pipeline/currency.js";
import { errorOf } from "../helpers/error-of.js";
import { ROOT, runHere } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "th-currency-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const f of ["usage.csv", "token-curve.csv", "token-contract.json", "policy.json"])
  copyFileSync(join(ROOT, "fixtures/acme", f), join(dir, f));

// The Acme usage with its cost in EUR (a currency column), and the same rows without any cost.
const lines = readFileSync(join(ROOT, "fixtures/acme/usage.csv"), "utf8").trimEnd().split("\n");
writeFileSync(
  join(dir, "usage-eur.csv"),
  ["date,model,token_type,tokens,cost,currency", ...lines.slice(1).map((l) => `${l},EUR`)].join("\n") + "\n",
);
writeFileSync(
  join(dir, "usage-tokens.csv"),
  ["date,model,token_type,tokens", ...lines.slice(1).map((l) => l.split(",").slice(0, 4).join(","))].join("\n") + "\n",
);
const spec = JSON.parse(readFileSync(join(ROOT, "fixtures/acme/token-contract.json"), "utf8")) as Record<
  string,
  unknown
>;
writeFileSync(join(dir, "eur-contract.json"), JSON.stringify({ ...spec, currency: "EUR" }, null, 2));

mkdirSync(join(dir, "conf"));
const config = (usage: string): string =>
  [
    `version: 1`,
    `usage:`,
    `  file: ../${usage}`,
    `curve: ../token-curve.csv`,
    `contract: ../token-contract.json`,
    `policy: ../policy.json`,
    `budget: 4000000`,
    `seed: 42`,
    `simulation:`,
    `  paths: 200`,
    `thresholds:`,
    `  maxOverHedgeProbability: 0.5`,
    ``,
  ].join("\n");
writeFileSync(join(dir, "conf", "eur.yaml"), config("usage-eur.csv"));
writeFileSync(join(dir, "conf", "usd.yaml"), config("usage.csv"));

const NO_CONFIG = { TOKENHEDGE_CONFIG: "" };
const FLAGS = ["--curve", "token-curve.csv", "--contract", "token-contract.json", "--policy", "policy.json"];
const MESSAGE = "usage-eur.csv: the usage cost is in EUR (usage-eur.csv) but the contract is in USD (";
const HINT =
  "tokenhedge has no FX input yet: convert the usage costs to USD first (or export them in USD) and run again";

describe("usage cost vs contract currency, every command that plans", () => {
  it.each(["plan", "scenarios", "simulate"])(
    "%s: EUR usage cost against the USD contract is exit 3, naming both",
    async (cmd) => {
      const r = await runHere(
        [cmd, "usage-eur.csv", ...FLAGS, ...(cmd === "simulate" ? ["--paths", "200"] : [])],
        dir,
        NO_CONFIG,
      );
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`${MESSAGE}token-contract.json)`);
      expect(r.stderr).toContain(HINT);
      expect(r.stdout).toBe("");
    },
  );

  it.each(["check", "report"])("%s --config: refused the same way, and report writes nothing", async (cmd) => {
    const r = await runHere(
      [cmd, "--config", "conf/eur.yaml", ...(cmd === "report" ? ["--out", "rep-eur"] : [])],
      dir,
      NO_CONFIG,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${MESSAGE}token-contract.json)`);
    expect(existsSync(join(dir, "rep-eur"))).toBe(false);
  });

  it("the known good answer: USD usage cost (cost_usd) and usage without a cost column both plan, exit 0", async () => {
    for (const usage of ["usage.csv", "usage-tokens.csv"]) {
      const r = await runHere(["plan", usage, ...FLAGS, "--json"], dir, NO_CONFIG);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).command).toBe("plan");
    }
    const c = await runHere(["check", "--config", "conf/usd.yaml"], dir, NO_CONFIG);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain("all 1 evaluated rules pass");
  });

  it("a copy of the token contract whose currency is EUR is refused by the spec check (its quote unit is USD/Mtok), exit 3", async () => {
    const r = await runHere(
      ["plan", "usage.csv", ...FLAGS.slice(0, 2), "--contract", "eur-contract.json", "--policy", "policy.json"],
      dir,
      NO_CONFIG,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("eur-contract.json");
    expect(r.stderr).toMatch(/currency/);
  });
});

describe("checkCostCurrency (pure)", () => {
  const usd = { name: "Token futures", currency: "USD" };

  it("refuses EUR against USD, naming the files; the inline contract is named by its name", () => {
    const e = errorOf(() =>
      checkCostCurrency({ file: "u.csv", totalCost: new Dec("10"), currency: "EUR" }, usd, "spec.json"),
    );
    expect(e.exitCode).toBe(3);
    expect(e.message).toBe("the usage cost is in EUR (u.csv) but the contract is in USD (spec.json)");
    expect(e.details).toMatchObject({
      file: "u.csv",
      value: "EUR",
      expected: "usage cost in USD, the contract's currency",
    });
    expect(
      errorOf(() => checkCostCurrency({ file: "u.csv", totalCost: new Dec("10"), currency: "GBP" }, usd)).message,
    ).toBe('the usage cost is in GBP (u.csv) but the contract is in USD ("Token futures")');
  });

  it("passes the same currency, no cost, and several currencies with none chosen (no single cost is used)", () => {
    expect(() =>
      checkCostCurrency({ file: "u.csv", totalCost: new Dec("10"), currency: "USD" }, usd, "spec.json"),
    ).not.toThrow();
    expect(() => checkCostCurrency({ file: "u.csv", totalCost: null }, usd)).not.toThrow();
    expect(() => checkCostCurrency({ file: "u.csv", totalCost: null, currency: null }, usd)).not.toThrow();
    expect(usageCostCurrency({ totalCost: new Dec("1") })).toBe("USD");
    expect(usageCostCurrency({ totalCost: null, currency: "EUR" })).toBeUndefined();
  });
});
