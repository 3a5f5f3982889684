/** renderConfigYaml: what `init` writes reads back to the same values. */
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../src/config/parse-file.js";
import { renderConfigYaml } from "../../src/config/write.js";
import type { ConfigFile } from "../../src/config/schema.js";

describe("renderConfigYaml", () => {
  const values: ConfigFile = {
    version: 1,
    usage: { file: "data/usage.csv" },
    curve: "curve.csv",
    contract: "contract.json",
    policy: {
      name: "ladder",
      ladder: [{ fromMonth: 1, toMonth: 3, ratio: 0.8, min: 0.7, max: 0.9 }],
      rounding: "down",
    },
    budget: 3100000,
    seed: 42,
    thresholds: { hedgeRatioBands: "policy", maxStaleDays: 45 },
    report: { title: 'A "quoted" title: with a colon # and a hash' },
  };
  const text = renderConfigYaml(values, ["written by a test"]);

  it("round-trips through the parser", () => {
    expect(parseConfigText(text, "h.yaml")).toEqual(values);
  });

  it("starts with the header comment and keeps one ladder rung per line", () => {
    expect(text.startsWith("# written by a test\n")).toBe(true);
    expect(text).toContain("    - { fromMonth: 1, toMonth: 3, ratio: 0.8, min: 0.7, max: 0.9 }\n");
  });

  it("writes keys in a fixed order", () => {
    const keys = text
      .split("\n")
      .filter((l) => /^[a-z]/.test(l))
      .map((l) => l.split(":")[0]);
    expect(keys).toEqual(["version", "usage", "curve", "contract", "policy", "budget", "seed", "thresholds", "report"]);
  });
});
