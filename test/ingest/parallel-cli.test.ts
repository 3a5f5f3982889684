/**
 * The parallel reader through the built CLI (TOKENHEDGE_THREADS; src/cli/ingest-parallel.ts and its worker
 * threads): the same output as one thread, byte for byte, on a generated file that does merge, on files where
 * it falls back to one thread, and the same error, line number included, for a bad row deep in the file.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { ingestText } from "../../src/ingest/reading/engine.js";

const F = join(ROOT, "fixtures", "formats");
const dir = mkdtempSync(join(tmpdir(), "th-par-"));

/** 500,000 short rows (≈ 15 MB): the first of two ranges holds more rows than the duplicate check covers. */
function generated(bad?: number): string {
  const models = ["gpt-4o", "claude-3", '"o1,mini"', "gemini"];
  const out = ["date,id,model,project,tokens,cost"];
  for (let i = 0; i < 500_000; i++) {
    const day = `2026-${String(1 + ((i >> 15) % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    const project = i === 1234 ? '"two\nlines, quoted"' : `p${i % 13}`;
    out.push(`${day},r${i},${models[i % 4]},${project},${i === bad ? "many" : (i * 7919) % 100_000},${(i % 97) / 100}`);
  }
  return out.join("\n") + "\n";
}

describe("ingest with worker threads (TOKENHEDGE_THREADS)", () => {
  const text = generated();
  const file = join(dir, "big.csv");
  writeFileSync(file, text);

  it("merges the ranges: the series equals a sequential read's, and the CLI prints the same JSON", async () => {
    const url = pathToFileURL(join(ROOT, "dist", "cli", "ingest-parallel.js")).href;
    const { readUsageParallel } = (await import(url)) as typeof import("../../src/cli/ingest-parallel.js");
    const bar = { update() {}, done() {} };
    const par = await readUsageParallel(file, file, statSync(file).size, { file }, 2, bar);
    expect(par).toBeDefined(); // merged, not fallen back
    const seq = ingestText(text, { file });
    expect(par!.rowsRead).toBe(500_000);
    expect(par!.totalTokens).toBe(seq.totalTokens);
    expect(par!.totalCost?.toFixed()).toBe(seq.totalCost?.toFixed());

    const one = runCli(["ingest", file, "--json"], { env: { TOKENHEDGE_THREADS: "1" } });
    const two = runCli(["ingest", file, "--json"], { env: { TOKENHEDGE_THREADS: "2" } });
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it("a bad row in a later range: the same error and line number as one thread", () => {
    const badFile = join(dir, "bad.csv");
    writeFileSync(badFile, generated(350_000));
    const one = runCli(["ingest", badFile], { env: { TOKENHEDGE_THREADS: "1" } });
    // Two threads: the bad row is in the worker's range (the first range, read here, ends near row 250,000).
    const two = runCli(["ingest", badFile], { env: { TOKENHEDGE_THREADS: "2" } });
    expect(one.code).toBe(3);
    expect(one.stderr).toContain("bad.csv:350003:5:");
    expect(two.code).toBe(one.code);
    expect(two.stderr).toBe(one.stderr);
  });

  it("the format fixtures (small: most are read on in one thread) print the same JSON", () => {
    for (const d of readdirSync(F)) {
      if (!statSync(join(F, d)).isDirectory()) continue;
      for (const f of readdirSync(join(F, d)).filter((x) => /\.csv$/.test(x))) {
        const path = join(F, d, f);
        const one = runCli(["ingest", path, "--json"], { env: { TOKENHEDGE_THREADS: "1" } });
        const three = runCli(["ingest", path, "--json"], { env: { TOKENHEDGE_THREADS: "3" } });
        expect(three.stdout, path).toBe(one.stdout);
        expect(three.code, path).toBe(one.code);
      }
    }
  });
});

describe("how many threads", () => {
  // The built module: from the TypeScript sources there is no compiled worker, so threadsFor answers 1 there.
  type ThreadsFor = (ctx: { env: Record<string, string | undefined> }, size: number, o: object) => number;
  const load = async (): Promise<ThreadsFor> =>
    ((await import(pathToFileURL(join(ROOT, "dist/cli/ingest-parallel.js")).href)) as { threadsFor: ThreadsFor })
      .threadsFor;
  const MB = 1 << 20;
  const cores = Math.min(availableParallelism(), 4);

  it("by default, one per core (up to 4) for a file of 64 MB or more, one below", async () => {
    const threadsFor = await load();
    for (const env of [
      {},
      { TOKENHEDGE_THREADS: "" },
      { TOKENHEDGE_THREADS: "auto" },
      { TOKENHEDGE_THREADS: " AUTO " },
    ]) {
      expect(threadsFor({ env }, 64 * MB, { file: "x" })).toBe(cores);
      expect(threadsFor({ env }, 64 * MB - 1, { file: "x" })).toBe(1);
    }
  });

  it("1 reads in one thread, N uses N at any size (at most 16), --dedupe always one", async () => {
    const threadsFor = await load();
    expect(threadsFor({ env: { TOKENHEDGE_THREADS: "1" } }, 500 * MB, { file: "x" })).toBe(1);
    expect(threadsFor({ env: { TOKENHEDGE_THREADS: "3" } }, 1 * MB, { file: "x" })).toBe(3);
    expect(threadsFor({ env: { TOKENHEDGE_THREADS: "99" } }, 1 * MB, { file: "x" })).toBe(16);
    expect(threadsFor({ env: {} }, 500 * MB, { file: "x", dedupe: true })).toBe(1);
  });
});

describe("TOKENHEDGE_THREADS with a value it cannot use", () => {
  it("ingest --help names the variable and its values", () => {
    const r = runCli(["ingest", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/TOKENHEDGE_THREADS=auto\|N {2}worker threads for a large file: auto \(the default/);
  });

  it("exits 2 naming the variable, the value and what it takes", () => {
    const r = runCli(["ingest", "fixtures/acme/usage.csv"], { env: { TOKENHEDGE_THREADS: "lots" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("TOKENHEDGE_THREADS must be auto or a whole number ≥ 1");
    expect(r.stderr).toContain('value:    "lots"');
  });
});
