import { Command, Option } from "commander";
import { HedgeError } from "../../errors.js";
import { effectivenessCsv, effectivenessDocument, effectivenessHuman } from "../../report/views/effectiveness.js";
import type { EffectivenessSettings } from "../../pipeline/index.js";
import { loadEffectiveness } from "../effectiveness-read.js";
import { emit, warn, type OutputFlags } from "../output.js";
import { parseNumberOption } from "../options.js";
import { EFFECTIVENESS_FLAG_BINDINGS, FLAG_BINDINGS, withConfig } from "../config-options.js";
import type { CommandEnv } from "./shared.js";
import { parseBook } from "../../book/book.js";
import type { Framework } from "../../effectiveness/relationship.js";
import { frameworkDocument, frameworkHuman } from "../../report/views/effectiveness-framework.js";
import { readTextFile } from "../files.js";

interface EffectivenessFlags extends OutputFlags, Omit<Partial<EffectivenessSettings>, "book"> {
  config?: string;
  framework?: Framework;
  book?: string;
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
    .addOption(new Option("--side <side>", "long: a forecast purchase hedged with long futures; short: a forecast sale hedged with short futures (a negative --contracts reads as short)").choices(["long", "short"]))
    .addOption(new Option("--framework <framework>", "accounting framework: asc815 (ASU 2017-12: no separate ineffectiveness) or ifrs9 (lower-of test)").choices(["asc815", "ifrs9"]))
    .option("--book <file>", "test the book's actual trades (held through each period) against the tokens they cover, instead of a fixed --contracts")
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
      ...(flags.side !== undefined ? { side: flags.side } : {}),
      ...(flags.book !== undefined ? { book: parseBook(readTextFile(flags.book, ctx.cwd), flags.book) } : {}),
    };
    const { input, result } = loadEffectiveness(ctx, settings);
    warn(ctx, result.warnings);
    emit(ctx, flags, {
      json: () => ({ ...effectivenessDocument(input, result), ...frameworkDocument(result, flags.framework ?? null), ...(flags.book ? { book: flags.book } : {}) }),
      csv: () => effectivenessCsv(result),
      human: () => effectivenessHuman(input, result, ctx.colour) + frameworkHuman(result, flags.framework ?? null),
    }, [settings.history, ...(flags.config ? [flags.config] : []), ...(flags.book ? [flags.book] : [])]);
  });
}
