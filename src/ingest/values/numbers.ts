/**
 * Numbers in usage exports, read exactly: token counts become integers (BigInt when they pass
 * 2^53), money becomes an integer mantissa and a decimal scale, so sums never touch binary floats.
 * Exports write `59200.0` for integers, `"17,932,437"` with thousands separators (GCP), long
 * decimals (`0.8958740000000000`, OpenAI costs) and occasionally exponents (`1.2e-05`).
 */

export interface NumberStyle {
  decimal: "." | ",";
  /** Thousands separators accepted between groups of three digits ("" = none). */
  thousands: string;
}

export const PLAIN_NUMBERS: NumberStyle = { decimal: ".", thousands: "" };

/** A decimal value: `mantissa × 10^-scale`, with `mantissa` an integer. */
export interface Decimal {
  negative: boolean;
  /** Digits of the mantissa without sign or leading zeros ("" for zero). */
  digits: string;
  scale: number;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const styleCache = new Map<string, RegExp>();

function styleRe(style: NumberStyle): RegExp {
  const key = style.decimal + "|" + style.thousands;
  let re = styleCache.get(key);
  if (!re) {
    const dec = escapeRe(style.decimal);
    const seps = style.thousands === "" ? "" : `[${escapeRe(style.thousands).replace(/ /g, " \\u00a0\\u202f")}]`;
    const intPart = seps === "" ? "\\d+" : `(?:\\d{1,3}(?:${seps}\\d{3})+|\\d+)`;
    re = new RegExp(`^([+-]?)(${intPart})?(?:${dec}(\\d*))?(?:[eE]([+-]?\\d{1,3}))?$`);
    styleCache.set(key, re);
  }
  return re;
}

/** Parse a decimal literal in a number style; undefined when it is not one. */
export function parseDecimalText(text: string, style: NumberStyle): Decimal | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const m = styleRe(style).exec(t);
  if (!m) return undefined;
  const intDigits = (m[2] ?? "").replace(/\D/g, "");
  const frac = m[3] ?? "";
  if (intDigits === "" && frac === "") return undefined;
  let digits = intDigits + frac;
  let scale = frac.length - (m[4] !== undefined ? Number(m[4]) : 0);
  if (scale < 0) {
    digits += "0".repeat(-scale);
    scale = 0;
  }
  // Trailing zeros of the fraction carry no value: 0.8958740000000000 is 895874 × 10^-6.
  while (scale > 0 && digits.endsWith("0")) {
    digits = digits.slice(0, -1);
    scale--;
  }
  digits = digits.replace(/^0+/, "");
  return { negative: m[1] === "-" && digits !== "", digits, scale };
}

/** Multiply a decimal by a positive decimal factor given as text (exact). */
export function scaleDecimal(d: Decimal, factor: string): Decimal {
  if (factor === "1") return d;
  const f = parseDecimalText(factor, PLAIN_NUMBERS)!;
  const product = BigInt(d.digits || "0") * BigInt(f.digits || "0");
  return normalise({ negative: d.negative, digits: product.toString(), scale: d.scale + f.scale });
}

function normalise(d: Decimal): Decimal {
  let { digits, scale } = d;
  while (scale > 0 && digits.endsWith("0")) {
    digits = digits.slice(0, -1);
    scale--;
  }
  digits = digits.replace(/^0+/, "");
  return { negative: d.negative && digits !== "", digits, scale };
}

/** The integer value of a decimal with scale 0, as a BigInt. */
export function decimalToBigInt(d: Decimal): bigint {
  const v = BigInt(d.digits || "0");
  return d.negative ? -v : v;
}

/** The value as a plain decimal string, e.g. "-12.5". */
export function decimalToString(d: Decimal): string {
  if (d.digits === "") return "0";
  let s = d.digits;
  if (d.scale > 0) {
    s = s.padStart(d.scale + 1, "0");
    s = `${s.slice(0, s.length - d.scale)}.${s.slice(s.length - d.scale)}`;
  }
  return d.negative ? `-${s}` : s;
}

const D0 = 48;
const D9 = 57;

/**
 * Fast path for a token cell: plain digits, optionally followed by the decimal mark and zeros
 * (`.0…`, floats written for integers), at most 15 digits. `decimalMark` is the style's decimal
 * byte, so the fast path reads a cell exactly as `parseDecimalText` does: with `--decimal ,` a
 * `1.000` is a thousands-separated 1000 (the full parser's job), never 1. Returns −1 when the cell
 * needs the full parser (empty, signs, separators, fractions, very large values).
 */
export function fastTokenCount(buf: Uint8Array, s: number, e: number, decimalMark = 46): number {
  if (s >= e || e - s > 24) return -1;
  let v = 0;
  let i = s;
  for (; i < e; i++) {
    const b = buf[i]!;
    if (b < D0 || b > D9) break;
    v = v * 10 + (b - D0);
  }
  if (i === s || i - s > 15) return -1;
  if (i < e) {
    if (buf[i] !== decimalMark) return -1;
    for (i++; i < e; i++) if (buf[i] !== D0) return -1;
  }
  return v;
}

/** Scratch result of `fastDecimal`. */
export interface FastDecimal {
  mantissa: number;
  scale: number;
}

/**
 * Fast path for a money cell: `[-]digits[MARKdigits]` with at most 15 digits in all, so the
 * mantissa is an exact float64 integer; MARK is the style's decimal byte (`.` or `,`), any other
 * byte (a thousands separator) sends the cell to the full parser. Writes the mantissa and the
 * scale as written (trailing zeros kept: the sum is exact either way) into `out` and returns true,
 * or false for the full parser.
 */
export function fastDecimal(buf: Uint8Array, s: number, e: number, out: FastDecimal, decimalMark = 46): boolean {
  if (s >= e || e - s > 17) return false;
  let i = s;
  let negative = false;
  if (buf[i] === 45) {
    negative = true;
    i++;
  }
  let v = 0;
  let digits = 0;
  let scale = -1;
  for (; i < e; i++) {
    const d = buf[i]! - D0;
    if (d >= 0 && d <= 9) {
      v = v * 10 + d;
      digits++;
      if (scale >= 0) scale++;
    } else if (d === decimalMark - D0 && scale < 0) {
      scale = 0;
    } else {
      return false;
    }
  }
  if (digits === 0 || digits > 15) return false;
  out.mantissa = negative ? -v : v;
  out.scale = scale < 0 ? 0 : scale;
  return true;
}
