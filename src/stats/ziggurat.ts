/**
 * Fast seeded standard normals for the Monte Carlo.
 *
 * Why not the forecast's Rng.normal(): inversion (AS 241) costs a logarithm or a rational polynomial and two 32-bit
 * draws per normal (about 40 ns here); a simulation of 100,000 paths × 24 months needs 2.4 million normals, and the
 * ziggurat below needs, 98.8% of the time, one 32-bit draw, a table look-up, a compare and a multiply.
 *
 * Uniform source: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4),
 * 2021), the generator of random.ts, whose seeding this class reuses: the four state words are the first
 * four outputs of that Rng for (seed + SEED_OFFSET + stream·0x9E3779B9), so the price stream never replays the
 * forecast's stream for the same --seed, and each purpose (price, pairing, basis noise) has its own stream.
 *
 * Normals: the ziggurat method of Marsaglia & Tsang, "The Ziggurat Method for Generating Random Variables", Journal
 * of Statistical Software 5(8), 2000 — 128 layers, right-tail start r = 3.442619855899, layer area
 * v = 9.91256303526217e−3, the tables built as in the paper's `zigset` and the draw as in its `RNOR`/`nfix`.
 * Leong, Zhang, Lee, Luk & Villasenor ("A comment on the implementation of the ziggurat method", JSS 12(7), 2005)
 * showed that the paper's SHR3 uniform source is too weak; xoshiro128** replaces it here.
 */
import { Rng } from "./random.js";

/** Added to --seed before seeding, so that the price draws and the forecast's volume paths use unrelated streams. */
export const SEED_OFFSET = 0x632be5ab;

const LAYERS = 128;
const R = 3.442619855899;
const V = 9.91256303526217e-3;
const M1 = 2147483648; // 2^31

/** The ziggurat tables: kn (integer thresholds), wn (scale), fn (density at the layer edges). */
function zigguratTables(): { kn: Int32Array; wn: Float64Array; fn: Float64Array } {
  const kn = new Int32Array(LAYERS);
  const wn = new Float64Array(LAYERS);
  const fn = new Float64Array(LAYERS);
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  kn[0] = Math.trunc((dn / q) * M1);
  kn[1] = 0;
  wn[0] = q / M1;
  wn[LAYERS - 1] = dn / M1;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.trunc((dn / tn) * M1);
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / M1;
  }
  return { kn, wn, fn };
}

const { kn: KN, wn: WN, fn: FN } = zigguratTables();

export class NormalStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /**
   * @param seed the user's --seed
   * @param stream which independent stream of that seed (0 = price factor, 1 = copula pairing, 2 = basis noise), so
   *   each kind of draw is reproducible on its own and one can be replayed without the others.
   */
  constructor(seed: number, stream = 0) {
    const seeder = new Rng((Math.trunc(seed) + SEED_OFFSET + Math.imul(stream, 0x9e3779b9)) >>> 0);
    this.s0 = seeder.nextUint32() | 0;
    this.s1 = seeder.nextUint32() | 0;
    this.s2 = seeder.nextUint32() | 0;
    this.s3 = seeder.nextUint32() | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next output of xoshiro128** as a signed 32-bit integer. */
  nextInt32(): number {
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result | 0;
  }

  /** Uniform on the open interval (0, 1) from 32 bits. */
  uniform(): number {
    return ((this.nextInt32() >>> 0) + 0.5) / 4294967296;
  }

  /** One standard normal (Marsaglia & Tsang's RNOR). */
  normal(): number {
    const hz = this.nextInt32();
    const iz = hz & (LAYERS - 1);
    if (Math.abs(hz) < KN[iz]!) return hz * WN[iz]!;
    return this.edge(hz, iz);
  }

  /** Fill `out` with standard normals; the hot loop of the simulation, with the generator state in locals. */
  fill(out: Float64Array, count = out.length): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = 0; i < count; i++) {
      const m = Math.imul(s1, 5);
      const hz = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const iz = hz & (LAYERS - 1);
      if (Math.abs(hz) < KN[iz]!) {
        out[i] = hz * WN[iz]!;
      } else {
        // Rare (about 1.2%): hand the state back, take the slow path, and reload.
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
        out[i] = this.edge(hz, iz);
        s0 = this.s0;
        s1 = this.s1;
        s2 = this.s2;
        s3 = this.s3;
      }
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** Marsaglia & Tsang's `nfix`: the base strip's tail, or the wedge of a layer, else a fresh draw. */
  private edge(hzIn: number, izIn: number): number {
    let hz = hzIn;
    let iz = izIn;
    for (;;) {
      const x = hz * WN[iz]!;
      if (iz === 0) {
        // The tail beyond R by Marsaglia's 1964 method: x = −ln(U1)/R, y = −ln(U2), accept if 2y > x².
        let tx: number;
        let ty: number;
        do {
          tx = -Math.log(this.uniform()) / R;
          ty = -Math.log(this.uniform());
        } while (ty + ty < tx * tx);
        return hz > 0 ? R + tx : -R - tx;
      }
      if (FN[iz]! + this.uniform() * (FN[iz - 1]! - FN[iz]!) < Math.exp(-0.5 * x * x)) return x;
      hz = this.nextInt32();
      iz = hz & (LAYERS - 1);
      if (Math.abs(hz) < KN[iz]!) return hz * WN[iz]!;
    }
  }
}
