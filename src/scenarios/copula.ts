/**
 * Price–volume dependence (`--corr`): which simulated volume path goes with which simulated price path.
 *
 * Method: a Gaussian copula on one score per path, imposed by re-pairing, in the manner of Iman & Conover ("A
 * distribution-free approach to inducing rank correlation among input variables", Communications in Statistics —
 * Simulation and Computation 11(3), 1982). Volume path j gets the normal score z_j = Φ⁻¹((rank_j + ½)/n) of its total
 * volume; a partner score w_j = ρ·z_j + √(1 − ρ²)·ε_j is drawn; the price path whose score (the path's
 * exposure-weighted average settlement) has the same rank among price paths as w_j among the w's is paired with it.
 *
 * Why this way: both sets of paths keep their own distributions and month-to-month dynamics exactly (no path is
 * altered, only matched), and the dependence is the one an analyst names — "in years when we use more tokens, are
 * prices higher?". The Spearman rank correlation between total volume and average price is (6/π)·asin(ρ/2), about
 * ρ for moderate ρ (0.48 for ρ = 0.5). With ρ = 0 the pairing is the identity: independent draws stay independent.
 */
import { normalQuantileAS241 } from "../stats/normal.js";
import type { NormalStream } from "../stats/ziggurat.js";

/** Indices 0..n−1 ordered by key ascending (ties by index, so the order is deterministic). */
export function argsort(key: Float64Array): Uint32Array {
  const idx = new Uint32Array(key.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  idx.sort((a, b) => key[a]! - key[b]! || a - b);
  return idx;
}

/**
 * volumeOf[i] = the volume path paired with price path i. `volumeScore` and `priceScore` have one entry per path.
 * Draws n normals from `rng` when ρ ≠ 0; none when ρ = 0 (identity pairing).
 */
export function pairPaths(
  volumeScore: Float64Array,
  priceScore: Float64Array,
  rho: number,
  rng: NormalStream,
): Uint32Array {
  const n = volumeScore.length;
  const volumeOf = new Uint32Array(n);
  if (rho === 0) {
    for (let i = 0; i < n; i++) volumeOf[i] = i;
    return volumeOf;
  }
  const volumeOrder = argsort(volumeScore);
  const w = new Float64Array(n);
  const eps = new Float64Array(n);
  rng.fill(eps);
  const s = Math.sqrt(Math.max(0, 1 - rho * rho));
  for (let r = 0; r < n; r++) {
    const j = volumeOrder[r]!;
    w[j] = rho * normalQuantileAS241((r + 0.5) / n) + s * eps[j]!;
  }
  const wOrder = argsort(w);
  const priceOrder = argsort(priceScore);
  for (let r = 0; r < n; r++) volumeOf[priceOrder[r]!] = wOrder[r]!;
  return volumeOf;
}
