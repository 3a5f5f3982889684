import { Command, Option } from "commander";
import { HedgeError } from "../../errors.js";
import { readCsvRows } from "../../csv/read-rows.js";
import { parseDecimal, Dec } from "../../money/decimal.js";
import { assessEffectiveness, valueChangesFromPriceChanges, type EffectivenessResult, type ValueChanges } from "../../effectiveness/index.js";
import { effectivenessCsv, effectivenessDocument, effectivenessHuman, type EffectivenessInputInfo } from "../../report/views/effectiveness.js";
import type { RegressDirection } from "../../config/index.js";
import { readTextFile } from "../files.js";
import { emit, warn, type OutputFlags } from "../output.js";
import { parseNumberOption } from "../options.js";
import { EFFECTIVENESS_FLAG_BINDINGS, FLAG_BINDINGS, withConfig } from "../config-options.js";
import type { CommandEnv } from "./shared.js";
import type { IoContext } from "../context.js";

/** A history file read as columns: either value changes or prices. */
export type HistoryColumns =
  | { kind: "value-changes"; periods: string[]; hedge: number[]; item: number[] }
  | { kind: "prices"; periods: string[]; spot: Dec[]; futures: Dec[] };

/**
 * History CSV text → columns (pure). Header `period,hedge,item` (value changes of the hedge and the
 * hedged item, gains positive) or `period,spot,futures` (prices). Errors name file:line:column.
 */
export function parseHistoryCsv(text: string, file: string): HistoryColumns {
  const rows = readCsvRows(text, file);
  const header = rows[0]?.record.map((h) => h.trim().toLowerCase());
  if (!header) throw new HedgeError("INPUT_EMPTY", "the history file is empty", { file, expected: "a header `period,hedge,item` or `period,spot,futures`" });
  const col = (name: string): number => header.indexOf(name);
  const period = col("period") >= 0 ? col("period") : col("month");
  const valueCols = [col("hedge"), col("item")];
  const priceCols = [col("spot"), col("futures")];
  const isValues = valueCols.every((c) => c >= 0);
  if (period < 0 || (!isValues && !priceCols.every((c) => c >= 0))) {
    throw new HedgeError("INPUT_MISSING_COLUMN", "the history needs columns period,hedge,item or period,spot,futures", {
      file,
      line: 1,
      value: rows[0]!.record.join(","),
      expected: "a header `period,hedge,item` (value changes) or `period,spot,futures` (prices)",
    });
  }
  const [a, b] = (isValues ? valueCols : priceCols) as [number, number];
  const periods: string[] = [];
  const first: Dec[] = [];
  const second: Dec[] = [];
  for (const { record, info } of rows.slice(1)) {
    const label = (record[period] ?? "").trim();
    if (label === "") throw new HedgeError("INPUT_INVALID", "empty period", { file, line: info.lines, column: period + 1, field: header[period]!, expected: "a period label such as 2026-03" });
    const read = (c: number): Dec => {
      const raw = (record[c] ?? "").trim();
      const d = parseDecimal(raw);
      if (d === undefined) {
        throw new HedgeError("INPUT_NUMBER_PARSE", `cannot read "${raw}" as a number`, {
          file, line: info.lines, column: c + 1, field: header[c]!, value: raw, expected: "a plain decimal number such as -1250.50", hint: "no thousands separators; a decimal point, not a comma",
        });
      }
      return d;
    };
    periods.push(label);
    first.push(read(a));
    second.push(read(b));
  }
  if (periods.length === 0) throw new HedgeError("INPUT_EMPTY", "the history has no rows", { file, line: 1, expected: "one row per period" });
  return isValues
    ? { kind: "value-changes", periods, hedge: first.map((d) => d.toNumber()), item: second.map((d) => d.toNumber()) }
    : { kind: "prices", periods, spot: first, futures: second };
}

/** Period-on-period changes of levels, in decimal so 10.20 − 10.50 is −0.3 exactly. The first period has none. */
function differences(levels: Dec[]): number[] {
  return levels.slice(1).map((d, i) => d.minus(levels[i]!).toNumber());
}

export interface EffectivenessSettings {
  history: string;
  changes?: boolean;
  contracts?: number;
  contractSize?: number;
  exposure?: number;
  quoteUnitSize?: number;
  regress?: RegressDirection;
}

function requireNumber(value: number | undefined, flag: string, key: string): number {
  if (value === undefined) {
    throw new HedgeError("USAGE_MISSING_FLAG", `a spot/futures history needs ${flag}`, {
      expected: `${flag} N (or effectiveness.${key} in the config)`,
      hint: "the hedge's value change is N·QF·ΔF and the hedged item's −QA·ΔS: give --contracts N --contract-size QF --exposure QA",
    });
  }
  return value;
}

