/** `tokenhedge demo`'s action (its options: commands/demo.ts): the answer first, then each stage. */
import { fileURLToPath } from "node:url";
import { relative } from "node:path";
import { DEFAULT_PRICE_SHOCKS, DEFAULT_VOLUME_CASES, scenarioGrid } from "../../scenarios/grid.js";
import { ingestHuman } from "../../report/views/ingest.js";
import { forecastHuman } from "../../report/views/forecast.js";
import { planHuman, planSummary } from "../../report/views/plan.js";
import { planAnswerHuman, planAnswerSentences } from "../../report/views/plan-answer.js";
import { scenariosHuman } from "../../report/views/scenarios.js";
import { curveReportHuman } from "../../report/views/curve.js";
import { planAnswer } from "../../pipeline/plan-answer.js";
import { forecastOrigin } from "../../pipeline/index.js";
import { loadCurveReport } from "../curve-read.js";
import { loadPlan } from "../plan-inputs.js";
import { loadUsage } from "../inputs.js";
import { warn, writeHuman } from "../output.js";
import { chartStyle, type CommandEnv } from "../commands/shared.js";

/** The bundled fixtures, found relative to this file so `npm start` works from any directory. */
function fixturesDir(cwd: string): string {
  const abs = fileURLToPath(new URL("../../../fixtures/acme/", import.meta.url));
  const rel = relative(cwd, abs);
  return rel === "" ? "." : rel;
}

export function demoAction(env: CommandEnv) {
  return async (): Promise<void> => {
    const { ctx } = env;
    const dir = fixturesDir(ctx.cwd);
    const f = (name: string): string => `${dir}/${name}`;
    const section = (title: string): void => writeHuman(ctx, `\n== ${title} ==\n`);

    // The same inputs as `tokenhedge plan`, with the company's own price history for the basis.
    const stage = await loadPlan(ctx, f("usage.csv"), {
      curve: f("token-curve.csv"),
      contract: f("token-contract.json"),
      policy: f("policy.json"),
      history: f("price-history.csv"),
      seed: 42,
    });
    const { plan, exposure, company } = stage;
    const answer = planAnswer(stage);
    warn(ctx, [...exposure.forecast.warnings, ...plan.warnings, ...(company?.warnings ?? [])]);

    section("the answer");
    writeHuman(ctx, `${planSummary(plan)}\n${planAnswerSentences(answer, company).join("\n")}\n`);
    writeHuman(
      ctx,
      `\nReproduce it: tokenhedge plan ${f("usage.csv")} --curve ${f("token-curve.csv")} --contract ${f("token-contract.json")} --policy ${f("policy.json")} --history ${f("price-history.csv")}\n`,
    );

    section(`ingest ${f("usage.csv")}`);
    writeHuman(ctx, ingestHuman(await loadUsage(ctx, f("usage.csv")), "month", ctx.colour));
    section("forecast");
    writeHuman(ctx, forecastHuman(exposure, ctx.colour, chartStyle(ctx)));
    section(`curve ${f("token-curve.csv")}`);
    writeHuman(
      ctx,
      curveReportHuman(f("token-curve.csv"), loadCurveReport(ctx, f("token-curve.csv"), f("token-contract.json")), {
        colour: ctx.colour,
        chart: true,
        unicode: ctx.unicode ?? false,
      }),
    );
    section("hedge plan");
    writeHuman(ctx, planHuman(plan, ctx.colour) + planAnswerHuman(answer, company, ctx.colour));
    section("P&L scenarios");
    const options = { asOf: forecastOrigin(stage), ...(company ? { company } : {}) };
    writeHuman(
      ctx,
      scenariosHuman(plan, scenarioGrid(plan, DEFAULT_PRICE_SHOCKS, DEFAULT_VOLUME_CASES, options), ctx.colour, {
        asOf: options.asOf,
        ...(company ? { company } : {}),
      }),
    );
    writeHuman(
      ctx,
      `\nEach stage is a command: tokenhedge ingest | forecast | curve | plan | scenarios | simulate | report (add --json or --csv). See tokenhedge --help.\n`,
    );
  };
}
