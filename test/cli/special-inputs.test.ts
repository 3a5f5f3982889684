/**
 * A config, small input or usage file that is a FIFO or a device is refused at once,
 * never opened: a FIFO without a writer would block the run forever and `/dev/zero`
 * never ends. The config is a usage error (exit 2) whichever way it was found (--config,
 * TOKENHEDGE_CONFIG, the hedge.config.yaml in the working directory); a data input is exit 3.
 * Before this, `--config FIFO` said "config file not found", and `forecast FIFO` and
 * `sql --header-from FIFO` blocked (the header peek opened the pipe).
 */
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, runHere } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "th-special-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const f of ["usage.csv", "token-curve.csv", "token-contract.json", "policy.json"])
  copyFileSync(join(ROOT, "fixtures/acme", f), join(dir, f));

/** A FIFO nobody writes to, when the platform has mkfifo. */
function makeFifo(name: string): boolean {
  try {
    execFileSync("mkfifo", [join(dir, name)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const haveFifo = makeFifo("in.fifo");
const haveZero = existsSync("/dev/zero");
// A directory whose hedge.config.yaml is a FIFO (the discovered config).
mkdirSync(join(dir, "discover"));
if (haveFifo) execFileSync("mkfifo", [join(dir, "discover", "hedge.config.yaml")]);
copyFileSync(join(ROOT, "fixtures/acme/usage.csv"), join(dir, "discover", "usage.csv"));

const PLAN = [
  "plan",
  "usage.csv",
  "--curve",
  "token-curve.csv",
  "--contract",
  "token-contract.json",
  "--policy",
  "policy.json",
];

/** Run and require an answer well within the time a blocked open would take (the worker would wait 120 s). */
async function quick(args: string[], cwd = dir, env: Record<string, string> = { TOKENHEDGE_CONFIG: "" }) {
  const started = Date.now();
  const r = await runHere(args, cwd, env);
  expect(Date.now() - started).toBeLessThan(10_000);
  return r;
}

describe("--config that is not a regular file", () => {
  it.skipIf(!haveFifo)("--config FIFO: exit 2, named as a FIFO, with the way forward", async () => {
    const r = await quick(["ingest", "--config", "in.fifo"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "in.fifo: this is a FIFO (named pipe), not a regular file (the config file, given with --config)",
    );
    expect(r.stderr).toContain(
      "save the config to a file first (e.g. cat in.fifo > my.config.yaml) and pass --config my.config.yaml",
    );
    expect(r.stderr).not.toMatch(/not found/);
  });

  it.skipIf(!haveZero)("--config /dev/zero: exit 2, named as a character device, not read", async () => {
    const r = await quick(["report", "--config", "/dev/zero", "--out", "rep"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "/dev/zero: this is a character device, not a regular file (the config file, given with --config)",
    );
    expect(r.stderr).toContain("pass --config with a regular file");
    expect(existsSync(join(dir, "rep"))).toBe(false);
  });

  it.skipIf(!haveFifo)("TOKENHEDGE_CONFIG naming a FIFO: exit 2", async () => {
    const r = await quick(["ingest", "usage.csv"], dir, { TOKENHEDGE_CONFIG: "in.fifo" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("(the config file, named by TOKENHEDGE_CONFIG)");
  });

  it.skipIf(!haveFifo)(
    "a hedge.config.yaml in the working directory that is a FIFO: exit 2, not a blocked run",
    async () => {
      const r = await quick(["ingest", "usage.csv"], join(dir, "discover"), {});
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        "hedge.config.yaml: this is a FIFO (named pipe), not a regular file (the config file, found in the working directory)",
      );
    },
  );
});

describe("small inputs and usage files that are FIFOs or devices", () => {
  it.skipIf(!haveFifo).each([
    ["--curve", 3, PLAN],
    ["--contract", 3, PLAN],
    ["--policy", 3, PLAN],
    ["--history", 3, [...PLAN, "--history", "x"]],
    ["--mapping", 3, ["ingest", "usage.csv", "--mapping", "x"]],
  ] as const)("%s FIFO: exit %i, refused at once", async (flag, code, base) => {
    const args = [...base];
    args[args.indexOf(flag) + 1] = "in.fifo";
    const r = await quick(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain("in.fifo: this is a FIFO (named pipe), not a regular file");
  });

  it.skipIf(!haveFifo)("forecast FIFO (the header peek used to block on it): exit 3", async () => {
    const r = await quick(["forecast", "in.fifo"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("in.fifo: this is a FIFO (named pipe), not a regular file");
  });

  it.skipIf(!haveZero)("forecast /dev/zero: exit 3, a character device", async () => {
    const r = await quick(["forecast", "/dev/zero"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("/dev/zero: this is a character device, not a regular file");
  });

  // A sample export that cannot be read is bad input (exit 3), as a usage file, curve or contract named by a flag is.
  it.skipIf(!haveFifo)("sql --header-from FIFO: exit 3, the flag and the FIFO named", async () => {
    const r = await quick(["sql", "--profile", "openai-usage", "--dialect", "duckdb", "--header-from", "in.fifo"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("in.fifo: --header-from: this is a FIFO (named pipe), not a regular file");
  });

  it.skipIf(!haveZero)(
    "sql --header-from /dev/zero: exit 3 with a short message (it used to read a MiB of NULs into the error)",
    async () => {
      const r = await quick(["sql", "--profile", "openai-usage", "--dialect", "duckdb", "--header-from", "/dev/zero"]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain("/dev/zero: --header-from: this is a character device, not a regular file");
      expect(r.stderr.length).toBeLessThan(1000);
    },
  );
});
