/**
 * bin/tokenhedge prints the top-level help from dist/bundle/cli/help.txt (written at build time by
 * scripts/help-text.mjs) without loading the bundle. That is only right while the help is one text on every
 * terminal: these tests fail when a width, a colour setting or a change to the CLI would make the file and the
 * bundle's own help differ, and when the launcher stops falling back to the bundle without the file.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli, spawnCli } from "../helpers/run-cli.js";

const HELP = readFileSync(join(ROOT, "dist/bundle/cli/help.txt"), "utf8");
const copies: string[] = [];
afterAll(() => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the prebuilt top-level help", () => {
  it("is the bundle's own --help, at any width and colour setting", () => {
    expect(HELP).toMatch(/^Usage: tokenhedge \[options\] \[command\]\n/);
    const envs: Record<string, string>[] = [{}, { COLUMNS: "40" }, { COLUMNS: "250" }, { FORCE_COLOR: "1" }];
    for (const env of envs) {
      const r = runCli(["--help"], { env });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(HELP);
    }
  });

  it("is what the launcher prints for --help, -h and help", () => {
    for (const args of [["--help"], ["-h"], ["help"]]) {
      const r = spawnCli(args);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(HELP);
    }
  });

  it("is not used for anything else on the line: the bundle answers, and the help is the same", () => {
    const r = spawnCli(["--help", "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(HELP);
    expect(spawnCli(["plan", "--help"]).stdout).toMatch(/^Usage: tokenhedge plan/);
  });

  it("when the file is missing, the launcher loads the bundle and prints the same help", () => {
    const dir = mkdtempSync(join(tmpdir(), "tokenhedge-help-"));
    copies.push(dir);
    cpSync(join(ROOT, "bin"), join(dir, "bin"), { recursive: true });
    cpSync(join(ROOT, "dist/bundle/cli"), join(dir, "dist/bundle/cli"), { recursive: true });
    rmSync(join(dir, "dist/bundle/cli/help.txt"));
    const r = spawnSync(process.execPath, [join(dir, "bin/tokenhedge"), "--help"], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(HELP);
  });
});
