/**
 * Curve twists: the front of the curve moves one way and the back the other, linearly across tenors. A twist of
 * amount a over M delivery months shocks tenor j (0-based) by
 *   front-up:   s_j = a · (1 − 2j/(M − 1))    (front +a, back −a, the middle month unchanged)
 *   front-down: s_j = −a · (1 − 2j/(M − 1))
 * so the shocks average to zero: a twist changes the shape of the curve, not its level. With one month the front
 * is also the back and the shock is ±a.
 */

export type TwistDirection = "front-up" | "front-down";

export function twistShocks(months: number, amount: number, direction: TwistDirection): number[] {
  const sign = direction === "front-up" ? 1 : -1;
  if (months <= 1) return months === 1 ? [sign * amount] : [];
  // Rounded to 12 decimals so a middle tenor is exactly 0 and the settlement prices stay clean decimals.
  return Array.from(
    { length: months },
    (_, j) => Number((sign * amount * (1 - (2 * j) / (months - 1))).toFixed(12)) + 0,
  );
}
