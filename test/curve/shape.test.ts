import { describe, expect, it } from "vitest";
import { analyseCurve, classifySteps } from "../../src/curve/shape.js";

const curve = (prices: number[]) =>
  prices.map((price, i) => ({ month: `2027-${String(i + 1).padStart(2, "0")}`, price }));

describe("curve shapes", () => {
  it.each([
    ["contango", [2.0, 2.05, 2.1, 2.1]],
    ["backwardation", [2.1, 2.05, 1.98, 1.55]],
    ["mixed", [2.0, 2.1, 2.05]],
    ["flat", [2.0, 2.0, 2.0]],
  ] as const)("%s", (shape, prices) => {
    expect(analyseCurve(curve([...prices])).shape).toBe(shape);
  });

  it("moves below half a tick count as flat", () => {
    expect(classifySteps([0.004, -0.004], 0.005)).toBe("flat");
    expect(classifySteps([0.006, 0], 0.005)).toBe("contango");
  });

  it("front-to-back change and per-month changes, by hand", () => {
    // 2.10 → 2.05 → 1.89: change −0.21 = −10%; steps −0.05 (−2.381%) and −0.16 (−7.805%).
    const a = analyseCurve(curve([2.1, 2.05, 1.89]));
    expect(a.frontToBackChange).toBeCloseTo(-0.21, 12);
    expect(a.frontToBackPct).toBeCloseTo(-0.1, 12);
    expect(a.spanMonths).toBe(2);
    expect(a.steps[0]!.change).toBeNull();
    expect(a.steps[1]!.change).toBeCloseTo(-0.05, 12);
    expect(a.steps[1]!.changePct).toBeCloseTo(-0.05 / 2.1, 12);
    expect(a.steps[2]!.changePct).toBeCloseTo(-0.16 / 2.05, 12);
  });
});
