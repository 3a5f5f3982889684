/**
 * Outputs that destroy: `--out` writes regular files only, follows symlinks,
 * keeps the mode, never lands on an input of the run (implicit ones included), leaves no temp files,
 * and a report directory appears complete or not at all. Disk-full is exit 4 with nothing written.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanStaleTemps, writeDirectoryAtomic, writeFileAtomic } from "../../src/cli/files.js";
import { HedgeError } from "../../src/errors.js";
import { ACME, ROOT, runHere } from "../helpers/run-cli.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "th-out-"));
  copyFileSync(join(ROOT, ACME.usage), join(dir, "usage.csv"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ingestJson = (out: string, extra: string[] = []) =>
  runHere(["ingest", "usage.csv", "--json", "--out", out, ...extra], dir);

describe("hostile outputs: --out", () => {
  it("follows a symlink to its target instead of replacing the link", async () => {
    writeFileSync(join(dir, "real.json"), "{}");
    symlinkSync("real.json", join(dir, "latest.json"));
    expect((await ingestJson("latest.json")).code).toBe(0);
    expect(lstatSync(join(dir, "latest.json")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "latest.json"))).toBe("real.json");
    expect(JSON.parse(readFileSync(join(dir, "real.json"), "utf8")).command).toBe("ingest");
  });

  it("keeps the mode of the file it replaces (0600 stays 0600)", async () => {
    writeFileSync(join(dir, "secret.json"), "{}");
    chmodSync(join(dir, "secret.json"), 0o600);
    expect((await ingestJson("secret.json")).code).toBe(0);
    expect(statSync(join(dir, "secret.json")).mode & 0o777).toBe(0o600);
  });

  it("writes to a device directly, never replacing it (/dev/null stays a character device)", async () => {
    expect((await ingestJson("/dev/null")).code).toBe(0);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("writes into a FIFO instead of replacing it", async () => {
    execFileSync("mkfifo", [join(dir, "pipe")]);
    // A reader on the other end (its own process), so the write does not wait forever.
    const reader = spawn("cat", [join(dir, "pipe")], {
      stdio: ["ignore", openSync(join(dir, "got.json"), "w"), "ignore"],
    });
    const done = new Promise((ok) => reader.on("exit", ok));
    expect((await ingestJson("pipe")).code).toBe(0);
    await done;
    expect(statSync(join(dir, "pipe")).isFIFO()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "got.json"), "utf8")).command).toBe("ingest");
  });

  it("--out - is stdout", async () => {
    const r = await ingestJson("-");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).command).toBe("ingest");
    expect(existsSync(join(dir, "-"))).toBe(false);
  });

  it("refuses the mapping file beside the data (an implicit input), and leaves it intact", async () => {
    const mapping =
      "quantity:\n  column: tokens\n  kind:\n    column: token_type\ndate:\n  column: date\nmodel:\n  column: model\n";
    writeFileSync(join(dir, "usage.csv.map.yaml"), mapping);
    const r = await ingestJson("usage.csv.map.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage\.csv\.map\.yaml: refusing to write over it: it is an input of this run/);
    expect(readFileSync(join(dir, "usage.csv.map.yaml"), "utf8")).toBe(mapping);
  });

  it("refuses an input reached through a symlink", async () => {
    symlinkSync("usage.csv", join(dir, "alias.csv"));
    const r = await ingestJson("alias.csv");
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, "usage.csv"), "utf8")).toBe(readFileSync(join(ROOT, ACME.usage), "utf8"));
  });

  it("writes a 250-byte name (the temp name is short) and a 300-byte one is a usage error, not an internal one", async () => {
    expect((await ingestJson("a".repeat(245) + ".json")).code).toBe(0);
    const r = await ingestJson("b".repeat(300) + ".json");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shorter file name/);
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("a full disk (/dev/full) exits 4, not 2", async () => {
    const r = await ingestJson("/dev/full");
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("/dev/full: cannot write it (ENOSPC: no space left on device, write)");
  });

  it("a missing directory: exit 2, the file named once and never the temporary file's name", async () => {
    const r = await ingestJson("no-such-dir/out.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no-such-dir/out.json: cannot write it: the directory no-such-dir does not exist");
    expect(r.stderr).toContain("create the directory first");
    expect(r.stderr).not.toMatch(/\.th-|\.tmp/);
  });

  it("a directory as --out: exit 2, asks for a file name", async () => {
    mkdirSync(join(dir, "out"));
    const r = await ingestJson("out");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("out: cannot write it: it is a directory");
  });

  it("cleans temp files left by killed runs, and keeps those of live ones", () => {
    // A pid far above pid_max is not running.
    writeFileSync(join(dir, `.th-${(4194304 * 4).toString(36)}-0123abcd.tmp`), "stale");
    writeFileSync(join(dir, `.th-${process.pid.toString(36)}-0123abcd.tmp`), "ours");
    cleanStaleTemps(dir);
    expect(readdirSync(dir).filter((n) => n.startsWith(".th-"))).toEqual([
      `.th-${process.pid.toString(36)}-0123abcd.tmp`,
    ]);
  });

  it("writeFileAtomic refuses a protected input named by another path", () => {
    expect(() => writeFileAtomic("./usage.csv", "x", dir, ["usage.csv"])).toThrow(HedgeError);
  });
});

describe("hostile outputs: report directories", () => {
  const files = { "report.json": "{}\n", "report.md": "# r\n", "charts/usage.svg": "<svg/>\n" };

  it("a new directory appears in one rename, with every file", () => {
    writeDirectoryAtomic("rep", files, dir);
    expect(readdirSync(join(dir, "rep")).sort()).toEqual(["charts", "report.json", "report.md"]);
    expect(readdirSync(dir).filter((n) => n.startsWith(".th-"))).toEqual([]);
  });

  it("a write that fails part-way changes nothing: the old report stays whole, no temp is left", () => {
    writeDirectoryAtomic("rep", files, dir);
    // A name no file system accepts makes the third write fail after two succeeded.
    const bad = { "report.json": '{"new":1}\n', "report.md": "# new\n", ["x".repeat(300)]: "boom" };
    expect(() => writeDirectoryAtomic("rep", bad, dir)).toThrow(HedgeError);
    expect(readFileSync(join(dir, "rep", "report.json"), "utf8")).toBe("{}\n");
    expect(readFileSync(join(dir, "rep", "report.md"), "utf8")).toBe("# r\n");
    expect(readdirSync(join(dir, "rep")).filter((n) => n.startsWith(".th-"))).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.startsWith(".th-"))).toEqual([]);
  });

  it("a new directory that fails part-way does not appear at all", () => {
    const bad = { "report.json": "{}\n", ["y".repeat(300)]: "boom" };
    expect(() => writeDirectoryAtomic("fresh", bad, dir)).toThrow(HedgeError);
    expect(existsSync(join(dir, "fresh"))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith(".th-"))).toEqual([]);
  });

  it("refuses a report file that would land on an input", () => {
    mkdirSync(join(dir, "rep"));
    writeFileSync(join(dir, "rep", "report.md"), "input!");
    expect(() => writeDirectoryAtomic("rep", files, dir, ["rep/report.md"])).toThrow(/refusing to write over/);
    expect(readFileSync(join(dir, "rep", "report.md"), "utf8")).toBe("input!");
  });
});
