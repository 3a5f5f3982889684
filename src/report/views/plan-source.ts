/** Where the plan came from when it was read from a saved plan (`--plan FILE`): the header line and the JSON field. */
import type { PlanSource } from "../../pipeline/saved-plan-stage.js";
import { fmtInt, fmtMoney } from "../render/format.js";

/** The `planSource` field of scenarios, simulate and report JSON. */
export function planSourceDocument(source: PlanSource): Record<string, unknown> {
  return { ...source };
}

/** What today's curve is used for, said in the header: by scenarios (the default), simulate and report. */
export const PLAN_SOURCE_USE = {
  scenarios: "price shocks are against it",
  simulate: "settlements are centred on it",
  report: "scenarios and the simulation use it",
} as const;

/** Two header lines: the file, what it held, and the pricing rule (today's curve), with the months that moved. */
export function planSourceHuman(source: PlanSource, use: string = PLAN_SOURCE_USE.scenarios): string {
  const { months } = source;
  const held = `${months.count} month${months.count === 1 ? "" : "s"} ${months.first} … ${months.last}, ${fmtInt(source.contracts)} contracts${source.seed !== null ? `, seed ${source.seed}` : ""}`;
  const moved =
    source.moved.length === 0
      ? "no futures price moved since it was saved"
      : `${source.moved.length} month${source.moved.length === 1 ? "" : "s"} moved since it was saved (${source.moved.map((m) => `${m.month} ${m.savedPrice} → ${m.currentPrice}`).join(", ")}; worth ${fmtMoney(source.moved.reduce((a, m) => a + m.value, 0))} on the saved contracts)`;
  return (
    `plan: from ${source.file} (saved plan, not re-planned: ${held})\n` +
    `prices: the saved contracts on today's curve ${source.curveFile}, and ${use}; ${moved}\n`
  );
}
