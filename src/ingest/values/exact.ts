/**
 * Exact running sums without paying for BigInt on every row: a float64 holds the running sum while
 * it stays within ±(2^53 − 1), where every integer is exact (IEEE 754 binary64, 53-bit significand);
 * before an addition could leave that range the float part is moved into a BigInt. Money is summed
 * as an integer mantissa at the largest decimal scale seen so far.
 */
import { Dec } from "../../money/decimal.js";

const MAX = Number.MAX_SAFE_INTEGER;
const POW10: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));
const POW10_NUM: number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

function pow10(n: number): bigint {
  return n < POW10.length ? POW10[n]! : 10n ** BigInt(n);
}

/** Σ of integers (token counts). */
export class ExactInt {
  lo = 0;
  hi = 0n;

  add(v: number): void {
    const lo = this.lo;
    if ((v > 0 && lo > MAX - v) || (v < 0 && lo < -MAX - v)) {
      this.hi += BigInt(lo) + BigInt(v);
      this.lo = 0;
    } else {
      this.lo = lo + v;
    }
  }

  addBig(v: bigint): void {
    this.hi += v;
  }

  /** Add another sum (its BigInt part only when it has one). */
  addSum(other: ExactInt): void {
    if (other.hi !== 0n) this.hi += other.hi;
    this.add(other.lo);
  }

  get value(): bigint {
    return this.hi + BigInt(this.lo);
  }
}

/** Σ of decimals `mantissa × 10^-scale` (money), exact at any size. */
export class ExactDecimal {
  lo = 0;
  hi = 0n;

  /** Start at the scale the amounts are expected to have, to avoid rescaling later. */
  constructor(public scale = 0) {}

  add(mantissa: number, scale: number): void {
    if (scale > this.scale) this.rescale(scale);
    let m = mantissa;
    if (scale < this.scale) {
      const d = this.scale - scale;
      m = d < 16 ? mantissa * POW10_NUM[d]! : Infinity;
      if (m > MAX || m < -MAX) {
        this.hi += BigInt(mantissa) * pow10(this.scale - scale);
        return;
      }
    }
    const lo = this.lo;
    if ((m > 0 && lo > MAX - m) || (m < 0 && lo < -MAX - m)) {
      this.hi += BigInt(lo) + BigInt(m);
      this.lo = 0;
    } else {
      this.lo = lo + m;
    }
  }

  addBig(mantissa: bigint, scale: number): void {
    if (scale > this.scale) this.rescale(scale);
    this.hi += mantissa * pow10(this.scale - scale);
  }

  addSum(other: ExactDecimal): void {
    if (other.hi !== 0n) this.addBig(other.hi, other.scale);
    this.add(other.lo, other.scale);
  }

  private rescale(scale: number): void {
    const k = pow10(scale - this.scale);
    this.hi = (this.hi + BigInt(this.lo)) * k;
    this.lo = 0;
    this.scale = scale;
  }

  get isZero(): boolean {
    return this.lo === 0 && this.hi === 0n;
  }

  toDec(): Dec {
    const m = this.hi + BigInt(this.lo);
    return new Dec(`${m.toString()}e-${this.scale}`);
  }
}