/** Read the history and run every test. Shared with `check` and `report`. */
export function loadEffectiveness(ctx: IoContext, s: EffectivenessSettings): { input: EffectivenessInputInfo; result: EffectivenessResult } {
  const cols = parseHistoryCsv(readTextFile(s.history, ctx.cwd), s.history);
  let changes: ValueChanges;
  let input: EffectivenessInputInfo;
  if (cols.kind === "value-changes") {
    changes = { hedge: cols.hedge, item: cols.item, periods: cols.periods };
    input = { file: s.history, kind: "value-changes" };
  } else {
    const contracts = requireNumber(s.contracts, "--contracts", "contracts");
    const contractSize = requireNumber(s.contractSize, "--contract-size", "contractSize");
    const exposure = requireNumber(s.exposure, "--exposure", "exposure");
    const quoteUnitSize = s.quoteUnitSize ?? 1;
    const asChanges = s.changes === true;
    if (!asChanges && cols.periods.length < 2) {
      throw new HedgeError("INPUT_INVALID", "price levels need at least two periods to give one change", { file: s.history, expected: "two or more rows, or --changes if the columns are already changes" });
    }
    changes = valueChangesFromPriceChanges({
      spotChanges: asChanges ? cols.spot.map((d) => d.toNumber()) : differences(cols.spot),
      futuresChanges: asChanges ? cols.futures.map((d) => d.toNumber()) : differences(cols.futures),
      contracts,
      contractSize,
      exposureQuantity: exposure,
      quoteUnitSize,
      periods: asChanges ? cols.periods : cols.periods.slice(1),
    });
    input = { file: s.history, kind: "prices", priceColumns: asChanges ? "changes" : "levels", contracts, contractSize, exposure, quoteUnitSize };
  }
  return { input, result: assessEffectiveness(changes, { direction: s.regress ?? "hedge-on-item" }) };
}

interface EffectivenessFlags extends OutputFlags, Partial<EffectivenessSettings> {
  config?: string;
}

export function effectivenessCommand(env: CommandEnv): Command {
  const { ctx } = env;
  const cmd = new Command("effectiveness")
    .description("hedge-accounting effectiveness tests (ASC 815 / IFRS 9 style): dollar offset, regression, cash-flow hedge reserve")
    .option("--history <file>", "history CSV: period,hedge,item (value changes, gains positive) or period,spot,futures (prices)")
    .option("--changes", "the spot and futures columns are period changes, not price levels")
    .addOption(new Option("--contracts <n>", "futures contracts held, N (long positive)").argParser(parseNumberOption("--contracts")))
    .addOption(new Option("--contract-size <qf>", "quantity per contract, QF").argParser(parseNumberOption("--contract-size", 0)))
    .addOption(new Option("--exposure <qa>", "quantity hedged, QA").argParser(parseNumberOption("--exposure", 0)))
    .addOption(new Option("--quote-unit-size <u>", "quantity units per quote unit, e.g. 1000000 for tokens priced in USD/Mtok (default 1)").argParser(parseNumberOption("--quote-unit-size", 0)))
    .addOption(new Option("--regress <direction>", "which series is y: hedge-on-item (y = Δhedge) or item-on-hedge").choices(["hedge-on-item", "item-on-hedge"]))
    .addHelpText(
      "after",
      `
Examples:
  tokenhedge effectiveness --history fixtures/effectiveness/worked-values.csv
  tokenhedge effectiveness --history fixtures/effectiveness/worked-prices.csv --contracts 2 --contract-size 1000 --exposure 2000
  tokenhedge effectiveness --config fixtures/config/acme.config.yaml --json`,
    );
  return env.output(withConfig(cmd, ctx, { bindings: { ...FLAG_BINDINGS, ...EFFECTIVENESS_FLAG_BINDINGS } })).action((flags: EffectivenessFlags) => {
    if (!flags.history) {
      throw new HedgeError("USAGE_MISSING_FLAG", "missing --history", { expected: "--history FILE (or effectiveness.history in the config)", hint: "e.g. --history fixtures/effectiveness/worked-values.csv" });
    }
    const settings: EffectivenessSettings = {
      history: flags.history,
      ...(flags.changes !== undefined ? { changes: flags.changes } : {}),
      ...(flags.contracts !== undefined ? { contracts: flags.contracts } : {}),
      ...(flags.contractSize !== undefined ? { contractSize: flags.contractSize } : {}),
      ...(flags.exposure !== undefined ? { exposure: flags.exposure } : {}),
      ...(flags.quoteUnitSize !== undefined ? { quoteUnitSize: flags.quoteUnitSize } : {}),
      ...(flags.regress !== undefined ? { regress: flags.regress } : {}),
    };
    const { input, result } = loadEffectiveness(ctx, settings);
    warn(ctx, result.warnings);
    emit(ctx, flags, {
      json: () => effectivenessDocument(input, result),
      csv: () => effectivenessCsv(result),
      human: () => effectivenessHuman(input, result, ctx.colour),
    }, [settings.history, ...(flags.config ? [flags.config] : [])]);
  });
}
