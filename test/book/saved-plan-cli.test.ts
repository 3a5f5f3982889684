/**
 * `--plan FILE` through the CLI on the fixtures: a plan saved by `plan --json` given back to `scenarios` gives the
 * same grid as planning again; a hand-edited plan gives the P&L worked by hand; bad files exit 3 naming the field.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/run-cli.js";

const ACME = [
  "fixtures/acme/usage.csv",
  "--curve",
  "fixtures/acme/token-curve.csv",
  "--contract",
  "fixtures/acme/token-contract.json",
  "--policy",
  "fixtures/acme/policy.json",
];
const dir = mkdtempSync(join(tmpdir(), "tokenhedge-saved-plan-"));
const saved = runCli(["plan", ...ACME, "--json"]);
const SAVED = join(dir, "plan.json");
writeFileSync(SAVED, saved.stdout);
const savedDoc = JSON.parse(saved.stdout) as { months: Record<string, unknown>[] } & Record<string, unknown>;

/** A copy of the saved plan with `edit` applied, written next to it. */
function edited(
  name: string,
  edit: (doc: Record<string, unknown> & { months: Record<string, unknown>[] }) => unknown,
): string {
  const doc = structuredClone(savedDoc);
  const out = edit(doc) ?? doc;
  const file = join(dir, name);
  writeFileSync(file, typeof out === "string" ? out : JSON.stringify(out));
  return file;
}

interface ScenarioDoc {
  scenarios: {
    priceShock: number;
    volumeCase: string;
    futuresPnl: number;
    hedgedCost: number;
    months: { month: string; futuresPnl: number; settlementPrice: number }[];
  }[];
  twists: unknown[];
  planSource?: {
    file: string;
    pricedOn: string;
    contracts: number;
    moved: { month: string; savedPrice: number; currentPrice: number; value: number }[];
    notInPlan: string[];
  };
}

