/**
 * The shipped CLI is compiled from V8's code cache written at build time (scripts/code-cache.mjs, docs/startup.md).
 * The cache is only an acceleration: the build's own cache must be accepted (or the start-up gain is silently lost,
 * for instance when the warm-up and the loader compile different source text), and a cache that is missing or
 * damaged must leave the CLI working exactly as without it.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LOAD = join(ROOT, "dist/bundle/cli/load.js");
const copies: string[] = [];
afterAll(() => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** bin/ and the bundle copied to a temporary directory, so its cache can be changed without touching the build. */
function copyOfCli(): string {
  const dir = mkdtempSync(join(tmpdir(), "tokenhedge-code-cache-"));
  copies.push(dir);
  cpSync(join(ROOT, "bin"), join(dir, "bin"), { recursive: true });
  cpSync(join(ROOT, "dist/bundle/cli"), join(dir, "dist/bundle/cli"), { recursive: true });
  return dir;
}

const help = (dir: string) =>
  spawnSync(process.execPath, [join(dir, "bin/tokenhedge"), "--help"], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });

describe("code cache", () => {
  it("the build's cache is accepted by the loader", () => {
    const r = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { loadBundle } = await import(${JSON.stringify(LOAD)}); console.log(loadBundle().cacheUsed);`,
      ],
      { encoding: "utf8" },
    );
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("true");
  });

  it("the bundle has no import() left: a code-cached script on Node 20 has no loader for one", () => {
    const source = readFileSync(join(ROOT, "dist/bundle/cli/cli.cjs"), "utf8");
    expect(source.match(/\bimport\([^)]{0,60}/g) ?? []).toEqual([]);
  });

  it("a damaged cache is rejected and the CLI runs as without it", () => {
    const dir = copyOfCli();
    const cache = join(dir, "dist/bundle/cli/cli.cjs.cache");
    writeFileSync(cache, Buffer.alloc(4096, 0x5a));
    const r = help(dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: tokenhedge");
    expect(r.stdout).toBe(help(ROOT).stdout);
    const used = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { loadBundle } = await import(${JSON.stringify(join(dir, "dist/bundle/cli/load.js"))}); console.log(loadBundle().cacheUsed);`,
      ],
      { encoding: "utf8" },
    );
    expect(used.stdout.trim()).toBe("false");
  });

  it("a missing cache leaves the CLI working", () => {
    const dir = copyOfCli();
    rmSync(join(dir, "dist/bundle/cli/cli.cjs.cache"));
    const r = help(dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(help(ROOT).stdout);
  });
});
