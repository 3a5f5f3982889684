/** `.csv.gz` exports: streamed by `ingest`, decompressed by the commands that read usage synchronously. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT, runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "th-gz-"));

function gz(rel: string, name: string): string {
  const out = join(dir, name);
  writeFileSync(out, gzipSync(readFileSync(join(ROOT, rel))));
  return out;
}

/** The JSON document without the file name it names. */
function doc(args: string[]): Record<string, unknown> {
  const r = runCli([...args, "--json"]);
  expect(r.code, r.stderr).toBe(0);
  const d = JSON.parse(r.stdout) as Record<string, unknown>;
  delete d.file;
  delete d.inputs;
  return d;
}

describe("gzip exports", () => {
  for (const rel of [
    "fixtures/formats/aws-cur/bedrock-cur2.csv",
    "fixtures/formats/azure-cost/azure-cost-details-2026-01.csv",
    "fixtures/formats/litellm/LiteLLM_DailyUserSpend.csv",
  ]) {
    it(`ingest of ${rel.split("/")[2]} .csv.gz equals the plain CSV's document`, () => {
      const file = gz(rel, rel.split("/").pop()! + ".gz");
      expect(JSON.stringify(doc(["ingest", file]))).toBe(JSON.stringify(doc(["ingest", join(ROOT, rel)])));
    });
  }
  it("forecast (a synchronous reader) reads a .csv.gz to the same forecast", () => {
    const file = gz("fixtures/acme/usage.csv", "usage.csv.gz");
    expect(JSON.stringify(doc(["forecast", file, "--horizon", "3"]))).toBe(
      JSON.stringify(doc(["forecast", join(ROOT, "fixtures/acme/usage.csv"), "--horizon", "3"])),
    );
  });
  it("a truncated download is bad data (exit 3) naming the file", () => {
    const whole = gzipSync(readFileSync(join(ROOT, "fixtures/formats/aws-cur/bedrock-cur2.csv")));
    const file = join(dir, "cut.csv.gz");
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const r = runCli(["ingest", file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cut\.csv\.gz is not readable gzip data/);
  });
});
