import { describe, expect, it } from "vitest";
import { accuracy, maseScale } from "../../src/forecast/accuracy.js";

describe("forecast/accuracy: accuracy measures (docs/METHODOLOGY.md §2; Hyndman & Koehler 2006)", () => {
  it("T16: Q (lag 4) = 4.25, MAE 1, MASE 0.2352941, sMAPE 5.044820, MAPE 5.008354 (R)", () => {
    const train = [10, 12, 14, 13, 15, 17, 16, 18];
    const q = maseScale(train, 4)!;
    expect(q).toBeCloseTo(4.25, 12);
    const a = accuracy([20, 19, 21], [19, 20, 20], q);
    expect(a.mae).toBeCloseTo(1, 12);
    expect(a.mase).toBeCloseTo(0.2352941, 7);
    expect(a.smape).toBeCloseTo(5.04482, 5);
    expect(a.mape).toBeCloseTo(5.008354, 6);
  });
  it("MASE is undefined when the naive scale is 0; MAPE skips zero actuals", () => {
    expect(maseScale([5, 5, 5, 5], 1)).toBeUndefined();
    const a = accuracy([0, 10], [1, 12], undefined);
    expect(a.mase).toBeUndefined();
    expect(a.mape).toBeCloseTo(20, 12); // only the second point: 2/10
    expect(a.smape).toBeCloseTo((100 / 2) * (2 + (2 * 2) / 22), 10); // 2·1/(0+1) = 2 for the first point
  });
});
