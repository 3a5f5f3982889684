import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalCdf, normalQuantile, normalSurvival } from "../../src/stats/normal.js";
import { studentTCdf, studentTQuantile, studentTTwoSidedPValue } from "../../src/stats/student-t.js";
import { fCdf, fSurvival } from "../../src/stats/f-distribution.js";
import { erf, erfc, logGamma, regularizedIncompleteBeta } from "../../src/stats/special-functions.js";

/** |a − b| ≤ tol·|b|. */
function expectRelative(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

/**
 * |a − b| ≤ max(tol·|b|, 1e−300). Below about 2.2e−308 doubles are subnormal and keep fewer significant digits
 * (x^a at x = 0.001, a ≈ 104 underflows towards 5e−324), so a relative test there fails on rounding alone;
 * 1e−300 is far below any probability the code reports.
 */
function expectRelativeOrTiny(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(tol * Math.abs(expected), 1e-300));
}

describe("special functions", () => {
  it("log Γ at points with known closed forms", () => {
    expectRelative(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14); // Γ(½) = √π
    expectRelative(logGamma(1.5), Math.log(Math.sqrt(Math.PI) / 2), 1e-13); // Γ(3/2) = √π/2
    expectRelative(logGamma(10), Math.log(362880), 1e-14); // Γ(10) = 9!
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-14);
    expectRelative(logGamma(171), Math.log(7.257415615307994e306), 1e-13); // 170!
  });

  it("erf / erfc against A&S table 7.1", () => {
    expectRelative(erf(1), 0.8427007929497149, 1e-14);
    expectRelative(erf(0.5), 0.5204998778130465, 1e-14);
    expectRelative(erf(-0.5), -0.5204998778130465, 1e-14);
    expectRelative(erfc(3), 2.209049699858544e-5, 1e-12);
    expect(erfc(0)).toBe(1);
  });

  it("incomplete beta closed forms: I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b, I_x(2, 2) = 3x² − 2x³", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.05, max: 200, noNaN: true }),
        (x, a) => {
          expectRelativeOrTiny(regularizedIncompleteBeta(x, a, 1), x ** a, 1e-11);
          // 1 − (1 − x)^a written as −expm1(a·log1p(−x)): the naive form cancels when (1 − x)^a is near 1.
          expectRelative(regularizedIncompleteBeta(x, 1, a), -Math.expm1(a * Math.log1p(-x)), 1e-11);
          expect(regularizedIncompleteBeta(x, 2, 2)).toBeCloseTo(3 * x * x - 2 * x ** 3, 13);
        },
      ),
    );
  });

  it("incomplete beta I_x(a, 1) = x^a where x^a underflows (the case a random draw once failed on)", () => {
    // 0.001^104.28 = 10^−312.84 ≈ 1.4454e−313, a subnormal: the function returns 1.44543977075e−313 and x ** a
    // gives 1.4454397707e−313, 3.5e−11 apart relatively but 5e−324 (one subnormal step) apart absolutely.
    const i = regularizedIncompleteBeta(0.001, 104.28, 1);
    expectRelativeOrTiny(i, 0.001 ** 104.28, 1e-11);
    expect(i).toBeGreaterThan(1.44e-313);
    expect(i).toBeLessThan(1.45e-313);
  });

  it("incomplete beta symmetry I_½(a, a) = ½, including large a", () => {
    for (const a of [0.5, 3, 40, 5000]) expect(regularizedIncompleteBeta(0.5, a, a)).toBeCloseTo(0.5, 13);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe("standard normal", () => {
  it("Φ⁻¹ at textbook points", () => {
    expectRelative(normalQuantile(0.975), 1.959963985, 1e-9); // the 95% two-sided critical value
    expectRelative(normalQuantile(0.95), 1.644853627, 1e-9);
    expectRelative(normalQuantile(0.995), 2.575829304, 1e-9);
    expect(normalQuantile(0.5)).toBe(0);
    expectRelative(normalQuantile(1e-10), -6.361340902404056, 1e-12); // deep tail, after the Halley step
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1.2)).toBeNaN();
  });

  it("Φ at A&S table 26.1 points", () => {
    expectRelative(normalCdf(1), 0.8413447460685429, 1e-14);
    expectRelative(normalCdf(-3), 0.0013498980316301, 1e-12);
    expectRelative(normalCdf(-10), 7.619853024160527e-24, 1e-11); // no cancellation in the tail
    expectRelative(normalSurvival(3), 0.0013498980316301, 1e-12);
    expect(normalCdf(0)).toBe(0.5);
  });

  it("Φ(Φ⁻¹(p)) = p (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expectRelative(normalCdf(normalQuantile(p)), p, 1e-12);
      }),
    );
  });
});

