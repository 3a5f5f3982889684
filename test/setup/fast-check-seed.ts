/**
 * Every fast-check property runs from one fixed seed, so `npm test` draws the same cases on every machine and
 * every run. fast-check prints the seed (and the shrink path) in the failure message; to explore other cases,
 * run with another seed: `FC_SEED=123 npx vitest run test/stats`.
 */
import fc from "fast-check";

const DEFAULT_SEED = 20260101;

function seedFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_SEED;
  const seed = Number(raw);
  // fast-check takes a 32-bit integer seed; anything else would be silently truncated.
  if (!Number.isSafeInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 32) {
    throw new Error(`FC_SEED must be a 32-bit integer, got ${JSON.stringify(raw)}`);
  }
  return seed;
}

fc.configureGlobal({ seed: seedFromEnv(process.env.FC_SEED) });
