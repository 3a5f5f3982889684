import { describe, expect, it } from "vitest";
import { centredMovingAverage, decompose } from "../../src/forecast/decompose.js";

describe("forecast/decompose: classical decomposition (R decompose; Hyndman & Athanasopoulos, FPP3)", () => {
  const q = [20, 30, 25, 15, 24, 35, 29, 18, 27, 39, 33, 21];
  it("centred 2×4 moving average: T_3 = (20/2 + 30 + 25 + 15 + 24/2)/4 = 23", () => {
    const t = centredMovingAverage(q, 4);
    expect(t[0]).toBeNaN();
    expect(t[1]).toBeNaN();
    expect(t[2]).toBeCloseTo(23, 12);
    expect(t[10]).toBeNaN();
  });
  it("additive figure aligned to the first observation", () => {
    const d = decompose(q, 4, "additive");
    [-1.5625, 9.0625, 2.0, -9.5].forEach((v, j) => expect(d.figure[j]).toBeCloseTo(v, 10));
    expect(d.seasonal[5]).toBeCloseTo(9.0625, 10);
  });
  it("multiplicative figure", () => {
    const d = decompose(q, 4, "multiplicative");
    [0.946916, 1.3310408, 1.085424, 0.6366192].forEach((v, j) => expect(d.figure[j]).toBeCloseTo(v, 6));
  });
  it("odd period uses equal weights", () => {
    expect(centredMovingAverage([1, 2, 3, 4, 5, 6, 7], 7)[3]).toBeCloseTo(4, 12);
  });
});
