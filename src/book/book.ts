/**
 * The hedge book: the futures trades a team already holds, read from CSV or YAML and validated like every input
 * (file:line:column, the raw value, what was expected).
 *
 *   CSV   trade_id,trade_date,contract,delivery_month,side,contracts,trade_price
 *   YAML  a list of { tradeId, tradeDate, contract, deliveryMonth, side, contracts, tradePrice } (or `trades:` above it)
 *
 * `side` is the futures side of the trade (`long` bought, `short` sold); `contracts` is a positive whole count;
 * `trade_price` the price dealt, in the contract's quote unit, read as an exact decimal. `contract` names the
 * contract (its spec name or spec file): every trade must be in the contract being planned (see `checkContract`).
 */
import { isMap, isNode, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { HedgeError } from "../errors.js";
import { readCsvRows } from "../csv/read-rows.js";
import { parseDecimal } from "../money/decimal.js";
import { isDay, isMonth } from "../time/period.js";

export type FuturesSide = "long" | "short";

export interface BookTrade {
  tradeId: string;
  tradeDate: string;
  contract: string;
  deliveryMonth: string;
  side: FuturesSide;
  contracts: number;
  /** The price dealt, quote unit (USD/Mtok or USD/GPU-hour). */
  tradePrice: number;
  /** Where the trade was read: "line 3" (CSV) or "[2]" (YAML). */
  source: string;
  /** The line it starts on, when known. */
  line?: number;
}

export interface HedgeBook {
  file: string;
  trades: BookTrade[];
}

const FIELDS = ["tradeId", "tradeDate", "contract", "deliveryMonth", "side", "contracts", "tradePrice"] as const;
type Field = (typeof FIELDS)[number];

/** CSV header names accepted for each field (snake_case as written, or the camelCase JSON name). */
const CSV_NAMES: Record<Field, string[]> = {
  tradeId: ["trade_id", "tradeid", "id"],
  tradeDate: ["trade_date", "tradedate", "date"],
  contract: ["contract"],
  deliveryMonth: ["delivery_month", "deliverymonth", "month"],
  side: ["side"],
  contracts: ["contracts", "quantity"],
  tradePrice: ["trade_price", "tradeprice", "price"],
};

interface Located {
  line?: number;
  column?: number;
  path?: string;
}

/** One raw row of either format: the text of each field and where it sits. */
interface RawTrade {
  source: string;
  get(field: Field): string | undefined;
  at(field: Field): Located;
}

/** `.yaml`/`.yml` files as YAML, everything else as CSV. */
export function parseBook(text: string, file: string): HedgeBook {
  const raws = /\.ya?ml$/i.test(file) ? yamlRows(text, file) : csvRows(text, file);
  if (raws.length === 0)
    throw new HedgeError("INPUT_EMPTY", "the book has no trades", {
      file,
      expected: "one row per futures trade",
      hint: "leave --book out to plan from nothing",
    });
  const seen = new Map<string, string>();
  const trades = raws.map((raw) => {
    const trade = readTrade(raw, file);
    const before = seen.get(trade.tradeId);
    if (before !== undefined) {
      throw new HedgeError("INPUT_INVALID", `trade id ${trade.tradeId} appears twice (${before} and ${raw.source})`, {
        file,
        ...raw.at("tradeId"),
        field: "trade_id",
        value: trade.tradeId,
        expected: "each trade id once",
      });
    }
    seen.set(trade.tradeId, raw.source);
    return trade;
  });
  return { file, trades };
}

function readTrade(raw: RawTrade, file: string): BookTrade {
  const fail = (field: Field, message: string, value: string, expected: string, hint?: string): never => {
    throw new HedgeError("INPUT_INVALID", message, {
      file,
      ...raw.at(field),
      field: snake(field),
      value,
      expected,
      ...(hint ? { hint } : {}),
    });
  };
  const text = (field: Field): string => (raw.get(field) ?? "").trim();
  const tradeId = text("tradeId");
  if (tradeId === "") fail("tradeId", "a trade without a trade id", tradeId, "a trade id such as T-0001");
  const tradeDate = text("tradeDate");
  if (!isDay(tradeDate))
    fail("tradeDate", `cannot read trade date "${tradeDate}"`, tradeDate, "a date YYYY-MM-DD", "e.g. 2026-11-20");
  const contract = text("contract");
  if (contract === "")
    fail("contract", "a trade without a contract", contract, "the contract's spec name or spec file");
  const deliveryMonth = text("deliveryMonth");
  if (!isMonth(deliveryMonth))
    fail(
      "deliveryMonth",
      `cannot read delivery month "${deliveryMonth}"`,
      deliveryMonth,
      "a delivery month YYYY-MM",
      "e.g. 2027-03",
    );
  if (isDay(tradeDate) && tradeDate.slice(0, 7) > deliveryMonth) {
    fail(
      "tradeDate",
      `trade ${tradeId} is dated ${tradeDate}, after its delivery month ${deliveryMonth}`,
      tradeDate,
      `a trade date before the end of ${deliveryMonth}`,
    );
  }
  const side = text("side").toLowerCase();
  if (side !== "long" && side !== "short")
    fail(
      "side",
      `side "${text("side")}" is neither long nor short`,
      text("side"),
      "long (futures bought) or short (futures sold)",
    );
  const rawContracts = text("contracts");
  const contracts = /^\d+$/.test(rawContracts) ? Number(rawContracts) : Number.NaN;
  if (!(Number.isSafeInteger(contracts) && contracts > 0)) {
    fail(
      "contracts",
      `contracts "${rawContracts}" is not a positive whole number`,
      rawContracts,
      "a whole number of contracts ≥ 1",
      "record a sale as side short, not as negative contracts",
    );
  }
  const rawPrice = text("tradePrice");
  const price = parseDecimal(rawPrice);
  if (price === undefined || !price.greaterThan(0))
    fail(
      "tradePrice",
      `trade price "${rawPrice}" is not a positive number`,
      rawPrice,
      "a positive price in the contract's quote unit, such as 2.05",
    );
  const line = raw.at("tradeId").line;
  return {
    tradeId,
    tradeDate,
    contract,
    deliveryMonth,
    side: side as FuturesSide,
    contracts,
    tradePrice: price!.toNumber(),
    source: raw.source,
    ...(line !== undefined ? { line } : {}),
  };
}

function snake(field: Field): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function csvRows(text: string, file: string): RawTrade[] {
  const rows = readCsvRows(text, file);
  const header = rows[0]?.record.map((h) => h.trim().toLowerCase());
  if (!header)
    throw new HedgeError("INPUT_EMPTY", "the book file is empty", {
      file,
      expected: `a header ${FIELDS.map(snake).join(",")}`,
    });
  const col = {} as Record<Field, number>;
  for (const field of FIELDS) {
    col[field] = header.findIndex((h) => CSV_NAMES[field].includes(h));
    if (col[field] < 0) {
      throw new HedgeError("INPUT_MISSING_COLUMN", `the book has no ${snake(field)} column`, {
        file,
        line: 1,
        value: rows[0]!.record.join(","),
        expected: `a header ${FIELDS.map(snake).join(",")}`,
      });
    }
  }
  return rows.slice(1).map(({ record, info }) => ({
    source: `line ${info.lines}`,
    get: (field) => record[col[field]],
    at: (field) => ({ line: info.lines, column: col[field] + 1 }),
  }));
}

function yamlRows(text: string, file: string): RawTrade[] {
  const lineCounter = new LineCounter();
  // Plain YAML 1.2 core schema: no custom tags, so a book cannot construct objects.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const pos = lineCounter.linePos(err.pos[0]);
    throw new HedgeError("INPUT_INVALID", `not valid YAML: ${err.message.split("\n")[0]}`, {
      file,
      line: pos.line,
      column: pos.col,
      expected: "a YAML list of trades",
    });
  }
  const root = doc.contents;
  const listPath: string[] = isMap(root) && root.has("trades") ? ["trades"] : [];
  const list = listPath.length > 0 ? doc.getIn(listPath, true) : root;
  if (!isSeq(list)) {
    throw new HedgeError("INPUT_INVALID", "the book must be a list of trades", {
      file,
      path: listPath.join(".") || "(root)",
      expected: `a YAML list of { ${FIELDS.join(", ")} } (or trades: above it)`,
    });
  }
  return list.items.map((item, i) => {
    const path = [...listPath, i];
    const label = `${listPath.join(".")}[${i}]`;
    if (!isMap(item)) {
      throw new HedgeError("INPUT_INVALID", `${label} is not a trade`, {
        file,
        ...position(doc, lineCounter, path),
        path: label,
        expected: `a mapping of ${FIELDS.join(", ")}`,
      });
    }
    for (const pair of item.items) {
      const key = isNode(pair.key) ? String((pair.key as { value?: unknown }).value) : String(pair.key);
      if (!(FIELDS as readonly string[]).includes(key)) {
        throw new HedgeError("INPUT_INVALID", `${label}: unknown key "${key}"`, {
          file,
          ...position(doc, lineCounter, path),
          path: `${label}.${key}`,
          value: key,
          expected: `one of ${FIELDS.join(", ")}`,
        });
      }
    }
    return {
      source: label,
      get: (field: Field) => {
        const v: unknown = item.get(field);
        return v === undefined || v === null ? undefined : String(v);
      },
      at: (field: Field) => ({ ...position(doc, lineCounter, [...path, field]), path: `${label}.${field}` }),
    };
  });
}

