/** `tokenhedge ingest` end to end: the profile it chose and why, flags, exit codes, the mapping round trip. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/run-cli.js";

const F = "fixtures/formats";

describe("tokenhedge ingest", () => {
  it("--json has the profile and the reason; stderr says which format", () => {
    const r = runCli(["ingest", `${F}/aws-cur/bedrock-cur2.csv`, "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.profile.id).toBe("aws-cur");
    expect(doc.profile.reason).toMatch(/line_item_usage_type/);
    expect(doc.skipped.map((s: { reason: string }) => s.reason)).toContain("not Amazon Bedrock");
    expect(r.stderr).toMatch(/^note: format aws-cur \(AWS CUR 2\.0 \(Amazon Bedrock\)\)/m);
  });

  it("the human summary names the format and the containment rule of the generic profile", () => {
    const r = runCli(["ingest", `${F}/generic/requests.csv`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/format: +Generic usage CSV \(generic\)/);
    expect(r.stdout).toMatch(/cached_input_tokens ⊂ input_tokens/);
  });

  it("--print-mapping writes a mapping that --mapping reads back to the same totals", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-cli-"));
    const printed = runCli(["ingest", `${F}/litellm/LiteLLM_DailyUserSpend.csv`, "--print-mapping"]);
    expect(printed.code).toBe(0);
    const mapping = join(dir, "m.yaml");
    writeFileSync(mapping, printed.stdout);
    const a = JSON.parse(runCli(["ingest", `${F}/litellm/LiteLLM_DailyUserSpend.csv`, "--json"]).stdout);
    const b = JSON.parse(
      runCli(["ingest", `${F}/litellm/LiteLLM_DailyUserSpend.csv`, "--json", "--mapping", mapping]).stdout,
    );
    expect(b.profile.id).toBe("mapping");
    expect(b.totals).toEqual(a.totals);
    expect(b.periods).toEqual(a.periods);
  });

  it("--group-by with --csv gives per-period totals per group", () => {
    const r = runCli(["ingest", `${F}/openrouter/openrouter_activity.csv`, "--group-by", "provider", "--csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("period,provider,tokens,cost");
  });

  it("--on-error skip reports bad rows and exits 0", () => {
    const r = runCli(["ingest", "fixtures/invalid/bad-number/usage.csv", "--on-error", "skip", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.rowErrors).toEqual([
      {
        code: "INPUT_NUMBER_PARSE",
        count: 1,
        firstLines: [3],
        example: expect.stringMatching(/usage\.csv:3:4: cannot read token count "12k"/),
      },
    ]);
  });

  it("a forced --format that does not fit the header is bad input naming the export (exit 3)", () => {
    const r = runCli(["ingest", `${F}/generic/requests.csv`, "--format", "openai-usage"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /requests.csv:1: column "start_time" \(the date\) is not in the header \(export: OpenAI usage export/,
    );
  });

  it.each([
    ["an unknown --format", ["--format", "excel"], /--format must be one of .*, got "excel"/],
    ["an unknown --tz", ["--tz", "Mars/Olympus"], /unknown time zone "Mars\/Olympus"/],
    ["a bad --from", ["--from", "2026-13-01"], /--from must be a date YYYY-MM-DD/],
    ["a bad --delimiter", ["--delimiter", "x"], /--delimiter must be one of/],
    ["a bad --on-error", ["--on-error", "maybe"], /--on-error must be one of stop, skip/],
    [
      "a bad --group-by",
      ["--group-by", "colour"],
      /--group-by must be one of model, provider, project, kind, got "colour"/,
    ],
  ])("%s is a usage error (exit 2)", (_name, args, message) => {
    const r = runCli(["ingest", `${F}/generic/requests.csv`, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("a mapping file that breaks the schema is a config error naming the key path (exit 2)", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-cli-"));
    const mapping = join(dir, "bad.map.yaml");
    writeFileSync(mapping, "date: {column: timestamp}\ntokens:\n  - {column: input_tokens}\n");
    const r = runCli(["ingest", `${F}/generic/requests.csv`, "--mapping", mapping]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tokens\[0\]\.kind/);
  });
});
