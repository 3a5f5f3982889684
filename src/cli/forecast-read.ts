/**
 * What `forecast` reads (the I/O half of its action): one usage export or several (tokens by day, or by complete
 * month with the daily series behind it), or a plain `period,value` series recognised from the file's first bytes.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { resolve } from "node:path";
import { HedgeError } from "../errors.js";
import type { Granularity } from "../forecast/index.js";
import { completeMonthTotals } from "../forecast/input/complete-months.js";
import { isPeriodValueText, parsePeriodValue } from "../forecast/input/period-value.js";
import { dailyTokens } from "../forecast/input/usage-daily.js";
import { monthlyIndexTokens } from "../hedge/exposure.js";
import type { LoadedSeries } from "../pipeline/index.js";
import { checkRegularInput, readTextFile } from "./files.js";
import { loadUsages } from "./inputs.js";
import { STDIN } from "./usage-inputs.js";
import { usageDialectOf, type UsageReadFlags } from "./usage-flags.js";
import { warn } from "./output.js";
import type { RunContext } from "./commands/shared.js";

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

/** The series `forecast` reads: a usage export (or several) as tokens by day or month, or a `period,value` file. */
export async function loadSeries(
  ctx: RunContext,
  names: readonly string[],
  period: Granularity,
  flags: UsageReadFlags & { map?: string },
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
