import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HedgeError } from "../../src/errors.js";
import { yamlToJs } from "../../src/schema/yaml.js";
import { formatPath, parseJsonText, valueAt, zodToHedgeError } from "../../src/schema/zod-errors.js";

describe("schema errors in the tool's words", () => {
  it("writes key paths as a reader types them", () => {
    expect(formatPath([])).toBe("(root)");
    expect(formatPath(["policy", "bands", 2, "max"])).toBe("policy.bands[2].max");
    expect(formatPath([0, "month"])).toBe("[0].month");
  });

  it("finds the value at a path, or nothing", () => {
    const doc = { bands: [{ max: 0.9 }, { max: "high" }] };
    expect(valueAt(doc, ["bands", 1, "max"])).toBe("high");
    expect(valueAt(doc, ["bands", 5, "max"])).toBeUndefined();
    expect(valueAt(doc, ["bands", 1, "max", "deeper"])).toBeUndefined();
  });

  it("names the file, the first issue's path, what was expected and the value found", () => {
    const schema = z.object({ bands: z.array(z.object({ max: z.number() })) });
    const input = { bands: [{ max: 0.9 }, { max: "high" }] };
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    const e = zodToHedgeError("POLICY_INVALID", "the hedge policy", "policy.json", parsed.error as z.ZodError, input);
    expect(e).toBeInstanceOf(HedgeError);
    expect(e.message).toMatch(/^the hedge policy is not valid:\n {2}bands\[1\]\.max: /);
    expect(e.details.file).toBe("policy.json");
    expect(e.details.path).toBe("bands[1].max");
    expect(e.details.value).toBe('"high"');
  });

  it("says (missing) for a key that is absent, and shortens long values to 80 characters", () => {
    const schema = z.object({ name: z.string(), note: z.string().max(3) });
    const missing = schema.safeParse({ note: "ok" });
    expect(zodToHedgeError("CONFIG_INVALID", "x", "f", missing.error as z.ZodError, { note: "ok" }).details.value).toBe(
      "(missing)",
    );
    const long = { name: "n", note: "y".repeat(200) };
    const tooLong = schema.safeParse(long);
    const value = zodToHedgeError("CONFIG_INVALID", "x", "f", tooLong.error as z.ZodError, long).details
      .value as string;
    expect(value).toHaveLength(80);
    expect(value.endsWith("…")).toBe(true);
  });

  it("turns a JSON syntax error into the tool's error with the file", () => {
    expect(parseJsonText('{"a": 1}', "c.json", "CONTRACT_INVALID")).toEqual({ a: 1 });
    try {
      parseJsonText('{"a": 1,', "c.json", "CONTRACT_INVALID");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(HedgeError);
      expect((err as HedgeError).message).toMatch(/^not valid JSON: /);
      expect((err as HedgeError).details.file).toBe("c.json");
      expect((err as HedgeError).exitCode).toBe(3);
    }
  });

  it("refuses a YAML alias bomb as bad input instead of expanding it", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 8 }, (_, i) => {
        const prev = i === 0 ? "a" : `l${i - 1}`;
        return `l${i}: &l${i} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`;
      }),
    ].join("\n");
    expect(() => yamlToJs(parseDocument(bomb), "bomb.yaml")).toThrow(/YAML aliases expand too far/);
    expect(yamlToJs(parseDocument("a: &x 1\nb: *x"), "ok.yaml")).toEqual({ a: 1, b: 1 });
  });
});
