/**
 * Committed-use contracts (take-or-pay): so many tokens a month of a provider's model or token kind at a fixed
 * price, paid whether used or not. That volume's price is already fixed — it is hedged by the contract — so only
 * the uncommitted remainder is exposed to the index.
 *
 * File (`--commitments FILE`), CSV: `provider,model,kind,from,to,tokensPerMonth,usdPerMtok` (`*` matches every
 * model or kind; from/to are YYYY-MM, inclusive).
 *
 * In a month with volume V, a commitment covering mix lines of total share s sees volume V·s; it uses
 * min(V·s, C) of its C committed tokens, costs C·P whatever is used, and the unused max(0, C − V·s) is the
 * take-or-pay shortfall (paid for nothing). The rest of V is priced at the company's price.
 */
import { HedgeError, type ErrorCode } from "../errors.js";
import { readCsvRows } from "../csv/read-rows.js";
import { Dec, parseDecimal } from "../money/decimal.js";
import type { MixLine } from "./mix.js";

export interface Commitment {
  provider: string;
  model: string;
  kind: string;
  from: string;
  to: string;
  tokensPerMonth: number;
  usdPerMtok: number;
  line: number;
}

export interface CommitmentFile {
  file: string;
  commitments: Commitment[];
}

const COLUMNS = ["provider", "model", "kind", "from", "to", "tokenspermonth", "usdpermtok"] as const;
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parseCommitments(text: string, file: string): CommitmentFile {
  const rows = readCsvRows(text, file);
  const header = rows[0]?.record.map((h) => h.trim().toLowerCase());
  if (!header)
    throw new HedgeError("INPUT_EMPTY", "the commitments file is empty", {
      file,
      expected: "a header provider,model,kind,from,to,tokensPerMonth,usdPerMtok",
    });
  const cols = COLUMNS.map((c) => {
    const i = header.indexOf(c);
    if (i < 0)
      throw new HedgeError("INPUT_MISSING_COLUMN", `no ${c} column in the commitments header`, {
        file,
        line: 1,
        value: header.join(","),
        expected: "the columns provider,model,kind,from,to,tokensPerMonth,usdPerMtok",
        hint: "see docs/company-cost.md",
      });
    return i;
  });
  const commitments = rows.slice(1).map(({ record, info }): Commitment => {
    const line = info.lines;
    const cell = (i: number): string => (record[cols[i]!] ?? "").trim();
    // A cell that does not read as its field: the error names the field, its column and what it takes.
    const unreadable = (code: ErrorCode, i: number, field: string, value: string, expected: string): HedgeError =>
      new HedgeError(code, `cannot read ${field} "${value}"`, {
        file,
        line,
        column: cols[i]! + 1,
        field,
        value,
        expected,
      });
    const [from, to] = [cell(3), cell(4)];
    for (const [v, name] of [
      [from, "from"],
      [to, "to"],
    ] as const) {
      if (!MONTH_RE.test(v)) throw unreadable("INPUT_DATE_PARSE", name === "from" ? 3 : 4, name, v, "a month YYYY-MM");
    }
    if (to < from)
      throw new HedgeError("INPUT_INVALID", `the commitment ends (${to}) before it starts (${from})`, {
        file,
        line,
        value: `${from}..${to}`,
        expected: "from ≤ to",
      });
    const tokensRaw = cell(5);
    if (!/^\d+$/.test(tokensRaw))
      throw unreadable(
        "INPUT_NUMBER_PARSE",
        5,
        "tokensPerMonth",
        tokensRaw,
        "a whole number of tokens, e.g. 20000000000",
      );
    const priceRaw = cell(6);
    const price = parseDecimal(priceRaw)?.toNumber();
    if (price === undefined || price < 0)
      throw unreadable(
        "INPUT_NUMBER_PARSE",
        6,
        "usdPerMtok",
        priceRaw,
        "a fixed price in USD per million tokens, e.g. 2.10",
      );
    return {
      provider: cell(0) || "*",
      model: cell(1) || "*",
      kind: cell(2) || "*",
      from,
      to,
      tokensPerMonth: Number(tokensRaw),
      usdPerMtok: price,
      line,
    };
  });
  return { file, commitments };
}

const matches = (pattern: string, value: string): boolean =>
  pattern === "*" || pattern.toLowerCase() === value.toLowerCase();

/** Share of the month's volume a commitment can cover: the mix lines it matches. */
export function commitmentShare(c: Commitment, mix: readonly MixLine[]): number {
  return mix
    .filter((l) => matches(c.provider, l.provider) && matches(c.model, l.model) && matches(c.kind, l.kind))
    .reduce((s, l) => s + l.share, 0);
}

/** A month's commitments applied to its volume. */
export interface CommittedMonth {
  /** Tokens committed (take-or-pay) in the month. */
  committedTokens: number;
  /** Committed tokens actually used (≤ committed, ≤ the covered volume). */
  usedTokens: number;
  /** V − used: the volume exposed to the company's floating price (and the index). */
  uncommittedTokens: number;
  /** Σ C·P/1e6: paid whatever the volume. */
  committedCost: number;
  /** Unused committed tokens and what they cost: the take-or-pay shortfall. */
  shortfallTokens: number;
  shortfallCost: number;
}

export function applyCommitments(
  commitments: readonly Commitment[],
  mix: readonly MixLine[],
  month: string,
  volume: number,
): CommittedMonth {
  let committed = 0;
  let used = 0;
  let cost = new Dec(0);
  let shortfallTokens = 0;
  let shortfallCost = new Dec(0);
  for (const c of commitments) {
    if (month < c.from || month > c.to) continue;
    const covered = Math.round(volume * commitmentShare(c, mix));
    const u = Math.min(covered, c.tokensPerMonth);
    committed += c.tokensPerMonth;
    used += u;
    cost = cost.plus(new Dec(c.tokensPerMonth).times(c.usdPerMtok).div(1_000_000));
    const short = c.tokensPerMonth - u;
    shortfallTokens += short;
    shortfallCost = shortfallCost.plus(new Dec(short).times(c.usdPerMtok).div(1_000_000));
  }
  return {
    committedTokens: committed,
    usedTokens: used,
    uncommittedTokens: Math.max(0, volume - used),
    committedCost: cost.toDecimalPlaces(2).toNumber(),
    shortfallTokens,
    shortfallCost: shortfallCost.toDecimalPlaces(2).toNumber(),
  };
}
