/** The aggregated layout (the result of `tokenhedge sql`), read by the `aggregated` profile. */
import { describe, expect, it } from "vitest";
import { ingestUsage } from "../../src/ingest/index.js";
import { HedgeError } from "../../src/errors.js";

const HEAD = "usage_date,provider,model,project,token_kind,currency,tokens,cost,cost_only\n";

describe("aggregated usage files", () => {
  it("detected by their columns; kinds, kind-less cost and cost-only rows each counted once", () => {
    const text =
      HEAD +
      "2026-01-03,aws-bedrock,claude,acct,input_uncached,USD,1318573.000000000,3.955719000000000000,\n" +
      "2026-01-03,aws-bedrock,claude,acct,output,USD,2572451.000000000,38.586765000000000000,\n" +
      "2026-01-03,litellm,gpt-4o,alice,,USD,,43.910535,\n" +
      '2026-01-04,aws-bedrock,claude,acct,,USD,,-5.000000000000000000,"credit, tax, refund or discount"\n';
    const s = ingestUsage(text, { file: "result.csv" });
    expect(s.profile!.id).toBe("aggregated");
    // Tokens: 1,318,573 + 2,572,451 = 3,891,024 (kind-less and cost-only rows carry none).
    expect(s.totalTokens).toBe(3_891_024n);
    // Cost: 3.955719 + 38.586765 + 43.910535 − 5 = 81.453019.
    expect(s.totalCost!.toFixed()).toBe("81.453019");
    expect([...s.byKind].sort()).toEqual([
      ["input_uncached", 1_318_573n],
      ["output", 2_572_451n],
    ]);
    // --exclude-credits drops the −5 credit: 86.453019.
    expect(ingestUsage(text, { file: "result.csv", excludeCredits: true }).totalCost!.toFixed()).toBe("86.453019");
  });
  it("a kind the profiles never produce (an unmatched usage type) is an error naming it", () => {
    const text = HEAD + "2026-01-03,aws-bedrock,x,acct,unmatched kind: USE1-Foo,USD,10,1,\n";
    expect(() => ingestUsage(text, { file: "result.csv" })).toThrow(/unmatched kind: USE1-Foo/);
  });
  it("tokens on a row without a kind are refused, not dropped", () => {
    const text = HEAD + "2026-01-03,litellm,gpt-4o,alice,,USD,12,1,\n";
    let err: unknown;
    try {
      ingestUsage(text, { file: "result.csv" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HedgeError);
    expect((err as HedgeError).message).toMatch(/without a token kind/);
    expect((err as HedgeError).exitCode).toBe(3);
  });
});
