/** A budget as typed (--budget, src/scenarios/budget.ts describes the two forms): read without the money library. */
export type Budget = { kind: "total"; usd: number } | { kind: "rate"; usdPerMtok: number };

const NUMBER_RE = /^\$?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** Parse a budget flag value; undefined when it is not one of the accepted forms. */
export function parseBudget(text: string): Budget | undefined {
  const t = text.trim();
  const rate = /^(.*?)\s*(?:usd)?\s*\/\s*mtok$/i.exec(t);
  const body = (rate ? rate[1]! : t).trim();
  if (!NUMBER_RE.test(body)) return undefined;
  const value = Number(body.replace(/[$,\s]/g, ""));
  if (!Number.isFinite(value) || value <= 0) return undefined;
  return rate ? { kind: "rate", usdPerMtok: value } : { kind: "total", usd: value };
}
