import { describe, expect, it } from "vitest";
import { annualisedRollYield, rollYields } from "../../src/curve/roll-yield.js";

describe("annualised roll yield (F_near/F_far)^(12/Δm) − 1", () => {
  it("one month of backwardation 2.10 → 2.05: (2.10/2.05)^12 − 1 = +33.532%", () => {
    expect(annualisedRollYield({ month: "2026-12", price: 2.1 }, { month: "2027-01", price: 2.05 })).toBeCloseTo(
      0.3353195399095996,
      12,
    );
  });

  it("contango costs a long hedger: 2.00 → 2.10 over 6 months = (2/2.1)^2 − 1 = −9.297%", () => {
    expect(annualisedRollYield({ month: "2027-01", price: 2 }, { month: "2027-07", price: 2.1 })).toBeCloseTo(
      (2 / 2.1) ** 2 - 1,
      12,
    );
    expect((2 / 2.1) ** 2 - 1).toBeCloseTo(-0.092971, 6);
  });

  it("front-to-back over the fixture token curve: (2.10/1.55)^(12/11) − 1 = +39.276%", () => {
    const r = rollYields([
      { month: "2026-12", price: 2.1 },
      { month: "2027-06", price: 1.79 },
      { month: "2027-11", price: 1.55 },
    ]);
    expect(r.frontToBack).toBeCloseTo(0.39276350422923034, 12);
    expect(r.steps[0]).toBeNull();
    expect(r.steps).toHaveLength(3);
  });

  it("a one-month curve has no roll yield", () => {
    expect(rollYields([{ month: "2027-01", price: 2 }]).frontToBack).toBeNull();
  });
});