describe("Student t", () => {
  it("quantiles from printed t tables", () => {
    // t₀.₉₇₅,₁₃ = 2.1603686565 (R: qt(0.975, 13); tables print 2.160). Some copies quote 2.160368652, which is
    // wrong in the 9th decimal: its square would not be the F₀.₉₅(1, 13) = 4.667192732 checked below.
    expectRelative(studentTQuantile(0.975, 13), 2.1603686565, 1e-10);
    expectRelative(studentTQuantile(0.975, 1), 12.70620474, 1e-9);
    expectRelative(studentTQuantile(0.95, 10), 1.812461123, 1e-9);
    expectRelative(studentTQuantile(0.995, 30), 2.749995654, 1e-9);
    expectRelative(studentTQuantile(0.025, 13), -2.1603686565, 1e-10);
    // With very many degrees of freedom the t quantile tends to the normal one.
    expectRelative(studentTQuantile(0.975, 1e7), 1.959963985, 1e-6);
  });

  it("closed forms: ν = 1 (Cauchy) F(t) = ½ + atan(t)/π; ν = 2 F(t) = ½ + t/(2√(2 + t²))", () => {
    for (const t of [-30, -2, -0.3, 0, 0.7, 5, 1e4]) {
      expectRelative(studentTCdf(t, 1), 0.5 + Math.atan(t) / Math.PI, 1e-12);
      expectRelative(studentTCdf(t, 2), 0.5 + t / (2 * Math.sqrt(2 + t * t)), 1e-12);
    }
    // Tiny t: x = ν/(ν + t²) rounds to 1, the CDF must still move away from ½.
    expectRelative(studentTCdf(1e-9, 1) - 0.5, 1e-9 / Math.PI, 1e-6);
  });

  it("quantile inverts the CDF for non-integer and large degrees of freedom (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-8, max: 1 - 1e-8, noNaN: true }),
        fc.double({ min: 0.3, max: 5000, noNaN: true }),
        (p, df) => {
          const t = studentTQuantile(p, df);
          expectRelative(studentTCdf(t, df), p, 1e-9);
        },
      ),
    );
  });

  it("two-sided p-value", () => {
    // t = 2.1603686565 on 13 df is the 97.5% point: two-sided p = 0.05.
    expect(studentTTwoSidedPValue(2.1603686565, 13)).toBeCloseTo(0.05, 10);
    expect(studentTTwoSidedPValue(0, 13)).toBe(1);
  });
});

describe("F distribution", () => {
  it("critical values from printed F tables", () => {
    // F₀.₉₅(1, 13) = 4.667192732 (tables print 4.67); F₀.₉₅(2, 10) = 4.102821015 (4.10); F₀.₉₅(5, 10) = 3.33;
    // F₀.₉₉(4, 20) = 4.43.
    expect(fCdf(4.667192732, 1, 13)).toBeCloseTo(0.95, 9);
    expect(fCdf(4.102821015, 2, 10)).toBeCloseTo(0.95, 9);
    expect(fCdf(3.33, 5, 10)).toBeCloseTo(0.95, 3);
    expect(fCdf(4.43, 4, 20)).toBeCloseTo(0.99, 4);
    expect(fSurvival(4.667192732, 1, 13)).toBeCloseTo(0.05, 9);
  });

  it("closed form for d₁ = 2: P(F ≤ f) = 1 − (d₂/(d₂ + 2f))^(d₂/2)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        fc.double({ min: 0.5, max: 300, noNaN: true }),
        (f, d2) => {
          const survival = (d2 / (d2 + 2 * f)) ** (d2 / 2);
          expectRelative(fSurvival(f, 2, d2), survival, 1e-10);
          expect(fCdf(f, 2, d2)).toBeCloseTo(1 - survival, 12);
        },
      ),
    );
  });

  it("F(1, ν) is the square of t(ν): P(F > t²) = P(|T| > t)", () => {
    for (const [t, df] of [
      [0.5, 3],
      [2.1603686565, 13],
      [7, 40],
    ] as const) {
      expectRelative(fSurvival(t * t, 1, df), studentTTwoSidedPValue(t, df), 1e-11);
    }
  });

  it("small p-values keep relative accuracy", () => {
    // d₁ = 2, d₂ = 10, f = 1000: survival (10/2010)^5 = 3.11e−12 — not lost to 1 − CDF.
    expectRelative(fSurvival(1000, 2, 10), (10 / 2010) ** 5, 1e-10);
    expect(fCdf(0, 3, 4)).toBe(0);
    expect(fSurvival(-1, 3, 4)).toBe(1);
  });
});
