/**
 * Assembling the usage series once every record has been mapped: the day/month order of a/b/yyyy dates settled
 * (or the run refused as ambiguous), the empty-result errors, the cube summed into the series, the skipped rows with
 * the cost they carried, and the data-quality findings. Pure; engine.ts calls it from `finish`.
 */
import { HedgeError } from "../../errors.js";
import type { Cube } from "./cube.js";
import type { DayBucketer } from "../values/day-bucket.js";
import type { MappingSpec } from "../mapping/schema.js";
import type { IngestOptions } from "../reading/options.js";
import { qualityFindings } from "./quality.js";
import type { RowMapper } from "../mapping/row-mapper.js";
import { buildSeries, seriesCells } from "./series.js";
import type { ProfileInfo, RowErrorSummary, SkipSummary, UsageSeries } from "../types.js";

/** Everything the run collected, handed over by the engine after the scanner's last record. */
export interface AssembleInput {
  options: IngestOptions;
  mapper: RowMapper;
  bucketer: DayBucketer;
  cube: Cube;
  /** Row errors counted under `--on-error skip`, by code. */
  errors: ReadonlyMap<string, RowErrorSummary>;
  spec: MappingSpec;
  profile: ProfileInfo;
  delimiter: string;
  headerLine: number;
}

function filtered(o: AssembleInput["options"]): boolean {
  return (
    o.from !== undefined ||
    o.to !== undefined ||
    o.models !== undefined ||
    o.providers !== undefined ||
    o.projects !== undefined
  );
}

export function assembleSeries(a: AssembleInput): UsageSeries {
  const { options: o, mapper, bucketer, errors, spec, profile, delimiter, headerLine } = a;
  let cube = a.cube;

  // Day/month order of a/b/yyyy dates: decided by the file, or ambiguous.
  if (bucketer.undecided) {
    if (bucketer.order === undefined) {
      const u = bucketer.undecided;
      throw new HedgeError("INPUT_DATE_AMBIGUOUS", `cannot read date "${u.value}"`, {
        file: o.file,
        line: u.line,
        column: mapper.dateColumnIndex() + 1,
        field: mapper.dateColumnName(),
        value: u.value,
        expected: "a date YYYY-MM-DD, or --date-format MM/DD/YYYY or DD/MM/YYYY",
        hint: "day/month order is ambiguous: no date in the file has a day above 12; pass --date-format (or convert the column to YYYY-MM-DD)",
      });
    }
    cube = cube.remapDays((key) => bucketer.resolveKey(key) ?? key);
  }

  if (mapper.rowsUsed === 0) {
    if (mapper.rowsRead === 0) {
      throw new HedgeError("INPUT_EMPTY", "the usage file has a header but no rows", {
        file: o.file,
        line: headerLine,
        expected: "at least one usage row",
      });
    }
    const why = [...mapper.skips.values()]
      .map((s) => `${s.count} ${s.reason}`)
      .concat([...errors.values()].map((e) => `${e.count} ${e.code}`));
    throw new HedgeError(
      "INPUT_EMPTY",
      `no usable rows: all ${mapper.rowsRead} rows were left out (${why.join(", ")})`,
      {
        file: o.file,
        expected: "at least one usage row",
        // The filters are ingest's own flags: name them only when they were given (other commands have none).
        hint: filtered(o)
          ? "check the filters (--from/--to/--model/--provider/--project) and --format"
          : "check --format (or --mapping) against the file's columns and kinds",
      },
    );
  }

  const kindCol = mapper.kindColumnName();
  const body = buildSeries(cube, {
    file: o.file,
    columns: {
      date: mapper.dateColumnName(),
      tokens: mapper.tokenColumnNames().join(", "),
      ...(kindCol ? { kind: kindCol } : {}),
      ...(mapper.dimensionColumn("model") ? { model: mapper.dimensionColumn("model") } : {}),
      ...(mapper.costColumnName() ? { cost: mapper.costColumnName() } : {}),
      ...(mapper.dimensionColumn("provider") ? { provider: mapper.dimensionColumn("provider") } : {}),
      ...(mapper.dimensionColumn("project") ? { project: mapper.dimensionColumn("project") } : {}),
    },
    hasCost: spec.cost !== undefined,
    ...(o.currency !== undefined ? { currency: o.currency } : {}),
  });

  const skipped: SkipSummary[] = [...mapper.skips.values()].map((s) => {
    const sums = mapper.costOnlySums.get(s.reason);
    return {
      ...s,
      ...(sums
        ? {
            cost: [...sums.entries()].map(([cur, sum]) => ({
              currency: cube.currencies.values[cur]!,
              amount: sum.toDec(),
            })),
          }
        : {}),
    };
  });
  const rowErrors = [...errors.values()];
  const findings = qualityFindings({
    series: body,
    bucketer,
    duplicates: mapper.duplicates,
    dedupe: o.dedupe === true,
    rowErrors,
    unitCheck: mapper.unitCheck,
    ...(o.asOf !== undefined ? { asOf: o.asOf } : {}),
    staleDays: o.staleDays ?? 7,
  });
  const { cells: _cells, ...rest } = body;
  const series: UsageSeries = {
    ...rest,
    rowsRead: mapper.rowsRead,
    rowsUsed: mapper.rowsUsed,
    profile,
    mapping: spec,
    delimiter,
    headerLine: headerLine,
    skipped,
    rowErrors,
    findings,
  };
  // The per-cell breakdown is computed when first read (group-by, library callers).
  let cells: UsageSeries["cells"];
  Object.defineProperty(series, "cells", {
    enumerable: true,
    get: () => (cells ??= seriesCells(cube, body.currency ?? null)),
  });
  return series;
}
