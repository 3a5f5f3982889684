/**
 * `tokenhedge forecast FILE`'s action (its options: commands/forecast.ts): load a usage export or a plain `period,value`
 * series (here), forecast it by month or by day with 80% / 95% intervals and optionally backtest the candidate models
 * (pipeline/forecast-stage.ts), with a progress bar on a terminal, and print a table and fan chart, JSON or CSV.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { resolve } from "node:path";
import { HedgeError } from "../../errors.js";
import type { Granularity, OutlierMode, SelectionMethod } from "../../forecast/index.js";
import { completeMonthTotals } from "../../forecast/input/complete-months.js";
import { isPeriodValueText, parsePeriodValue } from "../../forecast/input/period-value.js";
import { dailyTokens } from "../../forecast/input/usage-daily.js";
import { monthlyIndexTokens } from "../../hedge/exposure.js";
import { forecastHorizon, forecastStage, type LoadedSeries } from "../../pipeline/index.js";
import {
  forecastCsv,
  forecastDocument,
  forecastFindings,
  forecastHuman,
  forecastWarnings,
} from "../../report/views/forecast.js";
import { checkRegularInput, readTextFile } from "../files.js";
import { readKnowledge, type KnowledgeFlags } from "../forecast-knowledge.js";
import { loadUsages } from "../inputs.js";
import { usageSourcesFields } from "../../report/views/ingest.js";
import { expandUsageArgs, STDIN } from "../usage-inputs.js";
import { usageDialectOf, type UsageReadFlags } from "../usage-flags.js";
import { emit, notice, warn, type OutputFlags } from "../output.js";
import { forecastProgress, progressBar, progressStream } from "../progress-bar.js";
import { chartStyle, type CommandEnv, type RunContext } from "../commands/shared.js";

export interface ForecastFlags extends OutputFlags, KnowledgeFlags, UsageReadFlags {
  period: Granularity;
  horizon?: number;
  select?: SelectionMethod;
  outliers?: OutlierMode;
  backtest?: boolean;
  seed: number;
  paths: number;
  map?: string;
}

/** The first few kilobytes of a file, enough to see its header without reading a large export. */
function readHead(ctx: RunContext, file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(resolve(ctx.cwd, file), "r");
    const buffer = Buffer.alloc(4096);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString("utf8");
  } catch {
    // Missing or unreadable: the usage reader reports it with the standard message.
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function loadSeries(
  ctx: RunContext,
  names: readonly string[],
  period: Granularity,
  flags: ForecastFlags,
): Promise<LoadedSeries> {
  const map = flags.map;
  const file = names[0]!;
  // DuckDB reads usage exports only (a file, a quoted glob or Parquet), and so do several inputs or
  // standard input: no period,value peek.
  const duck = names.length > 1 || file === STDIN || flags.engine === "duckdb" || /\.parquet$/i.test(file);
  // A FIFO would block the header peek below (and a device never end): refuse them first.
  if (!duck) checkRegularInput(file, resolve(ctx.cwd, file), "usage file");
  const head = duck ? undefined : readHead(ctx, file);
  if (head !== undefined && isPeriodValueText(head)) {
    if (map !== undefined)
      throw new HedgeError("USAGE", "--map applies to usage files, not to a period,value series", {
        file,
        hint: "drop --map",
      });
    const parsed = parsePeriodValue(readTextFile(file, ctx.cwd), file);
    const { series } = parsed;
    if (series.granularity === "month" && period === "day") {
      throw new HedgeError("USAGE", "the file holds monthly values; a daily forecast needs daily values", {
        file,
        value: "--period day",
        expected: "--period month for a monthly series",
      });
    }
    if (series.granularity === "day" && period === "month") {
      const monthly = completeMonthTotals(series, file);
      return {
        source: "series",
        decimals: parsed.decimals,
        series: monthly.series,
        excluded: monthly.excluded,
        daily: series,
      };
    }
    return { source: "series", decimals: parsed.decimals, series, excluded: [] };
  }
  const loaded = await loadUsages(ctx, names, {
    dialect: usageDialectOf(flags),
    ...(map !== undefined ? { map } : {}),
  });
  warn(ctx, loaded.warnings);
  const usage = loaded.series;
  const sources = { usage: { sources: loaded.sources, overlaps: loaded.overlaps } };
  if (period === "day")
    return { source: "usage", unit: "tokens", decimals: 0, series: dailyTokens(usage), excluded: [], ...sources };
  const monthly = monthlyIndexTokens(usage);
  return {
    source: "usage",
    unit: "tokens",
    decimals: 0,
    series: { granularity: "month", start: monthly.start, values: monthly.values },
    excluded: monthly.excluded,
    daily: dailyTokens(usage),
    ...sources,
  };
}

export function forecastAction(env: CommandEnv) {
  return async (files: string[], flags: ForecastFlags): Promise<void> => {
    const { ctx } = env;
    const names = expandUsageArgs(ctx, files, flags.engine);
    const file = names.join(", ");
    const period = flags.period;
    const horizon = forecastHorizon(period, flags.horizon);
    const loaded = await loadSeries(ctx, names, period, flags);
    const knowledge = readKnowledge(ctx, flags);
    const settings = {
      file,
      horizon,
      seed: flags.seed,
      paths: flags.paths,
      ...(flags.select ? { select: flags.select } : {}),
      ...(flags.outliers ? { outliers: flags.outliers } : {}),
      ...(flags.backtest ? { backtest: true } : {}),
      ...(knowledge.events ? { events: knowledge.events } : {}),
      ...(knowledge.volumePlan ? { volumePlan: knowledge.volumePlan } : {}),
    };
    const view = forecastStage(loaded, settings, (months) => {
      // Progress with an estimate of the time left, on a terminal only and never under --json or --quiet.
      const stream = progressStream(ctx);
      const bar = !flags.json && stream.isTTY ? progressBar(stream, Date.now, "forecasting") : undefined;
      if (!bar) return undefined;
      const onProgress = forecastProgress(bar, {
        paths: flags.paths,
        horizon,
        ...(months !== undefined ? { monthly: { days: Math.round(months * 30.44), months } } : {}),
      });
      return { onProgress, done: () => bar.done() };
    });
    warn(ctx, forecastWarnings(view));
    for (const f of forecastFindings(view)) notice(ctx, `finding: ${f.message}`);
    emit(
      ctx,
      flags,
      {
        json: () => ({ ...forecastDocument(view), ...usageSourcesFields(loaded.usage) }),
        csv: () => forecastCsv(view),
        human: () => forecastHuman(view, ctx.colour, chartStyle(ctx)),
      },
      [...names.filter((n) => n !== STDIN), ...knowledge.files],
    );
  };
}
