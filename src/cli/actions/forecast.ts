/**
 * `tokenhedge forecast FILE`'s action (its options: commands/forecast.ts): load a usage export or a plain `period,value`
 * series (forecast-read.ts), forecast it by month or by day with 80% / 95% intervals and optionally backtest the candidate models
 * (pipeline/forecast-stage.ts), with a progress bar on a terminal, and print a table and fan chart, JSON or CSV.
 */
import type { Granularity, OutlierMode, SelectionMethod } from "../../forecast/index.js";
import { forecastHorizon, forecastStage } from "../../pipeline/index.js";
import { loadSeries } from "../forecast-read.js";
import {
  forecastCsv,
  forecastDocument,
  forecastFindings,
  forecastHuman,
  forecastWarnings,
} from "../../report/views/forecast.js";
import { readKnowledge, type KnowledgeFlags } from "../forecast-knowledge.js";
import { usageSourcesFields } from "../../report/views/ingest.js";
import { expandUsageArgs, STDIN } from "../usage-inputs.js";
import type { UsageReadFlags } from "../usage-flags.js";
import { emit, notice, warn, type OutputFlags } from "../output.js";
import { forecastProgress, progressBar, progressStream } from "../progress-bar.js";
import { chartStyle, type CommandEnv } from "../commands/shared.js";

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
