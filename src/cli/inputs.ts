/** Loading each kind of input file: read the text here, parse it in the pure core. */
import { parseContractSpec, type ContractSpec } from "../curve/contract.js";
import { parseCurve, type FuturesCurve } from "../curve/parse-curve.js";
import { parsePolicy, type HedgePolicy } from "../hedge/policy.js";
import { parseMapFlag, type UsageSeries } from "../ingest/index.js";
import { readTextFile } from "./files.js";
import { readUsageSync, resolveMapping } from "./ingest-read.js";
import type { IoContext } from "./context.js";

/**
 * A usage file → its series: the export format detected from the header (or `--map` columns, or a
 * `FILE.map.yaml` mapping beside it), read in chunks so large per-request logs stay in bounded memory.
 */
export function loadUsage(ctx: IoContext, file: string, map?: string): UsageSeries {
  const found = map ? undefined : resolveMapping(ctx, file);
  return readUsageSync(ctx, file, {
    file,
    ...(map ? { map: parseMapFlag(map) } : {}),
    ...(found ? { mapping: found.mapping, mappingSource: found.source } : {}),
  });
}

export function loadCurve(ctx: IoContext, file: string): FuturesCurve {
  return parseCurve(readTextFile(file, ctx.cwd), file);
}

export function loadContract(ctx: IoContext, file: string): ContractSpec {
  return parseContractSpec(readTextFile(file, ctx.cwd), file);
}

export function loadPolicy(ctx: IoContext, file: string): HedgePolicy {
  return parsePolicy(readTextFile(file, ctx.cwd), file);
}
