/** Config parsing, validation messages, precedence and provenance (the README, "Configuration: hedge.config.yaml"). */
import { describe, expect, it } from "vitest";
import { HedgeError } from "../../src/errors.js";
import {
  parseConfigText,
  resolveConfig,
  requireComplete,
  missingKeys,
  describeSource,
} from "../../src/config/index.js";

function failure(fn: () => unknown): HedgeError {
  try {
    fn();
  } catch (err) {
    if (err instanceof HedgeError) return err;
    throw err;
  }
  throw new Error("expected a HedgeError");
}

const YAML = `usage:
  file: data/usage.csv
curve: data/curve.csv
contract: data/contract.json
policy: data/policy.json
seed: 7
thresholds:
  maxStaleDays: 10
`;

describe("parseConfigText", () => {
  it("reads YAML and JSON", () => {
    expect(parseConfigText(YAML, "h.yaml").seed).toBe(7);
    expect(parseConfigText(`{"curve": "c.csv", "horizon": 6}`, "h.json")).toEqual({ curve: "c.csv", horizon: 6 });
  });

  it("an empty file is an empty config", () => {
    expect(parseConfigText("", "h.yaml")).toEqual({});
  });

  it("a wrong type names the file, the line, the key path and what was expected (exit 2)", () => {
    const err = failure(() =>
      parseConfigText(`curve: c.csv\nthresholds:\n  maxOverHedgeProbability: 1.5\n`, "hedge.config.yaml"),
    );
    expect(err.code).toBe("CONFIG_INVALID");
    expect(err.exitCode).toBe(2);
    expect(err.details.file).toBe("hedge.config.yaml");
    expect(err.details.path).toBe("thresholds.maxOverHedgeProbability");
    expect(err.details.line).toBe(3);
    expect(err.details.expected).toMatch(/ratio between 0 and 1/);
  });

  it("an unknown key is named (a typo must not be ignored)", () => {
    const err = failure(() => parseConfigText(`curve: c.csv\nsede: 4\n`, "h.yaml"));
    expect(err.message).toMatch(/unknown key "sede"/);
  });

  it("an unknown key points at its own line and column, with a hint for a typo", () => {
    const top = failure(() => parseConfigText(`version: 1\ncurve: c.csv\n\npolcy: p.json\n`, "h.yaml"));
    expect([top.details.line, top.details.column, top.details.path]).toEqual([4, 1, "polcy"]);
    expect(top.message).toContain('unknown key "polcy" (see tokenhedge help config) (line 4)');
    expect(top.details.hint).toMatch(/misspelt key/);
    const nested = failure(() => parseConfigText(`thresholds:\n  maxCostAtRisk: 5\n  maxOverHedge: 0.2\n`, "h.yaml"));
    expect([nested.details.line, nested.details.column, nested.details.path]).toEqual([
      3,
      3,
      "thresholds.maxOverHedge",
    ]);
  });

  it("an inline contract reports its own key path", () => {
    const err = failure(() =>
      parseConfigText(
        `contract:\n  name: X\n  underlying: token-index\n  quoteUnit: USD/Mtok\n  contractSize: -5\n  sizeUnit: tokens\n  tickSize: 0.01\n  currency: USD\n  initialMargin: 1\n  maintenanceMargin: 1\n`,
        "h.yaml",
      ),
    );
    expect(err.details.path).toBe("contract.contractSize");
  });

  it("a YAML syntax error gives line and column", () => {
    const err = failure(() => parseConfigText(`curve: [a, b\nseed: 1\n`, "h.yaml"));
    expect(err.code).toBe("CONFIG_INVALID");
    expect(err.details.line).toBeGreaterThanOrEqual(1);
    expect(err.message).toMatch(/not valid YAML/);
  });

  it("a __proto__ key is rejected as unknown, not merged into a prototype", () => {
    const err = failure(() => parseConfigText(`{"__proto__": {"polluted": 1}, "curve": "c.csv"}`, "h.json"));
    expect(err.code).toBe("CONFIG_INVALID");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("resolveConfig: precedence flags > env > file > defaults", () => {
  const file = { name: "cfg/hedge.config.yaml", dir: "/home/u/proj/cfg", text: YAML };

  it("paths in the file resolve relative to the file, and are shown relative to the working directory", () => {
    const r = resolveConfig({ cwd: "/home/u/proj", file, env: {} });
    expect(r.values.usage).toEqual({ file: "cfg/data/usage.csv" });
    expect(r.values.curve).toBe("cfg/data/curve.csv");
    expect(r.sources.curve).toEqual({ kind: "file", file: "cfg/hedge.config.yaml" });
  });

  it("defaults fill what nothing else sets", () => {
    const r = resolveConfig({ cwd: "/home/u/proj", env: {} });
    expect(r.values.simulation?.paths).toBe(10000);
    expect(describeSource(r.sources["simulation.paths"]!)).toBe("default");
  });

  it("env beats the file; a flag beats env", () => {
    const env = { TOKENHEDGE_SEED: "11", TOKENHEDGE_CURVE: "other.csv" };
    const r1 = resolveConfig({ cwd: "/home/u/proj", file, env });
    expect(r1.values.seed).toBe(11);
    expect(r1.sources.seed).toEqual({ kind: "env", name: "TOKENHEDGE_SEED" });
    expect(r1.values.curve).toBe("other.csv"); // env paths are relative to the working directory
    const r2 = resolveConfig({
      cwd: "/home/u/proj",
      file,
      env,
      flags: { kind: "flag", values: { seed: 99 }, names: { seed: "--seed" } },
    });
    expect(r2.values.seed).toBe(99);
    expect(describeSource(r2.sources.seed!)).toBe("flag --seed");
    // the rest of the file's thresholds survive a merge at a sibling key
    expect(r2.values.thresholds?.maxStaleDays).toBe(10);
  });

  it("a ratio from a higher layer replaces the file's policy", () => {
    const r = resolveConfig({ cwd: "/home/u/proj", file, env: { TOKENHEDGE_RATIO: "0.5" } });
    expect(r.values.policy).toBeUndefined();
    expect(r.values.ratio).toBe(0.5);
    expect(r.sources.policy).toBeUndefined();
  });

  it("a bad env value names the variable (exit 2)", () => {
    const err = failure(() => resolveConfig({ cwd: "/x", env: { TOKENHEDGE_HORIZON: "soon" } }));
    expect(err.code).toBe("CONFIG_INVALID");
    expect(err.message).toMatch(/TOKENHEDGE_HORIZON/);
  });

  it("an empty env value counts as unset", () => {
    const r = resolveConfig({ cwd: "/x", env: { TOKENHEDGE_SEED: "" } });
    expect(r.values.seed).toBe(42);
  });
});

describe("requireComplete", () => {
  it("names every way to supply a missing key", () => {
    const r = resolveConfig({
      cwd: "/p",
      file: { name: "h.yaml", dir: "/p", text: "curve: c.csv\ncontract: k.json\nratio: 0.5\n" },
      env: {},
    });
    expect(missingKeys(r)).toEqual(["usage.file"]);
    const err = failure(() => requireComplete(r));
    expect(err.exitCode).toBe(2);
    expect(err.details.expected).toMatch(/usage: in the config file, TOKENHEDGE_USAGE, or the FILE argument/);
  });

  it("turns the --map syntax into a column map", () => {
    const r = resolveConfig({
      cwd: "/p",
      file: {
        name: "h.yaml",
        dir: "/p",
        text: "usage: {file: u.csv, map: 'date=day,tokens=n'}\ncurve: c.csv\ncontract: k.json\nratio: 0.5\n",
      },
      env: {},
    });
    expect(requireComplete(r).usage).toEqual({ files: ["u.csv"], map: { date: "day", tokens: "n" } });
  });
});
