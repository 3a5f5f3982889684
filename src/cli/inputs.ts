/** Loading each kind of input file: read the text here, parse it in the pure core. */
import { parseContractSpec, type ContractSpec } from "../curve/contract.js";
import { parseCurve, type FuturesCurve } from "../curve/parse-curve.js";
import { parsePolicy, type HedgePolicy } from "../hedge/policy.js";
import { parseMapFlag, type ColumnMap, type UsageSeries } from "../ingest/index.js";
import { dialectIngestOptions } from "../ingest/reading/dialect.js";
import type { IngestOptions } from "../ingest/reading/options.js";
import type { UsageDialect } from "../ingest/reading/option-names.js";
import { readTextFile } from "./files.js";
import { readUsageStdin, readUsageStream, readUsageSync, resolveMapping } from "./ingest-read.js";
import { expandUsageArgs, STDIN } from "./usage-inputs.js";
import { combineUsage, type CombinedUsage, type UsageInputRecord } from "../ingest/series/combine.js";
import { HedgeError, type ErrorCode } from "../errors.js";
import type { IoContext } from "./context.js";

/** What a command asks of the usage reader: the reading flags (or config keys), `--map`, and any engine option of its own. */
export interface UsageRequest {
  dialect?: UsageDialect;
  /** `--map` (text) or the config's `usage.map` (parsed). */
  map?: string | Partial<ColumnMap>;
  /** Options only some commands have (ingest's filters, --as-of). */
  extra?: Omit<IngestOptions, "file">;
}

/**
 * The engine's options for one usage file: the mapping in force (`--mapping FILE`; else, without `--map`,
 * a `FILE.map.yaml` beside the data), the dialect and the command's own options.
 */
export function usageIngestOptions(
  ctx: IoContext,
  file: string,
  req: UsageRequest = {},
  lookBeside = true,
): IngestOptions {
  const dialect = req.dialect ?? {};
  const found =
    dialect.mapping !== undefined || (req.map === undefined && lookBeside)
      ? resolveMapping(ctx, file, dialect.mapping)
      : undefined;
  const map = typeof req.map === "string" ? parseMapFlag(req.map) : req.map;
  return {
    file,
    ...(map ? { map } : {}),
    ...(found ? { mapping: found.mapping, mappingSource: found.source } : {}),
    ...dialectIngestOptions(dialect),
    ...req.extra,
  };
}

/**
 * A usage file → its series: the export format detected from the header (or `--format`, `--map` columns, a
 * mapping file), streamed in chunks so large per-request logs stay in bounded memory.
 */
export function loadUsage(ctx: IoContext, file: string, req: UsageRequest = {}): Promise<UsageSeries> {
  return readUsageWith(ctx, file, usageIngestOptions(ctx, file, req), req.dialect?.engine);
}

/**
 * The reader for `--engine`: DuckDB for `duckdb` and for Parquet (which only it reads; its module loads
 * only then), else the built-in streaming reader. Both end in the same engine, so totals agree.
 */
export async function readUsageWith(
  ctx: IoContext,
  file: string,
  options: IngestOptions,
  engine: UsageDialect["engine"],
): Promise<UsageSeries> {
  if (engine === "duckdb" || /\.parquet$/i.test(file)) {
    const { readUsageDuckDb } = await import("./duckdb-read.js");
    return readUsageDuckDb(ctx, file, options);
  }
  return readUsageStream(ctx, file, options);
}

/** Several usage inputs combined (src/ingest/series/combine.ts), and what each one was. */
export interface LoadedUsage extends CombinedUsage {
  /** The inputs read, in order: paths, or `-` for standard input (with its SHA-256, since it cannot be read again). */
  inputs: UsageInputRecord[];
}

/** How standard input is named in messages and the JSON. */
export const STDIN_NAME = "<stdin>";

/**
 * The usage arguments (files, directories, quoted globs, `-`) → one combined series. Each file is read
 * on its own, its format detected from its own header (or the same `--format`/`--mapping` for all);
 * exact duplicates across files are counted once and every overlap reported (combine.ts).
 */
export async function loadUsages(
  ctx: IoContext,
  args: readonly string[],
  req: UsageRequest = {},
): Promise<LoadedUsage> {
  const engine = req.dialect?.engine;
  const names = expandUsageArgs(ctx, args, engine);
  const parts: UsageSeries[] = [];
  const inputs: LoadedUsage["inputs"] = [];
  for (const name of names) {
    if (name === STDIN) {
      if (engine === "duckdb")
        throw new HedgeError("USAGE", "--engine duckdb cannot read standard input (-)", {
          hint: "save the data to a file and pass its path, or read - with the built-in reader",
        });
      // No mapping file can sit beside standard input; --mapping FILE still applies.
      const read = await readUsageStdin(ctx, usageIngestOptions(ctx, STDIN_NAME, req, false));
      parts.push(read.series);
      inputs.push({ path: STDIN, sha256: read.sha256, bytes: read.bytes });
    } else {
      parts.push(await loadUsage(ctx, name, req));
      inputs.push({ path: name });
    }
  }
  return { ...combineUsage(parts), inputs };
}

/** loadUsage for the wizard's synchronous prompts (`init`). */
export function loadUsageSync(ctx: IoContext, file: string, req: UsageRequest = {}): UsageSeries {
  return readUsageSync(ctx, file, usageIngestOptions(ctx, file, req));
}

/**
 * A file's own validation error with a hint saying what the input is meant to hold, when the error has none: the
 * usual cause is another input's file given in its place (a contract spec as --curve).
 */
function withInputHint<T>(read: () => T, codes: readonly ErrorCode[], hint: string): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof HedgeError && codes.includes(err.code) && err.details.hint === undefined)
      throw new HedgeError(err.code, err.message, { ...err.details, hint });
    throw err;
  }
}

export function loadCurve(ctx: IoContext, file: string): FuturesCurve {
  return withInputHint(
    () => parseCurve(readTextFile(file, ctx.cwd), file),
    ["CURVE_INVALID"],
    "the futures curve (--curve, or curve: in the config) is a CSV of month,price, e.g. fixtures/acme/token-curve.csv",
  );
}

export function loadContract(ctx: IoContext, file: string): ContractSpec {
  return withInputHint(
    () => parseContractSpec(readTextFile(file, ctx.cwd), file),
    ["CONTRACT_INVALID"],
    "the contract spec (--contract, or contract: in the config) is JSON or YAML, e.g. fixtures/acme/token-contract.json",
  );
}

export function loadPolicy(ctx: IoContext, file: string): HedgePolicy {
  return withInputHint(
    () => parsePolicy(readTextFile(file, ctx.cwd), file),
    ["POLICY_INVALID"],
    "the hedge policy (--policy, or policy: in the config) is JSON with a ladder, e.g. fixtures/acme/policy.json",
  );
}
