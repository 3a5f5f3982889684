import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseContractSpec, quoteDivisor, quoteToUsdPerMtok } from "../../src/curve/contract.js";
import { resolveGpuConversion } from "../../src/curve/gpu-conversion.js";
import { HedgeError } from "../../src/errors.js";

const acme = (name: string): string => readFileSync(new URL(`../../fixtures/acme/${name}`, import.meta.url), "utf8");

function errorOf(text: string, file: string): HedgeError {
  try {
    parseContractSpec(text, file);
  } catch (e) {
    if (e instanceof HedgeError) return e;
    throw e;
  }
  throw new Error("expected a HedgeError");
}

const base = `name: t
underlying: token-index
quoteUnit: USD/Mtok
contractSize: 1000000000
sizeUnit: tokens
tickSize: 0.01
currency: USD
initialMargin: 300
maintenanceMargin: 240
`;

describe("contract specs in JSON or YAML", () => {
  it("the YAML token spec says what the JSON one says", () => {
    const json = parseContractSpec(acme("token-contract.json"), "token-contract.json");
    const yaml = parseContractSpec(acme("token-contract.yaml"), "token-contract.yaml");
    for (const key of [
      "underlying",
      "quoteUnit",
      "contractSize",
      "tickSize",
      "listedMonths",
      "settlement",
      "initialMargin",
      "maintenanceMargin",
      "feePerContract",
    ] as const) {
      expect(yaml[key]).toEqual(json[key]);
    }
    expect(yaml.minimumLot).toBe(1);
  });

  it("a YAML syntax error names the line", () => {
    const e = errorOf("name: [unclosed\nunderlying: token-index\n", "c.yaml");
    expect(e.code).toBe("CONTRACT_INVALID");
    expect(e.message).toMatch(/not valid YAML/);
    expect(e.details.line).toBeGreaterThanOrEqual(1);
  });

  it.each([
    [base.replace("contractSize: 1000000000", "contractSize: -5"), "contractSize"],
    [base + "minimumLot: 2.5\n", "minimumLot"],
    [base + "tokensPerGpuHour: 5000000\n", "tokensPerGpuHour"],
    [
      base
        .replace("underlying: token-index\nquoteUnit: USD/Mtok", "underlying: gpu-hour-index\nquoteUnit: USD/GPU-hour")
        .replace("sizeUnit: tokens", "sizeUnit: gpu-hours"),
      "tokensPerGpuHour",
    ],
    [
      base
        .replace("underlying: token-index\nquoteUnit: USD/Mtok", "underlying: gpu-hour-index\nquoteUnit: USD/GPU-hour")
        .replace("sizeUnit: tokens", "sizeUnit: gpu-hours") + "tokensPerGpuHour:\n  models:\n    gpt-4.1: -3\n",
      "tokensPerGpuHour.models.gpt-4.1",
    ],
  ])("a schema error names its key path (%#: %s)", (text, path) => {
    const e = errorOf(text, "c.yml");
    expect(e.code).toBe("CONTRACT_INVALID");
    expect(e.details.path).toBe(path);
    expect(e.message).toContain(`${path}: `);
  });
});

describe("tokens per GPU-hour", () => {
  const gpu = parseContractSpec(acme("gpu-contract.yaml"), "gpu-contract.yaml");

  it("per model, blended with the usage mix as a harmonic mean (worked by hand)", () => {
    // 3e9 tokens at 3M/GPU-h = 1,000 GPU-h; 6e9 at 12M = 500 GPU-h → 9e9 / 1,500 = 6,000,000 tokens per GPU-hour.
    const spec = { ...gpu, tokensPerGpuHour: { models: { a: 3_000_000, b: 12_000_000 } } };
    const c = resolveGpuConversion(
      spec,
      new Map([
        ["a", 3_000_000_000n],
        ["b", 6_000_000_000n],
      ]),
    )!;
    expect(c.tokensPerGpuHour).toBe(6_000_000);
    expect(c.byModel!.map((m) => m.usedBlended)).toEqual([false, false]);
  });

  it("a model without an entry takes the blended value, or is an error naming it", () => {
    const mix = new Map([
      ["a", 3_000_000_000n],
      ["other", 5_000_000_000n],
    ]);
    // a: 1,000 GPU-h; other at blended 5M: 1,000 GPU-h → 8e9 / 2,000 = 4,000,000.
    expect(
      resolveGpuConversion({ ...gpu, tokensPerGpuHour: { blended: 5_000_000, models: { a: 3_000_000 } } }, mix)!
        .tokensPerGpuHour,
    ).toBe(4_000_000);
    expect(() => resolveGpuConversion({ ...gpu, tokensPerGpuHour: { models: { a: 3_000_000 } } }, mix)).toThrow(
      /no entry for model "other"/,
    );
  });

  it("the fixture's per-model table on the fixture usage mix, and the override flag", () => {
    const mix = new Map([
      ["claude-sonnet-4", 192_156_422_149n],
      ["gpt-4.1", 231_858_938_220n],
      ["gpt-4.1-mini", 200_466_353_311n],
    ]);
    const gpuHours = 192_156_422_149 / 3e6 + 231_858_938_220 / 4e6 + 200_466_353_311 / 12e6;
    const c = resolveGpuConversion(gpu, mix)!;
    expect(c.tokensPerGpuHour).toBeCloseTo(624_481_713_680 / gpuHours, 5);
    expect(resolveGpuConversion(gpu, mix, 7_000_000)!.tokensPerGpuHour).toBe(7_000_000);
    expect(resolveGpuConversion(parseContractSpec(acme("token-contract.json"), "t.json"))).toBeNull();
  });
});

describe("curve/contract: quote units", () => {
  it("a token contract quotes USD/Mtok (divisor 1e6, 1 USD/Mtok per quote unit)", () => {
    expect(quoteDivisor({ underlying: "token-index" })).toBe(1_000_000);
    expect(quoteToUsdPerMtok({ underlying: "token-index", tokensPerGpuHour: null })).toBe(1);
  });

  it("a GPU-hour contract at 2,000,000 tokens per GPU-hour: 1 USD/GPU-hour = 1e6 / 2e6 = 0.5 USD/Mtok", () => {
    expect(quoteDivisor({ underlying: "gpu-hour-index" })).toBe(1);
    expect(quoteToUsdPerMtok({ underlying: "gpu-hour-index", tokensPerGpuHour: 2_000_000 })).toBe(0.5);
  });
});
