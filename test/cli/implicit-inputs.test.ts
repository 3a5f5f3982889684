/**
 * `--out` never lands on an input of the run, implicit ones included: the
 * `FILE.map.yaml` mapping found beside the data, the config file (--config, TOKENHEDGE_CONFIG or
 * the discovered hedge.config.yaml) and every file the config names, read by this command or not
 * (a `plan --out` on the config's effectiveness history used to replace it). Compared through
 * symlinks; refused with exit 2 before anything is written, naming the path and what it is.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, runHere } from "../helpers/run-cli.js";

let dir: string;
const ACME_FILES = [
  "usage.csv",
  "token-curve.csv",
  "token-contract.json",
  "policy.json",
  "index-linked-price-history.csv",
  "book.csv",
  "settlements.csv",
];
const MAPPING =
  "quantity:\n  column: tokens\n  kind:\n    column: token_type\ndate:\n  column: date\nmodel:\n  column: model\n";
const CONFIG = [
  "version: 1",
  "usage:",
  "  file: ../data/usage.csv",
  "curve: ../data/token-curve.csv",
  "contract: ../data/token-contract.json",
  "policy: ../data/policy.json",
  "book: ../data/book.csv",
  "settlements: ../data/settlements.csv",
  "effectiveness:",
  "  history: ../data/index-linked-price-history.csv",
  "",
].join("\n");

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "th-implicit-"));
  mkdirSync(join(dir, "data"));
  mkdirSync(join(dir, "conf"));
  for (const f of ACME_FILES) copyFileSync(join(ROOT, "fixtures/acme", f), join(dir, "data", f));
  writeFileSync(join(dir, "conf", "th.yaml"), CONFIG);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bytesOf = (rel: string): Buffer => readFileSync(join(dir, rel));
const noTemps = (sub: string): string[] => readdirSync(join(dir, sub)).filter((n) => n.startsWith(".th-"));

describe("--out refuses the implicit inputs of the run", () => {
  it("the FILE.map.yaml beside the usage data: exit 2, named as that mapping, left byte-identical", async () => {
    writeFileSync(join(dir, "data", "usage.csv.map.yaml"), MAPPING);
    const before = bytesOf("data/usage.csv.map.yaml");
    const r = await runHere(["ingest", "data/usage.csv", "--json", "--out", "data/usage.csv.map.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "data/usage.csv.map.yaml: refusing to write over it: it is an input of this run (the mapping found beside data/usage.csv)",
    );
    expect(bytesOf("data/usage.csv.map.yaml").equals(before)).toBe(true);
    expect(noTemps("data")).toEqual([]);
  });

  it("the config file given with --config", async () => {
    const before = bytesOf("conf/th.yaml");
    const r = await runHere(["ingest", "--config", "conf/th.yaml", "--json", "--out", "conf/th.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "conf/th.yaml: refusing to write over it: it is an input of this run (the config file, given with --config)",
    );
    expect(bytesOf("conf/th.yaml").equals(before)).toBe(true);
  });

  it("the config file named by TOKENHEDGE_CONFIG, reached through a symlink", async () => {
    symlinkSync("conf/th.yaml", join(dir, "alias.yaml"));
    const before = bytesOf("conf/th.yaml");
    const r = await runHere(["ingest", "--json", "--out", "alias.yaml"], dir, { TOKENHEDGE_CONFIG: "conf/th.yaml" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "alias.yaml: refusing to write over it: it is an input of this run (the config file, named by TOKENHEDGE_CONFIG)",
    );
    expect(bytesOf("conf/th.yaml").equals(before)).toBe(true);
  });

  it("the hedge.config.yaml found in the working directory", async () => {
    writeFileSync(join(dir, "hedge.config.yaml"), CONFIG.replaceAll("../data/", "data/"));
    const before = bytesOf("hedge.config.yaml");
    const r = await runHere(["ingest", "--json", "--out", "hedge.config.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "hedge.config.yaml: refusing to write over it: it is an input of this run (the config file, found in the working directory)",
    );
    expect(bytesOf("hedge.config.yaml").equals(before)).toBe(true);
  });

  it.each([
    ["effectiveness.history", "data/index-linked-price-history.csv"],
    ["book", "data/book.csv"],
    ["settlements", "data/settlements.csv"],
  ])("a file the config names (%s) though this command does not read it", async (key, path) => {
    const before = bytesOf(path);
    const r = await runHere(["ingest", "--config", "conf/th.yaml", "--json", "--out", path], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${path}: refusing to write over it: it is an input of this run (${key}: in the config conf/th.yaml)`,
    );
    expect(bytesOf(path).equals(before)).toBe(true);
  });

  it("plan --out on the config's effectiveness history is refused (it used to be replaced by the plan)", async () => {
    const before = bytesOf("data/index-linked-price-history.csv");
    const r = await runHere(
      ["plan", "--config", "conf/th.yaml", "--json", "--out", "data/index-linked-price-history.csv"],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("(effectiveness.history: in the config conf/th.yaml)");
    expect(bytesOf("data/index-linked-price-history.csv").equals(before)).toBe(true);
  });

  it("a path a TOKENHEDGE_* variable names is an input too", async () => {
    const before = bytesOf("data/token-curve.csv");
    const r = await runHere(["ingest", "data/usage.csv", "--json", "--out", "data/token-curve.csv"], dir, {
      TOKENHEDGE_CONFIG: "",
      TOKENHEDGE_CURVE: "data/token-curve.csv",
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "data/token-curve.csv: refusing to write over it: it is an input of this run (named by TOKENHEDGE_CURVE)",
    );
    expect(bytesOf("data/token-curve.csv").equals(before)).toBe(true);
  });

  it("an output path that is no input is still written (the known answer: exit 0, an ingest document)", async () => {
    const r = await runHere(["ingest", "--config", "conf/th.yaml", "--json", "--out", "out.json"], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "out.json"), "utf8")).command).toBe("ingest");
  });
});
