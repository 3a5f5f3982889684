/** One vocabulary: a ratio flag takes 0.8 or 80% alike. */
import { describe, expect, it } from "vitest";
import { ACME, runCli } from "../helpers/run-cli.js";

const plan = (ratio: string) =>
  runCli([
    "plan",
    ACME.usage,
    "--curve",
    ACME.tokenCurve,
    "--contract",
    ACME.tokenContract,
    "--ratio",
    ratio,
    "--json",
  ]);

describe("plan --ratio as a fraction or a percentage", () => {
  it("80% gives the same plan as 0.8, and 50% a different one", () => {
    const frac = plan("0.8");
    const pct = plan("80%");
    expect(frac.code).toBe(0);
    expect(pct.code).toBe(0);
    expect(pct.stdout).toBe(frac.stdout);
    const half = plan("50%");
    expect(half.code).toBe(0);
    expect(half.stdout).not.toBe(frac.stdout);
  });

  it("150% is refused like 1.5 (exit 2)", () => {
    const r = plan("150%");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--ratio must be between 0 and 1/);
  });
});
