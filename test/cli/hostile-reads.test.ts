/**
 * Reads without bounds: every small input goes through one reader with a size
 * limit; FIFOs and devices (which may never end, or never start) are refused with a message; a
 * file that changes while it is read is an error, for small inputs and streamed usage files alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readTextFile, SMALL_INPUT_LIMIT } from "../../src/cli/files.js";
import { MAX_RECORD_BYTES } from "../../src/csv/scanner.js";
import { ingestUsage } from "../../src/ingest/index.js";
import { errorOf } from "../helpers/error-of.js";
import { ACME, ROOT, runHere } from "../helpers/run-cli.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "th-read-"));
  for (const f of Object.values(ACME)) copyFileSync(join(ROOT, f), join(dir, f.split("/").pop()!));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const planWith = (flag: string, value: string) => {
  const args: Record<string, string> = {
    "--curve": "token-curve.csv",
    "--contract": "token-contract.json",
    "--policy": "policy.json",
  };
  args[flag] = value;
  return runHere(["plan", "usage.csv", ...Object.entries(args).flat()], dir);
};

describe("hostile reads", () => {
  it.each(["--curve", "--contract", "--policy"])(
    "%s /dev/zero is refused at once (exit 3), not read into memory",
    async (flag) => {
      const r = await planWith(flag, "/dev/zero");
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/\/dev\/zero: this is a character device, not a regular file/);
    },
  );

  it("--config /dev/zero is refused too (a config that is not a regular file is a usage error)", async () => {
    const r = await runHere(["report", "--config", "/dev/zero", "--out", "rep"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /\/dev\/zero: this is a character device, not a regular file \(the config file, given with --config\)/,
    );
  });

  it("a FIFO with no writer is refused instead of blocking forever", async () => {
    execFileSync("mkfifo", [join(dir, "curve.fifo")]);
    const started = Date.now();
    const r = await planWith("--curve", "curve.fifo");
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/FIFO \(named pipe\)/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a usage file that is a FIFO is refused with the way forward", async () => {
    execFileSync("mkfifo", [join(dir, "usage.fifo")]);
    const r = await runHere(["ingest", "usage.fifo"], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/copy the data into a file first/);
  });

  it("a small input above the size limit is refused before it is read", () => {
    writeFileSync(join(dir, "big.csv"), "month,price\n" + "x".repeat(2000));
    const e = errorOf(() => readTextFile("big.csv", dir, 1024));
    expect(e.code).toBe("INPUT_INVALID");
    expect(e.message).toMatch(/is 2012 bytes, more than the 1024-byte limit/);
    expect(SMALL_INPUT_LIMIT).toBe(32 * 1024 * 1024);
  });

  it("a 20 MB field is refused at its line (the record limit is 16 MiB), not kept as a model name", () => {
    const e = errorOf(() =>
      ingestUsage(`date,tokens,model\n2026-01-01,5,${"m".repeat(20 << 20)}\n`, { file: "huge.csv" }),
    );
    expect(e.code).toBe("INPUT_CSV_SYNTAX");
    expect(e.location).toBe("huge.csv:2");
    expect(e.message).toMatch(/a record longer than 16 MiB/);
    expect(MAX_RECORD_BYTES).toBe(16 * 1024 * 1024);
  });

  it("a directory is refused", () => {
    expect(errorOf(() => readTextFile(".", dir)).message).toMatch(/is a directory/);
  });
});
