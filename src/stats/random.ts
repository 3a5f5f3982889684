/**
 * Seeded pseudo-random numbers for forecasting and Monte Carlo (docs/METHODOLOGY.md §2: every draw is seeded
 * so that outputs are reproducible byte for byte).
 *
 * Generator: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4),
 * 2021), a 128-bit-state generator with 32-bit outputs that passes BigCrush and is cheap in JavaScript because it
 * needs only 32-bit integer operations. The 128-bit state is filled from the 32-bit seed with a Weyl sequence passed
 * through the MurmurHash3 32-bit finaliser (fmix32), so that nearby seeds give unrelated streams.
 *
 * Streams: `new Rng(seed, stream)` with stream ≥ 1 gives an independent generator per sample path (the path's
 * index + 1), so that path i is the same whatever the horizon or the number of paths drawn (stream 0 is the plain
 * `new Rng(seed)`).
 *
 * Normal draws use the inverse-CDF method with Wichura's AS 241 (src/stats/normal.ts, normalQuantileAS241): one uniform per normal, no cached
 * second value, so the stream of normals is a simple function of the stream of uniforms.
 */
import { DEFAULT_SEED } from "../defaults.js";
import { normalQuantileAS241 } from "../stats/normal.js";

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** MurmurHash3's 32-bit finaliser: a bijection on 32-bit words that mixes every input bit into every output bit. */
function fmix32(v: number): number {
  let z = v;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number, stream = 0) {
    // Weyl sequence + fmix32 (MurmurHash3 finaliser) to expand the seed into four non-zero state words. A stream
    // starts the sequence at fmix32(fmix32(seed) + stream): for a fixed seed, a bijection of the stream number, so
    // no two streams of one seed share a start.
    let x = Math.trunc(seed) >>> 0;
    if (stream !== 0) x = fmix32((fmix32(x) + (Math.trunc(stream) >>> 0)) >>> 0);
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      return fmix32(x);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** Next 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform on the open interval (0, 1) with 53 random bits (never exactly 0 or 1, safe for log and Φ⁻¹). */
  uniform(): number {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * TWO_POW_26 + b + 0.5) / TWO_POW_53;
  }

  /** Standard normal draw by inversion: Φ⁻¹(U). */
  normal(): number {
    return normalQuantileAS241(this.uniform());
  }

  /** Integer uniform on 0..n−1 (for bootstrap resampling). */
  int(n: number): number {
    return Math.min(n - 1, Math.floor(this.uniform() * n));
  }
}

/** Convenience: a generator for `seed` (default DEFAULT_SEED, the product's fixed default seed). */
export function createRng(seed = DEFAULT_SEED): Rng {
  return new Rng(seed);
}
