/** Long lists in the ingest summary are capped with a count: 25 models show the largest 20 and "5 more". */
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cappedList, SUMMARY_LIST_CAP } from "../../src/report/views/ingest.js";
import { runCli } from "../helpers/run-cli.js";

describe("summary lists are capped", () => {
  it("keeps a short list whole and in its order", () => {
    expect(
      cappedList(
        [
          ["a", 1n],
          ["b", 2000n],
        ],
        "models",
        "model",
      ),
    ).toBe("a 1 · b 2,000");
  });
  it("shows the largest 20 of 25 and counts the other 5", () => {
    const entries: Array<[string, bigint]> = Array.from({ length: 25 }, (_, i) => [
      `m${String(i + 1).padStart(2, "0")}`,
      BigInt(i + 1),
    ]);
    const text = cappedList(entries, "models", "model");
    expect(SUMMARY_LIST_CAP).toBe(20);
    expect(text.startsWith("m25 25 · m24 24 · ")).toBe(true);
    expect(text).toContain("m06 6 · … and 5 more models (25 in all; --group-by model lists every one)");
    expect(text).not.toContain("m05 5");
  });
  it("the built CLI prints a bounded by-model line for 2,000 models", () => {
    const dir = mkdtempSync(join(tmpdir(), "th-cap-"));
    try {
      const rows = ["date,model,tokens"];
      for (let i = 0; i < 2000; i++) rows.push(`2026-01-01,model-${i},${i + 1}`);
      writeFileSync(join(dir, "usage.csv"), rows.join("\n") + "\n");
      const r = runCli(["ingest", join(dir, "usage.csv")]);
      expect(r.code).toBe(0);
      const line = r.stdout.split("\n").find((l) => l.startsWith("by model:"))!;
      expect(line).toContain("model-1999 2,000 · model-1998 1,999");
      expect(line).toContain("… and 1,980 more models (2,000 in all; --group-by model lists every one)");
      expect(line.length).toBeLessThan(700);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
