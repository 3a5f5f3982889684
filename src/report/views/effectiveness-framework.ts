/** What `effectiveness --framework` adds: the framework's reserve and ineffectiveness, and the test at every period. */
import type { EffectivenessResult } from "../../effectiveness/index.js";
import { cumulativeAtEveryPeriod, frameworkAccounting, type Framework } from "../../effectiveness/relationship.js";
import { fmtMoney } from "../render/format.js";

export function frameworkDocument(e: EffectivenessResult, framework: Framework | null): Record<string, unknown> {
  const every = cumulativeAtEveryPeriod(e.dollarOffset.byPeriod);
  return {
    everyPeriod: every,
    ...(framework
      ? { accounting: frameworkAccounting(framework, e.dollarOffset.cumulativeHedge, e.dollarOffset.cumulativeItem) }
      : {}),
  };
}

export function frameworkHuman(e: EffectivenessResult, framework: Framework | null): string {
  const every = cumulativeAtEveryPeriod(e.dollarOffset.byPeriod);
  const lines = [
    every.pass
      ? "cumulative dollar offset at every period: pass"
      : `cumulative dollar offset at every period: FAIL in ${every.failedPeriods.length} period${every.failedPeriods.length === 1 ? "" : "s"} (${every.failedPeriods.join(", ")}) though the last may pass`,
  ];
  if (framework) {
    const a = frameworkAccounting(framework, e.dollarOffset.cumulativeHedge, e.dollarOffset.cumulativeItem);
    lines.push(
      `framework ${framework}: reserve (OCI) ${fmtMoney(a.reserve)}; ineffectiveness recorded ${fmtMoney(a.ineffectiveness)}. ${a.rule}`,
    );
  } else {
    lines.push(
      "no --framework: the reserve above is the lower-of figure; choose asc815 or ifrs9 for the framework's own treatment",
    );
  }
  return lines.join("\n") + "\n";
}
