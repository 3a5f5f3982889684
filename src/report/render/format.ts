/** Number formatting for human tables (never for JSON or CSV, which carry plain numbers). */

// Made on first use: the first Intl.NumberFormat costs ~10 ms (ICU), which a command that fails before printing a
// table should not pay at start-up.
let intFmt: Intl.NumberFormat | undefined;

export function fmtInt(n: number | bigint): string {
  intFmt ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  return intFmt.format(n);
}

export function fmtMoney(n: number, currency = "USD"): string {
  const sign = n < 0 ? "-" : "";
  const body = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    Math.abs(n),
  );
  return currency === "USD" ? `${sign}$${body}` : `${sign}${body} ${currency}`;
}

export function fmtPrice(n: number | null, digits = 4): string {
  return n === null ? "–" : n.toFixed(digits);
}

export function fmtPct(n: number | null, digits = 1): string {
  return n === null ? "–" : `${(n * 100).toFixed(digits)}%`;
}

export function fmtSignedPct(n: number, digits = 0): string {
  const s = (n * 100).toFixed(digits);
  return n > 0 ? `+${s}%` : `${s}%`;
}

/** Billions of tokens with 2 decimals: readable for monthly volumes in the tens of billions. */
export function fmtBillions(n: number): string {
  return `${(n / 1e9).toFixed(2)} B`;
}

/**
 * Headline money, rounded to three significant figures with K/M/B ($2.74M, $132K, $950), and with its cents under
 * $100 when it has any ($0.02, not $0): detail tables keep fmtMoney.
 */
export function fmtMoneyShort(n: number): string {
  const sign = n < 0 ? "-" : "";
  const a = Math.abs(n);
  const [div, unit] = a >= 1e9 ? [1e9, "B"] : a >= 1e6 ? [1e6, "M"] : a >= 1e3 ? [1e3, "K"] : [1, ""];
  const v = a / div;
  // Under $100, cents when there are any: a total of $0.02 must not read "$0".
  const cents = div === 1 && a < 100 && Math.round(a * 100) % 100 !== 0;
  const digits = div === 1 ? (cents ? 2 : 0) : v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return `${sign}$${v.toFixed(digits)}${unit}`;
}

/** The unit a table of token counts reads in, as the plan table does ("B tok"): chosen by the table's largest figure. */
export interface TokenScale {
  /** "B tok", "M tok" or "k tok", for the column headings. */
  unit: string;
  divisor: number;
}

/** B tok from a billion up, M tok from a million, k tok from a thousand; null below (exact integers read fine). */
export function tokenScale(largest: number): TokenScale | null {
  const a = Math.abs(largest);
  if (a >= 1e9) return { unit: "B tok", divisor: 1e9 };
  if (a >= 1e6) return { unit: "M tok", divisor: 1e6 };
  if (a >= 1e3) return { unit: "k tok", divisor: 1e3 };
  return null;
}

/** A token count in the scale's unit with 2 decimals (78,904,680,095 → "78.90" in B tok); exact without a scale. */
export function fmtTokens(n: number, scale: TokenScale | null): string {
  return scale === null ? fmtInt(Math.round(n)) : (n / scale.divisor).toFixed(2);
}
