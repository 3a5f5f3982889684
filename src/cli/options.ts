/**
 * Option parsers shared by commands, each turning a bad flag value into a usage error (exit 2), and the
 * options several commands declare with the same range (each command says what the value is for).
 */
import { InvalidArgumentError, Option } from "commander";
import { isDay } from "../time/period.js";

export function parseIntOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`${name} must be a whole number, got "${value}"`);
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`${name} must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}

export function parseNumberOption(name: string, min = -Infinity, max = Infinity) {
  return (value: string): number => {
    const n = Number(value.trim());
    if (value.trim() === "" || !Number.isFinite(n))
      throw new InvalidArgumentError(`${name} must be a number, got "${value}"`);
    if (n < min || n > max) throw new InvalidArgumentError(`${name} must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}

/** A list of percentage shocks: "-50,-25,0,25,50,100" or "-50%,+25%" → [-0.5, -0.25, …]. */
export function parseShockList(value: string): number[] {
  const parts = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (parts.length === 0)
    throw new InvalidArgumentError(`expected a comma-separated list of percentages, got "${value}"`);
  return parts.map((p) => {
    const n = Number(p.replace(/%$/, ""));
    if (!Number.isFinite(n) || n <= -100)
      throw new InvalidArgumentError(`price shock "${p}" must be a percentage above -100, e.g. -25 or +50`);
    return n / 100;
  });
}

export function parseAsOf(value: string): string {
  if (!isDay(value)) throw new InvalidArgumentError(`--as-of must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

const VOLUME_CASES = ["p10", "p50", "p90", "mean"] as const;

export function parseVolumeCases(value: string): (typeof VOLUME_CASES)[number][] {
  const parts = value
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "");
  for (const p of parts) {
    if (!(VOLUME_CASES as readonly string[]).includes(p))
      throw new InvalidArgumentError(`volume case "${p}" is not one of ${VOLUME_CASES.join(", ")}`);
  }
  if (parts.length === 0) throw new InvalidArgumentError("expected at least one volume case");
  return parts as (typeof VOLUME_CASES)[number][];
}

/** "0.05" or "5%" → 0.05; undefined when the text is not a number, with or without a trailing %. */
function fractionOrPercent(value: string): number | undefined {
  const t = value.trim();
  const pct = t.endsWith("%");
  const n = Number(pct ? t.slice(0, -1) : t);
  if (t === "" || t === "%" || !Number.isFinite(n)) return undefined;
  return pct ? n / 100 : n;
}

/** A rate or ratio written as a fraction or a percentage: "0.05" or "5%" → 0.05; within [0, 1]. */
export function parseRateOption(name: string) {
  return (value: string): number => {
    const r = fractionOrPercent(value);
    if (r === undefined) throw new InvalidArgumentError(`${name} must be a rate such as 0.05 or 5%, got "${value}"`);
    if (r < 0 || r > 1) throw new InvalidArgumentError(`${name} must be between 0 and 1 (0% and 100%), got "${value}"`);
    return r;
  };
}

/** `--seed <n>`: a 32-bit seed of the run's random draws. */
export function seedOption(help: string): Option {
  return new Option("--seed <n>", help).argParser(parseIntOption("--seed", 0, 2 ** 32 - 1));
}

/** `--paths <n>`: simulated paths, 100 to 1,000,000. */
export function pathsOption(help: string): Option {
  return new Option("--paths <n>", help).argParser(parseIntOption("--paths", 100, 1_000_000));
}

/** "0.9" or "90%" → 0.9: a confidence level strictly between 0.5 and 1, as the config's simulation.confidence. */
export function parseConfidence(value: string): number {
  const c = fractionOrPercent(value);
  if (c === undefined)
    throw new InvalidArgumentError(`--confidence must be a level such as 0.9 or 90%, got "${value}"`);
  if (!(c > 0.5 && c < 1))
    throw new InvalidArgumentError(`--confidence must be above 0.5 and below 1 (50% and 100%), got "${value}"`);
  return c;
}

/** `--confidence <level>`: the Cost-at-Risk level (config key simulation.confidence). */
export function confidenceOption(help: string): Option {
  return new Option("--confidence <level>", help).argParser(parseConfidence);
}

/** `--as-of <date>`: the run's date, YYYY-MM-DD. */
export function asOfOption(help: string): Option {
  return new Option("--as-of <date>", help).argParser(parseAsOf);
}
