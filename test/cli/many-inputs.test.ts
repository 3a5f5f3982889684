/**
 * Many inputs in one run: several files, a directory, a quoted glob or `-` (stdin), on
 * ingest and the commands that plan; each file's format detected on its own; duplicates across files
 * counted once and reported; per-source totals; the combined series exact.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ACME, PLAN_ARGS, ROOT, runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "tokenhedge-many-"));
const monthly = join(dir, "monthly");
mkdirSync(monthly);
const acme = readFileSync(resolve(ROOT, ACME.usage), "utf8").trim().split("\n");
const byMonth = new Map<string, string[]>();
for (const row of acme.slice(1)) byMonth.set(row.slice(0, 7), [...(byMonth.get(row.slice(0, 7)) ?? []), row]);
for (const [month, rows] of byMonth)
  writeFileSync(join(monthly, `usage-${month}.csv`), [acme[0], ...rows].join("\n") + "\n");
writeFileSync(join(monthly, "README.md"), "not usage: a directory's other files are left alone\n");

const OPENAI = "fixtures/formats/openai-usage/completions_usage_2026-01-28_2026-02-03.csv";
const ANTHROPIC = "fixtures/formats/anthropic-usage/claude_api_tokens_2026_01.csv";
const abs = (p: string) => resolve(ROOT, p);
const planArgs = PLAN_ARGS.map((a) => (a.startsWith("fixtures/") ? abs(a) : a));

interface IngestDoc {
  totals: { tokens: number; cost: number | null };
  sources: {
    file: string;
    format: string;
    rows: number;
    tokens: number;
    firstDay: string;
    lastDay: string;
    duplicateTokens: number;
  }[];
  overlaps: { files: string[]; duplicateCells: number; duplicateTokens: number; conflictingCells: number }[];
  byProvider: Record<string, number>;
}
const ingest = (args: string[], stdin?: string) => {
  const r = runCli(["ingest", ...args, "--json"], stdin !== undefined ? { stdin } : {});
  expect(r.code, r.stderr).toBe(0);
  return { doc: JSON.parse(r.stdout) as IngestDoc, stderr: r.stderr };
};

describe("several usage inputs in one run", () => {
  const original = runCli(["plan", ACME.usage, ...PLAN_ARGS, "--json"]);

  it("an OpenAI and an Anthropic export: each format detected, per-source totals, their exact sum", () => {
    const { doc } = ingest([OPENAI, ANTHROPIC]);
    expect(doc.sources.map((s) => [s.file, s.format, s.firstDay, s.lastDay])).toEqual([
      [OPENAI, "openai-usage", "2026-01-28", "2026-02-03"],
      [ANTHROPIC, "anthropic-usage", "2026-01-28", "2026-02-03"],
    ]);
    const one = ingest([OPENAI]).doc.totals.tokens;
    const two = ingest([ANTHROPIC]).doc.totals.tokens;
    expect(doc.sources.map((s) => s.tokens)).toEqual([one, two]);
    expect(BigInt(doc.totals.tokens)).toBe(BigInt(one) + BigInt(two));
    expect(doc.totals.tokens).toBe(46_973_313);
    expect(Object.keys(doc.byProvider).sort()).toEqual(["anthropic", "openai"]);
    // Same days, different providers: an overlap of periods, nothing repeated, nothing to warn about.
    expect(doc.overlaps).toEqual([
      expect.objectContaining({ files: [OPENAI, ANTHROPIC], duplicateCells: 0, conflictingCells: 0 }),
    ]);
  });

  it("twenty monthly files, as a directory, a quoted glob or a list: the single file's plan, plus the sources", () => {
    expect(original.code, original.stderr).toBe(0);
    for (const args of [
      [monthly],
      [join(monthly, "usage-*.csv")],
      [join(monthly, "usage-2025-*.csv"), join(monthly, "usage-2026-*.csv")],
    ]) {
      const r = runCli(["plan", ...args, ...planArgs, "--json"]);
      expect(r.code, r.stderr).toBe(0);
      const { sources: _sources, overlaps: _overlaps, ...rest } = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(rest).toEqual(JSON.parse(original.stdout));
    }
    // The JSON of plan and forecast carries the sources too (with several inputs only).
    const many = JSON.parse(runCli(["plan", monthly, ...planArgs, "--json"]).stdout) as IngestDoc;
    expect(many.sources).toHaveLength(20);
    expect(JSON.parse(original.stdout)).not.toHaveProperty("sources");
    const fc = runCli(["forecast", monthly, "--json", "--paths", "200"]);
    expect(fc.code, fc.stderr).toBe(0);
    expect((JSON.parse(fc.stdout) as IngestDoc).sources.map((s) => s.format)).toEqual(Array(20).fill("generic"));
    const { doc } = ingest([monthly]);
    expect(doc.sources).toHaveLength(20);
    // The exact sum: the per-file totals (BigInt) add up to the combined total and to the single file's.
    const sum = doc.sources.reduce((s, x) => s + BigInt(x.tokens), 0n);
    expect(BigInt(doc.totals.tokens)).toBe(sum);
    expect(doc.totals.tokens).toBe(ingest([ACME.usage]).doc.totals.tokens);
  });

  it("stdin (-): read like a file, the same plan; beside files too", () => {
    const text = readFileSync(abs(ACME.usage), "utf8");
    const r = runCli(["plan", "-", ...planArgs, "--json"], { stdin: text });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(original.stdout);
    const mixed = ingest(["-", ANTHROPIC], readFileSync(abs(OPENAI), "utf8")).doc;
    expect(mixed.sources.map((s) => [s.file, s.format])).toEqual([
      ["<stdin>", "openai-usage"],
      [ANTHROPIC, "anthropic-usage"],
    ]);
  });

  it("gzip on standard input is recognised by its magic bytes (the real binary, a real pipe)", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "bin/tokenhedge"), "plan", "-", ...planArgs, "--json"], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", TOKENHEDGE_CONFIG: "" },
      input: gzipSync(readFileSync(abs(ACME.usage))),
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(original.stdout);
  });

  it("- twice, or one file twice (directly or through a glob), is a usage error (exit 2)", () => {
    const twice = runCli(["ingest", "-", "-"], { stdin: "" });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/standard input \(-\) given twice/);
    const file = join(monthly, "usage-2025-03.csv");
    const again = runCli(["ingest", file, join(monthly, "usage-2025-0*.csv")]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/given twice/);
    const none = runCli(["ingest", join(dir, "nothing-*.csv")]);
    expect(none.code).toBe(3);
    expect(none.stderr).toMatch(/no file matches/);
  });

  it("an exact duplicate across files is counted once and reported on stderr and in the JSON", () => {
    const copy = join(dir, "april-again.csv");
    copyFileSync(join(monthly, "usage-2025-04.csv"), copy);
    const files = [join(monthly, "usage-2025-03.csv"), join(monthly, "usage-2025-04.csv"), copy];
    const { doc, stderr } = ingest(files);
    const april = ingest([files[1]!]).doc.totals.tokens;
    const march = ingest([files[0]!]).doc.totals.tokens;
    expect(doc.totals.tokens).toBe(march + april); // not march + 2 × april
    expect(doc.sources[2]).toMatchObject({ tokens: april, duplicateTokens: april });
    expect(doc.overlaps).toEqual([
      expect.objectContaining({
        files: [files[1], copy],
        duplicateCells: 270,
        duplicateTokens: april,
        conflictingCells: 0,
      }),
    ]);
    expect(stderr).toMatch(
      new RegExp(
        `warning: ${copy.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} repeats 270 daily totals .*counted once, not twice`,
      ),
    );
    const plan = runCli(["plan", ...files, ...planArgs]);
    expect(plan.stderr).toMatch(/repeats 270 daily totals/);
  });

  it("the human ingest shows the per-source table with the combined total", () => {
    const r = runCli(["ingest", OPENAI, ANTHROPIC]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/source +format +rows +tokens +cost +first day +last day/);
    expect(r.stdout).toMatch(/openai-usage +12 +7,086,154/);
    expect(r.stdout).toMatch(/2 files +26 +46,973,313/);
  });

  it("the config's usage file may be a list; the report's audit lists every usage file with its SHA-256", () => {
    const cfg = join(dir, "many.config.yaml");
    writeFileSync(
      cfg,
      [
        "usage:",
        `  file: [${join(monthly, "usage-2025-*.csv")}, ${join(monthly, "usage-2026-*.csv")}]`,
        `curve: ${abs(ACME.tokenCurve)}`,
        `contract: ${abs(ACME.tokenContract)}`,
        `policy: ${abs(ACME.policy)}`,
      ].join("\n") + "\n",
    );
    const plan = runCli(["plan", "--config", cfg, "--json"]);
    expect(plan.code, plan.stderr).toBe(0);
    const { sources, overlaps: _overlaps, ...rest } = JSON.parse(plan.stdout) as Record<string, unknown>;
    expect(rest).toEqual(JSON.parse(original.stdout));
    expect(sources).toHaveLength(20);
    const out = join(dir, "report");
    const r = runCli(["report", "--config", cfg, "--out", out, "--as-of", "2026-11-05", "--paths", "100"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as {
      audit: { inputs: { role: string; path: string; sha256: string }[] };
    };
    const usage = doc.audit.inputs.filter((i) => i.role === "usage");
    expect(usage).toHaveLength(20);
    const first = join(monthly, "usage-2025-03.csv");
    // The audit writes a path as the run named it, relative to the working directory when that is shorter:
    // compare where it points, not its spelling (a clone under /tmp shows ../tokenhedge-many-…/…).
    expect(resolve(ROOT, usage[0]!.path)).toBe(first);
    expect(usage[0]!.sha256).toBe(createHash("sha256").update(readFileSync(first)).digest("hex"));
  });
});
