/**
 * check --as-of validates the usage rows like ingest --as-of: acme's data runs to
 * 2026-10-31, so --as-of 2026-10-15 must refuse the row dated 2026-10-16 (line 5348) in both.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

describe("check --as-of refuses rows after the as-of day, like ingest", () => {
  it("ingest and check name the same first row", async () => {
    const ingest = await runCli(["ingest", "fixtures/acme/usage.csv", "--as-of", "2026-10-15"]);
    const check = await runCli(["check", "--config", "fixtures/config/acme.config.yaml", "--as-of", "2026-10-15"]);
    expect(ingest.code).toBe(3);
    expect(check.code).toBe(3);
    expect(ingest.stderr).toContain('fixtures/acme/usage.csv:5348:1: date "2026-10-16" is after --as-of');
    expect(check.stderr).toContain('fixtures/acme/usage.csv:5348:1: date "2026-10-16" is after --as-of');
  });
  it("an as-of after the last row still passes", async () => {
    const check = await runCli(["check", "--config", "fixtures/config/acme.config.yaml", "--as-of", "2026-11-05"]);
    expect(check.code).toBe(0);
  });
});