describe("scenarios --plan FILE", () => {
  it("gives byte-identical scenarios and twists to planning again on the same inputs", () => {
    expect(saved.code).toBe(0);
    const again = runCli(["scenarios", ...ACME, "--json"]);
    const fromFile = runCli(["scenarios", ...ACME, "--plan", SAVED, "--json"]);
    expect([again.code, fromFile.code]).toEqual([0, 0]);
    const a = JSON.parse(again.stdout) as Record<string, unknown>;
    const b = JSON.parse(fromFile.stdout) as Record<string, unknown>;
    expect(JSON.stringify(b.scenarios)).toBe(JSON.stringify(a.scenarios));
    expect(JSON.stringify(b.twists)).toBe(JSON.stringify(a.twists));
    expect(JSON.stringify(b.liquidity)).toBe(JSON.stringify(a.liquidity));
    expect(a.planSource).toBeUndefined();
    expect(b.planSource).toMatchObject({
      file: SAVED,
      command: "plan",
      schemaVersion: 1,
      seed: 42,
      pricedOn: "current-curve",
      contracts: 634,
      moved: [],
      dropped: [],
      months: { first: "2026-12", last: "2027-11", count: 12 },
    });
  });

  it("needs no --policy, and the human output says where the plan came from", () => {
    const r = runCli([
      "scenarios",
      "fixtures/acme/usage.csv",
      "--curve",
      "fixtures/acme/token-curve.csv",
      "--contract",
      "fixtures/acme/token-contract.json",
      "--plan",
      SAVED,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(
      `plan: from ${SAVED} (saved plan, not re-planned: 12 months 2026-12 … 2027-11, 634 contracts, seed 42)`,
    );
    expect(r.stdout).toContain(
      "prices: the saved contracts on today's curve fixtures/acme/token-curve.csv, and price shocks are against it; no futures price moved since it was saved",
    );
    const again = runCli(["scenarios", ...ACME]);
    expect(r.stdout.split("\n").slice(2).join("\n")).toBe(again.stdout);
  });

  it("a hand-edited plan (2026-12 only, 10 contracts at 2.00) on a curve at 2.00: +50% pays 10 × 1,000 Mtok × (3.00 − 2.00) = $10,000", () => {
    const plan = edited("ten.json", (d) => {
      d.months = [{ ...d.months[0]!, contracts: 10, futuresPrice: 2 }];
    });
    const curve = join(dir, "curve-2.00.csv");
    writeFileSync(curve, readFileSync("fixtures/acme/token-curve.csv", "utf8").replace("2026-12,2.10", "2026-12,2.00"));
    const doc = runJson<ScenarioDoc>([
      "scenarios",
      "fixtures/acme/usage.csv",
      "--curve",
      curve,
      "--contract",
      "fixtures/acme/token-contract.json",
      "--plan",
      plan,
      "--shocks",
      "50",
      "--volumes",
      "p50",
      "--months",
      "--json",
    ]);
    expect(doc.scenarios).toHaveLength(1);
    expect(doc.scenarios[0]).toMatchObject({ priceShock: 0.5, volumeCase: "p50", futuresPnl: 10_000 });
    expect(doc.scenarios[0]!.months).toEqual([
      expect.objectContaining({ month: "2026-12", settlementPrice: 3, futuresPnl: 10_000 }),
    ]);
    expect(doc.planSource).toMatchObject({
      contracts: 10,
      moved: [],
      notInPlan: [
        "2027-01",
        "2027-02",
        "2027-03",
        "2027-04",
        "2027-05",
        "2027-06",
        "2027-07",
        "2027-08",
        "2027-09",
        "2027-10",
        "2027-11",
      ],
    });
  });

  it("on today's curve (2026-12 now 2.10) the shock is around 2.10 and the move is named: +50% pays 10 × 1,000 × (3.15 − 2.10) = $10,500", () => {
    const plan = edited("ten-moved.json", (d) => {
      d.months = [{ ...d.months[0]!, contracts: 10, futuresPrice: 2 }];
    });
    const r = runCli([
      "scenarios",
      ...ACME,
      "--plan",
      plan,
      "--shocks",
      "50",
      "--volumes",
      "p50",
      "--months",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as ScenarioDoc;
    expect(doc.scenarios[0]).toMatchObject({ futuresPnl: 10_500 });
    expect(doc.scenarios[0]!.months[0]!.settlementPrice).toBe(3.15);
    // The move since the plan was saved: 10 × 1,000 Mtok × (2.10 − 2.00) = $1,000 on the saved contracts.
    expect(doc.planSource!.moved).toEqual([
      { month: "2026-12", contractMonth: "2026-12", savedPrice: 2, currentPrice: 2.1, change: 0.1, value: 1000 },
    ]);
    expect(r.stderr).toContain(
      "the futures price moved in 1 month since it was saved; priced on today's curve fixtures/acme/token-curve.csv: 2026-12 2 → 2.1",
    );
    expect(r.stderr).toContain("hedged tokens do not match the contracts in 1 month (edited by hand?)");
  });

  it("sizing flags beside --plan change nothing and say so; a month of last month's plan no longer on the curve is left out", () => {
    const older = edited("older.json", (d) => {
      d.months = [{ ...d.months[0]!, month: "2026-11", contractMonth: "2026-11" }, ...d.months];
    });
    const r = runCli([
      "scenarios",
      ...ACME,
      "--plan",
      older,
      "--rounding",
      "nearest",
      "--volume-cap",
      "none",
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `warning: --rounding, --volume-cap do not change a saved plan's contracts: ignored with --plan ${older}`,
    );
    expect(r.stderr).toContain(
      `saved plan ${older}: 1 month left out: 2026-11 (2026-11 is not on fixtures/acme/token-curve.csv)`,
    );
    const doc = JSON.parse(r.stdout) as Record<string, unknown> & ScenarioDoc;
    expect(doc.planSource).toMatchObject({
      contracts: 634,
      dropped: [{ month: "2026-11", reason: "2026-11 is not on fixtures/acme/token-curve.csv" }],
    });
    const again = JSON.parse(runCli(["scenarios", ...ACME, "--json"]).stdout) as Record<string, unknown>;
    expect(JSON.stringify(doc.scenarios)).toBe(JSON.stringify(again.scenarios));
  });

  it("a contract other than the plan's exits 3 naming the field", () => {
    const plan = edited("other-size.json", (d) => {
      (d.contract as Record<string, unknown>).contractSize = 500_000_000;
    });
    const r = runCli(["scenarios", ...ACME, "--plan", plan]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `tokenhedge: error: ${plan}: the saved plan's contract is not this run's: contract.contractSize 500000000 in the plan, 1000000000 in fixtures/acme/token-contract.json`,
    );
    expect(r.stderr).toContain("key:      contract.contractSize");
  });

  it.each([
    [
      "a wrong command",
      (d: Record<string, unknown>) => void (d.command = "scenarios"),
      "command",
      '"scenarios"',
      'a document saved by tokenhedge plan --json (command "plan")',
    ],
    [
      "a wrong schemaVersion",
      (d: Record<string, unknown>) => void (d.schemaVersion = 2),
      "schemaVersion",
      "2",
      "1 (the schemaVersion tokenhedge plan --json writes)",
    ],
    ["no months", (d: Record<string, unknown>) => void delete d.months, "months", "(missing)", "expected array"],
    [
      "an empty months list",
      (d: Record<string, unknown>) => void (d.months = []),
      "months",
      "[]",
      "at least one delivery month",
    ],
    [
      "a string where a number is",
      (d: { months: Record<string, unknown>[] }) => void (d.months[2]!.contracts = "57"),
      "months[2].contracts",
      '"57"',
      "expected number",
    ],
    [
      "P90 below P50",
      (d: { months: Record<string, unknown>[] }) => void (d.months[0]!.forecastP90 = 1),
      "months[0].forecastP90",
      "1",
      "≥ forecastP50",
    ],
    [
      "a month twice",
      (d: { months: Record<string, unknown>[] }) => void (d.months[1]!.month = "2026-12"),
      "months[1].month",
      '"2026-12"',
      "each delivery month once, in order",
    ],
  ])(
    "%s exits 3 with the file, the key path, the value and what was expected",
    (_name, edit, path, value, expected) => {
      const file = edited(
        `bad-${path.replace(/\W/g, "_")}.json`,
        edit as (d: Record<string, unknown> & { months: Record<string, unknown>[] }) => unknown,
      );
      const r = runCli(["scenarios", ...ACME, "--plan", file, "--json"]);
      expect(r.code).toBe(3);
      const err = (
        JSON.parse(r.stderr.trim().split("\n").pop()!) as {
          error: { code: string; details: Record<string, string>; message: string };
        }
      ).error;
      expect(err.code).toBe("INPUT_INVALID");
      expect(err.details).toMatchObject({ file, path, value });
      expect(err.details.expected).toContain(expected);
      expect(err.message).toContain(`${path}:`);
    },
  );

  it("not JSON, or a missing file, exits 3", () => {
    const file = edited("not-json.json", () => "{ months: ");
    expect(runCli(["scenarios", ...ACME, "--plan", file]).code).toBe(3);
    expect(runCli(["scenarios", ...ACME, "--plan", join(dir, "nope.json")]).code).toBe(3);
  });
});

describe("simulate --plan FILE", () => {
  it("draws the same Monte Carlo as planning again on the same inputs, and says where the plan came from", () => {
    const again = runCli(["simulate", ...ACME, "--paths", "2000", "--json"]);
    const fromFile = runCli(["simulate", ...ACME, "--paths", "2000", "--plan", SAVED, "--json"]);
    expect([again.code, fromFile.code]).toEqual([0, 0]);
    const a = JSON.parse(again.stdout) as Record<string, unknown>;
    const { planSource, ...b } = JSON.parse(fromFile.stdout) as Record<string, unknown>;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(planSource).toMatchObject({ file: SAVED, pricedOn: "current-curve", contracts: 634 });
    const human = runCli(["simulate", ...ACME, "--paths", "2000", "--plan", SAVED]);
    expect(human.stdout.split("\n").slice(0, 2)).toEqual([
      `plan: from ${SAVED} (saved plan, not re-planned: 12 months 2026-12 … 2027-11, 634 contracts, seed 42)`,
      "prices: the saved contracts on today's curve fixtures/acme/token-curve.csv, and settlements are centred on it; no futures price moved since it was saved",
    ]);
  });

  it("--method parametric takes the saved plan too", () => {
    const doc = runJson<{ planSource: { contracts: number } }>([
      "simulate",
      ...ACME,
      "--paths",
      "2000",
      "--method",
      "parametric",
      "--plan",
      SAVED,
      "--json",
    ]);
    expect(doc.planSource.contracts).toBe(634);
  });
});

describe("report --plan FILE", () => {
  it("reports the saved plan: the same plan, scenarios and simulation, the file in the audit and planSource in report.json", () => {
    const CONFIG = ["--config", "fixtures/config/acme.config.yaml", "--as-of", "2026-11-05"];
    const fromConfig = runCli(["plan", "--config", "fixtures/config/acme.config.yaml", "--json"]);
    const plan = join(dir, "acme-plan.json");
    writeFileSync(plan, fromConfig.stdout);
    const [a, b] = [join(dir, "report-again"), join(dir, "report-saved")];
    expect(runCli(["report", ...CONFIG, "--out", a]).code).toBe(0);
    expect(runCli(["report", ...CONFIG, "--out", b, "--plan", plan]).code).toBe(0);
    const ra = JSON.parse(readFileSync(join(a, "report.json"), "utf8")) as Record<string, unknown> & {
      audit: { inputs: { role: string; path: string }[] };
    };
    const rb = JSON.parse(readFileSync(join(b, "report.json"), "utf8")) as typeof ra;
    for (const key of ["plan", "scenarios", "simulation", "check", "summary"])
      expect(JSON.stringify(rb[key])).toBe(JSON.stringify(ra[key]));
    expect(rb.planSource).toMatchObject({ file: plan, pricedOn: "current-curve", contracts: 634 });
    expect(rb.audit.inputs.map((f) => f.role)).toContain("saved plan");
    expect(readFileSync(join(b, "report.md"), "utf8")).toContain(`plan: from ${plan}`);
  });
});
