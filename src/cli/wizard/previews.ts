/** What init shows after each file is chosen: the usage file's format and first lines, the curve, the contract. */
import { analyseCurve } from "../../curve/shape.js";
import { fmtInt } from "../../report/render/format.js";
import type { RunContext } from "../commands/shared.js";
import { readTextFile } from "../files.js";
import { loadContract, loadCurve, loadUsageSync } from "../inputs.js";
import type { UsageDialect } from "../../ingest/reading/option-names.js";

export function usagePreview(ctx: RunContext, file: string, dialect: UsageDialect): string {
  const series = loadUsageSync(ctx, file, { dialect });
  const lines = readTextFile(file, ctx.cwd)
    .split(/\r?\n/)
    .slice(0, 6)
    .filter((l) => l !== "");
  const p = series.profile;
  return [
    `  format:     ${p ? `${p.title} (${p.reason})` : "generic CSV"}; columns ${Object.entries(series.columns)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
    `  preview:`,
    ...lines.map((l) => `    ${l.length > 110 ? `${l.slice(0, 107)}...` : l}`),
    `  date range: ${series.firstDay} … ${series.lastDay} (${series.days.length} days, ${series.missingDays.length} without rows), ${fmtInt(series.totalTokens)} tokens`,
  ].join("\n");
}

export function curvePreview(ctx: RunContext, file: string): string {
  const curve = loadCurve(ctx, file);
  const a = analyseCurve(curve.points);
  return `  ${curve.points.length} delivery months ${a.front.month} … ${a.back.month}, ${a.front.price} → ${a.back.price}: ${a.shape}`;
}

export function contractPreview(ctx: RunContext, file: string): string {
  const spec = loadContract(ctx, file);
  return `  ${spec.name}${spec.illustrative ? " [ILLUSTRATIVE]" : ""}: ${fmtInt(spec.contractSize)} ${spec.sizeUnit} per contract, quoted ${spec.quoteUnit}`;
}
