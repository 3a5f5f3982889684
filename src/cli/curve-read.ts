/** Reading and analysing a futures curve: the `curve` command's work, which `demo` shows too. */
import { completeCurve } from "../curve/complete-curve.js";
import { curveReport, type CurveKind, type CurveReport } from "../curve/curve-report.js";
import { DEFAULT_TOKEN_DEFLATION, parseDeflation } from "../curve/deflation.js";
import { loadContract, loadCurve } from "./inputs.js";
import type { IoContext } from "./context.js";
import { warn } from "./output.js";

/** Read, complete and analyse a curve (the `curve` command's work; `demo` shows it too). */
export function loadCurveReport(ctx: IoContext, file: string, contractFile?: string, deflation?: string): CurveReport {
  const raw = loadCurve(ctx, file);
  const spec = contractFile ? loadContract(ctx, contractFile) : undefined;
  const curve = completeCurve(raw, spec?.listedMonths, spec?.name);
  let kind: CurveKind = "token";
  let kindSource = "the default unit; pass --contract for a GPU-hour curve";
  if (spec) {
    kind = spec.underlying === "gpu-hour-index" ? "gpu-hour" : "token";
    kindSource = `from ${contractFile}`;
  } else if (raw.quoteUnit) {
    kind = /gpu/i.test(raw.quoteUnit) ? "gpu-hour" : "token";
    kindSource = "from the curve file's quoteUnit";
  }
  const trend = deflation !== undefined ? parseDeflation(deflation) : kind === "token" ? DEFAULT_TOKEN_DEFLATION : null;
  if (curve.interpolated.length > 0) {
    warn(ctx, [
      `${file}: no price for ${curve.interpolated.join(", ")}; interpolated linearly between the neighbouring months (flagged)`,
    ]);
  }
  return curveReport(curve, { kind, kindSource, tickSize: spec?.tickSize ?? 0.01, trend });
}
