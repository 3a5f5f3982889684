/**
 * `init` checks the config it is about to write as `check --config` will, on the same data
 * and as-of date. A 100/70/50/30 ladder on the Acme fixtures would write bands of 90–100% for months 1–3 that the
 * P10 volume cap holds the plan below (2027-01 86.8%, 2027-02 84.8%), so `check` would fail at once. (With the
 * intervals calibrated after the launch of 2026-02-19, the 90/70/50/30 ladder this test used is now met.)
 */
import { describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfigText } from "../../src/config/parse-file.js";
import { ROOT, runCli } from "../helpers/run-cli.js";

// One date for init and check: the stale-data rule (45 days after 2026-10-31) must not move with the clock.
const ENV = { TOKENHEDGE_AS_OF: "2026-11-05" };

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "th-init-check-"));
  for (const f of ["usage.csv", "token-curve.csv", "token-contract.json"])
    copyFileSync(join(ROOT, "fixtures/acme", f), join(dir, f));
  return dir;
}

const INIT = [
  "init",
  "--yes",
  "--usage",
  "usage.csv",
  "--curve",
  "token-curve.csv",
  "--contract",
  "token-contract.json",
];

function checkJson(dir: string): { code: number; failed: string[] } {
  const r = runCli(["check", "--config", "hedge.config.yaml", "--json"], { cwd: dir, env: ENV });
  const doc = JSON.parse(r.stdout) as { rules: { rule: string; subject: string; pass: boolean | null }[] };
  return { code: r.code, failed: doc.rules.filter((x) => x.pass === false).map((x) => `${x.rule} ${x.subject}`) };
}

describe("init --yes --ladder 100,70,50,30 on the Acme data", () => {
  const dir = project();
  const r = runCli([...INIT, "--ladder", "100,70,50,30"], { cwd: dir, env: ENV });
  const text = readFileSync(join(dir, "hedge.config.yaml"), "utf8");

  it("writes a config that check passes right after", () => {
    expect(r.code, r.stderr).toBe(0);
    expect(checkJson(dir)).toEqual({ code: 0, failed: [] });
  });

  it("lowers only the floor of months 1-3, to the whole percent below 84.8%, and says so", () => {
    const cfg = parseConfigText(text, "hedge.config.yaml");
    const ladder = typeof cfg.policy === "object" ? cfg.policy.ladder : [];
    expect(ladder.map((x) => [x.ratio, x.min, x.max])).toEqual([
      [1, 0.84, 1],
      [0.7, 0.6, 0.8],
      [0.5, 0.4, 0.6],
      [0.3, 0.2, 0.4],
    ]);
    const why =
      "months 1-3: band floor 84% instead of 90%, what the plan reaches: 2027-01 86.8% (P10 volume cap), 2027-02 84.8% (P10 volume cap)";
    expect(r.stderr).toContain(why);
    expect(text).toContain(`# ${why}\n`);
    expect(r.stderr).not.toContain("warning: tokenhedge check will report");
  });
});

describe("init --yes with the user's own policy file that the plan cannot meet", () => {
  const dir = project();
  const policy = JSON.stringify({
    name: "tight",
    ladder: [
      { fromMonth: 1, toMonth: 3, ratio: 1, min: 0.9, max: 1 },
      { fromMonth: 4, toMonth: 12, ratio: 0.5, min: 0.4, max: 0.6 },
    ],
    rounding: "down",
  });
  writeFileSync(join(dir, "policy.json"), policy);
  const r = runCli([...INIT, "--policy", "policy.json"], { cwd: dir, env: ENV });
  const text = readFileSync(join(dir, "hedge.config.yaml"), "utf8");

  it("leaves the policy as it is, warns before writing, and the warning is what check then reports", () => {
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, "policy.json"), "utf8")).toBe(policy);
    expect(parseConfigText(text, "hedge.config.yaml").policy).toBe("policy.json");
    expect(r.stderr).toContain("warning: tokenhedge check will report 2 breaches on this config (as of 2026-11-05):");
    expect(r.stderr).toContain("hedgeRatioBand 2027-01 (tenor 2): 86.8%, limit 90% – 100%");
    expect(r.stderr).toContain("hedgeRatioBand 2027-02 (tenor 3): 84.8%, limit 90% – 100%");
    expect(r.stderr.indexOf("warning: tokenhedge check")).toBeLessThan(r.stderr.indexOf("wrote hedge.config.yaml"));
    expect(text).toContain("# tokenhedge check reported 2 breaches when init wrote this file (as of 2026-11-05):\n");
    expect(checkJson(dir)).toEqual({
      code: 1,
      failed: ["hedgeRatioBand 2027-01 (tenor 2)", "hedgeRatioBand 2027-02 (tenor 3)"],
    });
  });
});

describe("init --yes with the default ladder", () => {
  it("needs no change and says nothing more", () => {
    const dir = project();
    const r = runCli(INIT, { cwd: dir, env: ENV });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/band floor|will report/);
    expect(readFileSync(join(dir, "hedge.config.yaml"), "utf8")).not.toMatch(/init lowered|check reported/);
    expect(checkJson(dir)).toEqual({ code: 0, failed: [] });
  });
});
