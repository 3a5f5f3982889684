/** Loading each kind of input file: read the text here, parse it in the pure core. */
import { parseContractSpec, type ContractSpec } from "../curve/contract.js";
import { parseCurveCsv, type FuturesCurve } from "../curve/parse-curve.js";
import { parsePolicy, type HedgePolicy } from "../hedge/policy.js";
import { ingestUsage, parseMapFlag, type UsageSeries } from "../ingest/index.js";
import { readTextFile } from "./files.js";
import type { IoContext } from "./context.js";

export function loadUsage(ctx: IoContext, file: string, map?: string): UsageSeries {
  return ingestUsage(readTextFile(file, ctx.cwd), { file, ...(map ? { map: parseMapFlag(map) } : {}) });
}

export function loadCurve(ctx: IoContext, file: string): FuturesCurve {
  return parseCurveCsv(readTextFile(file, ctx.cwd), file);
}

export function loadContract(ctx: IoContext, file: string): ContractSpec {
  return parseContractSpec(readTextFile(file, ctx.cwd), file);
}

export function loadPolicy(ctx: IoContext, file: string): HedgePolicy {
  return parsePolicy(readTextFile(file, ctx.cwd), file);
}
