/**
 * The model mix of future months and the blended company price it implies:
 *   blended price(month) = Σᵢ shareᵢ · priceᵢ(month)
 * over provider × model × kind lines. The mix is the last complete months' (usage-prices.ts) or a mix file
 * (`--mix FILE`, CSV `provider,model,kind,share`, shares summing to 1). Prices per line come from the price
 * file (dated rows: a cut in a later month lowers that month's blend) or else from the export's own cost.
 */
import { HedgeError } from "../errors.js";
import { readCsvRows } from "../csv/read-rows.js";
import { parseDecimal } from "../money/decimal.js";
import { priceFor, type PriceTable } from "./price-file.js";
import type { UsagePrices } from "./usage-prices.js";

export interface MixLine {
  provider: string;
  model: string;
  kind: string;
  share: number;
}

export interface Mix {
  /** "usage" (the window's token shares) or the mix file's name. */
  source: string;
  lines: MixLine[];
}

/** Reads a mix CSV `provider,model,kind,share`; shares must be ≥ 0 and sum to 1 (within 1e-6). */
export function parseMixFile(text: string, file: string): Mix {
  const rows = readCsvRows(text, file);
  const header = rows[0]?.record.map((h) => h.trim().toLowerCase());
  if (!header)
    throw new HedgeError("INPUT_EMPTY", "the mix file is empty", {
      file,
      expected: "a header provider,model,kind,share",
    });
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0)
      throw new HedgeError("INPUT_MISSING_COLUMN", `no ${name} column in the mix file header`, {
        file,
        line: 1,
        value: header.join(","),
        expected: "the columns provider,model,kind,share",
        hint: "leave --mix out to use the recent months' mix",
      });
    return i;
  };
  const [p, m, k, s] = [col("provider"), col("model"), col("kind"), col("share")];
  let total = 0;
  const lines = rows.slice(1).map(({ record, info }) => {
    const raw = (record[s] ?? "").trim();
    const share = parseDecimal(raw)?.toNumber();
    if (share === undefined || share < 0 || share > 1) {
      throw new HedgeError("INPUT_NUMBER_PARSE", `cannot read share "${raw}"`, {
        file,
        line: info.lines,
        column: s + 1,
        field: "share",
        value: raw,
        expected: "a share between 0 and 1, e.g. 0.25",
      });
    }
    total += share;
    return {
      provider: (record[p] ?? "").trim(),
      model: (record[m] ?? "").trim(),
      kind: (record[k] ?? "").trim(),
      share,
    };
  });
  if (lines.length === 0 || Math.abs(total - 1) > 1e-6) {
    throw new HedgeError("INPUT_INVALID", `the mix shares sum to ${total}, not 1`, {
      file,
      expected: "shares that sum to 1",
      hint: "rescale the share column",
    });
  }
  return { source: file, lines };
}

export function usageMix(prices: UsagePrices): Mix {
  return {
    source: "usage",
    lines: prices.lines.map(({ provider, model, kind, share }) => ({ provider, model, kind, share })),
  };
}

/** Where each line's price comes from: the price file, else the export's own cost over the window. */
export interface PriceSources {
  table?: PriceTable;
  usage?: UsagePrices | null;
}

/**
 * Blended USD/Mtok of a month under a mix. A line without a price in the file falls back to its export price;
 * a line with neither is an error naming the line (a new model in a mix file needs a price row).
 */
export function blendedPrice(mix: Mix, sources: PriceSources, month: string): number {
  let price = 0;
  for (const l of mix.lines) {
    if (l.share === 0) continue;
    const row = sources.table ? priceFor(sources.table, l.provider, l.model, l.kind, month) : undefined;
    const fromUsage =
      sources.usage?.lines.find((u) => u.provider === l.provider && u.model === l.model && u.kind === l.kind)
        ?.usdPerMtok ?? null;
    const p = row?.usdPerMtok ?? fromUsage;
    if (p === null || p === undefined) {
      throw new HedgeError(
        "INPUT_INVALID",
        `no price for ${l.provider || "(no provider)"} / ${l.model} / ${l.kind} in ${month}`,
        {
          ...(sources.table ? { file: sources.table.file } : {}),
          value: `${l.model} ${l.kind}`,
          expected: "a price row (or * row) effective by the month, or usage with cost for that model and kind",
          hint: "add a row to --prices, or use --company-price index",
        },
      );
    }
    price += l.share * p;
  }
  return price;
}