function position(doc: Document, lines: LineCounter, path: readonly (string | number)[]): Located {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return {};
}

/**
 * Every trade must be in the contract being planned: its `contract` is the spec's name or the spec file's name
 * (with or without directory and extension). Another contract's trades are refused, not silently mixed in.
 */
export function checkContract(book: HedgeBook, specName: string, specFile: string | null): void {
  const base = specFile ? specFile.replace(/^.*[\\/]/, "") : null;
  const accepted = new Set([
    specName.toLowerCase(),
    ...(base ? [base.toLowerCase(), base.replace(/\.[^.]+$/, "").toLowerCase()] : []),
  ]);
  for (const t of book.trades) {
    const c = t.contract.toLowerCase();
    if (!accepted.has(c) && !accepted.has(c.replace(/^.*[\\/]/, ""))) {
      throw new HedgeError(
        "INPUT_INVALID",
        `trade ${t.tradeId} (${t.source}) is in contract "${t.contract}", not the one planned`,
        {
          file: book.file,
          ...(t.line !== undefined ? { line: t.line } : {}),
          path: t.source,
          field: "contract",
          value: t.contract,
          expected: `"${specName}"${base ? ` or ${base}` : ""}`,
          hint: "plan that contract with --contract, or keep one book per contract",
        },
      );
    }
  }
}

/** Trades of one delivery month, in book order. */
export function tradesByMonth(trades: readonly BookTrade[]): Map<string, BookTrade[]> {
  const out = new Map<string, BookTrade[]>();
  for (const t of trades) {
    const list = out.get(t.deliveryMonth);
    if (list) list.push(t);
    else out.set(t.deliveryMonth, [t]);
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Net futures position of a month, contracts: long positive, short negative. */
export function netContracts(trades: readonly BookTrade[]): number {
  return trades.reduce((n, t) => n + (t.side === "long" ? t.contracts : -t.contracts), 0);
}
