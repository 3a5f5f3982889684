/** `tokenhedge demo`'s action (its options: commands/demo.ts). */
import { fileURLToPath } from "node:url";
import { relative } from "node:path";
import { DEFAULT_PRICE_SHOCKS, DEFAULT_VOLUME_CASES, scenarioGrid } from "../../scenarios/grid.js";
import { ingestHuman } from "../../report/views/ingest.js";
import { forecastHuman } from "../../report/views/forecast.js";
import { planHuman } from "../../report/views/plan.js";
import { scenariosHuman } from "../../report/views/scenarios.js";
import { curveReportHuman } from "../../report/views/curve.js";
import { loadCurveReport } from "../curve-read.js";
import { loadPlan } from "../plan-inputs.js";
import { loadUsage } from "../inputs.js";
import { warn } from "../output.js";
import type { CommandEnv } from "../commands/shared.js";

/** The bundled fixtures, found relative to this file so `npm start` works from any directory. */
function fixturesDir(cwd: string): string {
  const abs = fileURLToPath(new URL("../../../fixtures/acme/", import.meta.url));
  const rel = relative(cwd, abs);
  return rel === "" ? "." : rel;
}

export function demoAction(env: CommandEnv) {
  return (): void => {
    const { ctx } = env;
    const dir = fixturesDir(ctx.cwd);
    const f = (name: string): string => `${dir}/${name}`;
    const section = (title: string): void => ctx.stdout.write(`\n== ${title} ==\n`);

    section(`ingest ${f("usage.csv")}`);
    ctx.stdout.write(ingestHuman(loadUsage(ctx, f("usage.csv")), "month", ctx.colour));

    const { plan, exposure } = loadPlan(ctx, f("usage.csv"), {
      curve: f("token-curve.csv"),
      contract: f("token-contract.json"),
      policy: f("policy.json"),
      seed: 42,
    });
    warn(ctx, [...exposure.forecast.warnings, ...plan.warnings]);
    section("forecast");
    ctx.stdout.write(forecastHuman(exposure, ctx.colour));
    section(`curve ${f("token-curve.csv")}`);
    ctx.stdout.write(curveReportHuman(f("token-curve.csv"), loadCurveReport(ctx, f("token-curve.csv"), f("token-contract.json")), { colour: ctx.colour, chart: true }));
    section("hedge plan");
    ctx.stdout.write(planHuman(plan, ctx.colour));
    section("P&L scenarios");
    ctx.stdout.write(scenariosHuman(plan, scenarioGrid(plan, DEFAULT_PRICE_SHOCKS, DEFAULT_VOLUME_CASES), ctx.colour));
    ctx.stdout.write(`\nEach stage is a command: tokenhedge ingest | forecast | curve | plan | scenarios (add --json or --csv). See tokenhedge --help.\n`);
  };
}
