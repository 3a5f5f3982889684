/**
 * A closed pipe and an interrupt, checked the way a user meets them: a real pipe whose reader has gone,
 * and a real SIGINT / SIGTERM sent to a long `simulate --out` run.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ACME, PLAN_ARGS, ROOT } from "../helpers/run-cli.js";

const BIN = fileURLToPath(new URL("../../bin/tokenhedge", import.meta.url));

function quoted(args: string[]): string {
  return args.map((a) => `'${a}'`).join(" ");
}

describe("a broken pipe", () => {
  // `true` exits without reading, so the pipe is closed before tokenhedge writes: the write fails with EPIPE.
  for (const args of [["simulate", "--help"], ["--help"], ["ingest", ACME.usage, "--json"]]) {
    it(`ends quietly with status 0: tokenhedge ${args.join(" ")} | true`, () => {
      const r = spawnSync(
        "bash",
        ["-c", `'${process.execPath}' '${BIN}' ${quoted(args)} | true; exit \${PIPESTATUS[0]}`],
        { cwd: ROOT, encoding: "utf8" },
      );
      expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
      expect(r.status).toBe(0);
    });
  }
});

describe("an interrupt", () => {
  // 1,000,000 paths take about 20 s here; the signal comes 1.5 s in, so the run is mid-simulation.
  async function interrupted(
    signal: "SIGINT" | "SIGTERM",
  ): Promise<{ code: number | null; signal: string | null; ms: number; out: string }> {
    const out = join(mkdtempSync(join(tmpdir(), "th-sig-")), "x.txt");
    const child = spawn(
      process.execPath,
      [BIN, "simulate", ACME.usage, ...PLAN_ARGS, "--paths", "1000000", "--out", out],
      { cwd: ROOT, stdio: "ignore" },
    );
    await new Promise((r) => setTimeout(r, 1500));
    const sent = Date.now();
    child.kill(signal);
    const [code, sig] = await new Promise<[number | null, string | null]>((r) => child.on("exit", (c, s) => r([c, s])));
    return { code, signal: sig, ms: Date.now() - sent, out };
  }

  for (const [signal, status] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    it(`${signal} stops a long simulate at once (status ${status} or killed by the signal) and writes nothing`, async () => {
      const r = await interrupted(signal);
      expect(r.signal === signal || r.code === status).toBe(true);
      // Generous for a shared machine; before the fix the run went on for ~18 s more.
      expect(r.ms).toBeLessThan(5000);
      expect(existsSync(r.out)).toBe(false);
    }, 30_000);
  }
});
