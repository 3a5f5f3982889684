import { describe, expect, it } from "vitest";
import { CONFIG_HELP } from "../../src/config/help.js";
import {
  companySchema,
  configFileSchema,
  simulationSchema,
  thresholdsSchema,
  usageSchema,
} from "../../src/config/schema.js";

/** The help's line for a top-level key. */
const lineOf = (key: string): string => CONFIG_HELP.split("\n").find((l) => l.startsWith(`  ${key} `)) ?? "";

describe("tokenhedge help config names every key the config accepts", () => {
  it("every top-level key has its line", () => {
    const keys = Object.keys(configFileSchema.shape).filter((k) => k !== "$schema");
    for (const key of keys) expect(lineOf(key), key).not.toBe("");
  });

  it("every key of usage, simulation, thresholds and company is on its section's line", () => {
    const sections = {
      usage: usageSchema,
      simulation: simulationSchema,
      thresholds: thresholdsSchema,
      company: companySchema,
    };
    for (const [section, schema] of Object.entries(sections)) {
      const line = lineOf(section);
      for (const key of Object.keys(schema.shape))
        expect(line, `${section}.${key}`).toMatch(new RegExp(`\\b${key}\\b`));
    }
  });
});
